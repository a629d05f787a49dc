/**
 * The service's one public fetcher, through both of its callers: copying an image
 * (fetchImage) and reading an old site's feed page (fetchPage). Neither reaches a private,
 * loopback or link-local address, by its literal, by DNS or by a redirect; only the import's
 * IMPORT_ALLOW_HOSTS lets the tests' fixture server through. DNS and the hosts are played by
 * test/support/image-hosts.mjs and test/support/fixture-host.ts.
 */
import { reset, type WorkflowIntrospector } from 'cloudflare:test'
import { afterAll, describe, expect, it } from 'vitest'
import { fetchPage, FetchFailed, userAgent } from '../../src/imports/fetch'
import { fetchImage } from '../../src/media/fetch-image'
import { FIXTURE_HOST } from '../support/fixture-host'
import { readImport, runEnds, startImport, watchImports } from '../support/imports'

afterAll(() => reset())

const PHOTOS = 'https://photos.img.test'

/** Addresses no fetch may reach, and why each is refused. */
const REFUSED: [string, string][] = [
  ['http://127.0.0.1/a', 'is not fetched: 127.0.0.1 is a loopback address'],
  ['http://[::1]/a', 'is not fetched: ::1 is a loopback address'],
  ['http://[::ffff:10.0.0.1]/a', 'is not fetched: 10.0.0.1 is a private address'],
  ['http://169.254.169.254/latest/', 'is not fetched: 169.254.169.254 is a linkLocal address'],
  ['http://localhost/a', 'is not fetched: localhost is not a public host name'],
  ['http://intranet.corp/a', 'is not fetched: intranet.corp is not a public host name'],
  [
    'https://rebind.img.test/a',
    'is not fetched: rebind.img.test resolves to 10.0.0.7: 10.0.0.7 is a private address',
  ],
  [
    'https://private.img.test/a',
    'is not fetched: private.img.test resolves to 192.168.0.10: 192.168.0.10 is a private address',
  ],
  [
    `${PHOTOS}/to-loopback.jpg`,
    'redirected to http://127.0.0.1/x.jpg, which is not fetched: 127.0.0.1 is a loopback address',
  ],
  [
    `${PHOTOS}/to-rebind.jpg`,
    'redirected to https://rebind.img.test/x.jpg, which is not fetched: rebind.img.test resolves to 10.0.0.7: 10.0.0.7 is a private address',
  ],
  [
    `http://${FIXTURE_HOST}/f/x/rss/feed.xml`,
    'is not fetched: only ports 80 and 443 are fetched, not 8080',
  ],
  ['http://user:secret@photos.img.test/a', 'is not fetched: URLs with credentials are not fetched'],
]

const page = (url: string, allowHosts = new Set<string>()) =>
  fetchPage(url, { allowHosts, agent: userAgent('https://news.example.org') })

describe('an image to copy', () => {
  it.each(REFUSED)('is refused at %s', async (url, reason) => {
    expect(await fetchImage(url)).toEqual({ ok: false, reason, transient: false })
  })

  it('is fetched from a public host, through its redirect', async () => {
    const fetched = await fetchImage(`${PHOTOS}/moved.jpg`)
    expect(fetched).toMatchObject({ ok: true, url: `${PHOTOS}/gps.jpg` })
  })
})

describe("an old site's feed page", () => {
  it.each(REFUSED)('is refused at %s', async (url, reason) => {
    const error = await page(url).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FetchFailed)
    expect((error as FetchFailed).message).toBe(`${url}: ${reason}`)
    expect((error as FetchFailed).transient).toBe(false)
  })

  it('is fetched from a host IMPORT_ALLOW_HOSTS lists, and that alone', async () => {
    const url = `http://${FIXTURE_HOST}/f/outbound/rss/feed.xml`
    const fetched = await page(url, new Set([FIXTURE_HOST]))
    expect(fetched.text).toContain('<rss')
    // The list lets the import's fixture server through; an image on it is still refused.
    expect(await fetchImage(url)).toMatchObject({ ok: false, transient: false })
  })
})

describe('an import', () => {
  let watcher: WorkflowIntrospector

  it('fails, saying why, when its feed resolves to a private address', async () => {
    watcher = await watchImports()
    try {
      const id = await startImport({ source: 'https://rebind.img.test/feed.xml' })
      await runEnds(watcher, 'errored')
      const report = await readImport(id)
      expect(report.state).toBe('failed')
      expect(report.error).toContain('rebind.img.test resolves to 10.0.0.7')
    } finally {
      await watcher.dispose()
    }
  })
})

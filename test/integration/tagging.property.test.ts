/**
 * Tag completeness: random sequences of publishes, replaces, deletes and undeletes across
 * tags, scripts and pages, each followed by the purges it causes, against a model of Workers
 * Cache. After every write no cached page may differ from a fresh render: a route that
 * forgot a tag leaves a stale copy, which the last test shows this check catches.
 */
import { reset } from 'cloudflare:test'
import fc from 'fast-check'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { edge, type Edge } from '../support/edge'
import { ADMIN_TOKEN, client, settleDesk, SITE } from '../helpers'

const SEED = inject('fuzzSeed')
// Each run is a whole sequence of writes: a tenth of the article runs.
const RUNS = Math.max(3, Math.round(inject('fuzzRuns') / 100))

afterEach(() => reset())

console.info(
  `tagging.property.test.ts: ${RUNS} sequences, seed ${SEED} (replay: FUZZ_SEED=${SEED} npm run fuzz)`,
)

const IDS = ['alpha', 'beta', 'gamma', 'delta']
const TAGS = ['經開區', '经开区', 'news', 'News', '軟體']
const DATES = ['2024-01-01T00:00:00Z', '2024-02-01T08:00:00+08:00', '2024-03-01T00:00:00Z']

type Op =
  | { kind: 'put'; id: string; title: string; tags: string[]; date: string }
  | { kind: 'delete'; id: string }
  | { kind: 'undelete'; id: string }

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      id: fc.constantFrom(...IDS),
      title: fc.constantFrom('第一', 'Second', '第三則'),
      tags: fc.subarray(TAGS, { maxLength: 3 }),
      date: fc.constantFrom(...DATES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...IDS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('undelete' as const), id: fc.constantFrom(...IDS) }),
  },
)

/** Every public page the writes can change, in the original and both scripts. */
function pages(): string[] {
  const listings = ['', ...TAGS.map((t) => `/tags/${encodeURIComponent(t)}`)]
  const base = [
    ...listings.flatMap((l) => [
      l || '/',
      `${l}/feed.xml`,
      `${l}/atom.xml`,
      `${l}/feed.json?limit=2`,
    ]),
    ...IDS.flatMap((id) => [`/articles/${id}`, `/articles/${id}/older`]),
    '/feeds',
    '/sitemap.xml',
    '/sitemaps/1.xml',
    '/sitemaps/news.xml',
  ]
  return [...base, ...base.map((p) => `/zh-Hans${p === '/' ? '/' : p}`)]
}
const PAGES = pages()
const BROWSER = { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate' }

async function apply(c: ReturnType<typeof client>, step: Op): Promise<void> {
  if (step.kind === 'put') {
    const res = await c.put(step.id, {
      title: step.title,
      content_text: `${step.title} 的內容`,
      tags: step.tags,
      published: step.date,
    })
    expect([200, 201]).toContain(res.status)
  } else if (step.kind === 'delete') {
    expect([204, 404]).toContain((await c.del(step.id)).status)
  } else {
    const res = await c.fetch('/micropub', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'undelete', url: `${SITE}/articles/${step.id}` }),
    })
    expect([204, 400, 409]).toContain(res.status)
  }
  await settleDesk()
}

/** Cached entries whose body or status differs from what the Worker renders now. */
async function staleEntries(e: Edge): Promise<string[]> {
  const stale: string[] = []
  for (const entry of e.cache.stored()) {
    const headers = Object.fromEntries(entry.vary.filter(([, v]) => v !== null)) as Record<
      string,
      string
    >
    const fresh = await e.render(entry.key, headers)
    const same =
      fresh.status === entry.status && (await fresh.text()) === new TextDecoder().decode(entry.body)
    if (!same) stale.push(`${entry.key} ${JSON.stringify(headers)}`)
  }
  return stale
}

/** Runs the writes, reading every page through the cache before each. */
async function run(e: Edge, steps: Op[]): Promise<string[]> {
  const c = client()
  for (const [i, step] of steps.entries()) {
    for (const path of PAGES) {
      await e.get(path)
      if (/\/(feed\.xml|atom\.xml|feed\.json)/.test(path)) await e.get(path, { headers: BROWSER })
    }
    await apply(c, step)
    const stale = await staleEntries(e)
    if (stale.length) return [`after step ${i} of ${JSON.stringify(steps)}:`, ...stale]
  }
  return []
}

describe(`tag completeness, ${RUNS} sequences (seed ${SEED})`, { timeout: 120_000 * RUNS }, () => {
  it('leaves no cached page older than a fresh render after any write', async () => {
    const sequences = fc.sample(fc.array(op, { minLength: 6, maxLength: 12 }), {
      numRuns: RUNS,
      seed: SEED,
    })
    for (const steps of sequences) {
      const e = edge()
      try {
        expect(await run(e, steps)).toEqual([])
        expect(e.cache.refused).toBe(0)
      } finally {
        e.stop()
      }
      await reset()
    }
  })

  it('notices a route that leaves off one tag', async () => {
    // The Atom feed forgets `all`: a new article does not purge it.
    const e = edge({
      sabotage: (path, res) => {
        if (path !== '/atom.xml') return res
        const headers = new Headers(res.headers)
        const tags = (headers.get('Cache-Tag') ?? '').split(',').filter((t) => t !== 'all')
        headers.set('Cache-Tag', tags.join(','))
        return new Response(res.body, { status: res.status, headers })
      },
    })
    try {
      const stale = await run(e, [
        { kind: 'put', id: 'alpha', title: '第一', tags: [], date: DATES[0]! },
        { kind: 'put', id: 'beta', title: 'Second', tags: [], date: DATES[1]! },
      ])
      expect(stale.join('\n')).toContain('/atom.xml')
    } finally {
      e.stop()
    }
  })
})

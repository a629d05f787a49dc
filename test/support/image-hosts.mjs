// The outside world of the rehosting tests, played in Node by the workers project's
// outboundService (vitest.config.ts): DNS over HTTPS at cloudflare-dns.com, and image hosts
// under img.test. photos.img.test refuses any request with a Referer, as hotlink-protected
// Chinese news sites do (防盜鏈).
import { readFileSync } from 'node:fs'

const fixture = (name) => readFileSync(new URL(`../fixtures/media/${name}`, import.meta.url))

/** The addresses DNS gives each name: public for most, private for the rebinding ones. */
const ADDRESSES = {
  'rebind.img.test': '10.0.0.7',
  'private.img.test': '192.168.0.10',
  'metadata.img.test': '169.254.169.254',
}

/** True for the hosts this module plays. */
export function isImageHost(hostname) {
  return hostname === 'cloudflare-dns.com' || hostname.endsWith('.img.test')
}

function dns(url) {
  const name = url.searchParams.get('name') ?? ''
  const type = url.searchParams.get('type')
  const address = name.endsWith('.img.test') ? (ADDRESSES[name] ?? '93.184.216.34') : undefined
  const answer = address && type === 'A' ? [{ name, type: 1, TTL: 300, data: address }] : []
  return Response.json(
    { Status: address ? 0 : 3, Answer: answer },
    { headers: { 'Content-Type': 'application/dns-json' } },
  )
}

const redirect = (location) => new Response(null, { status: 302, headers: { Location: location } })

/** @param {Request} request */
export function imageHost(request) {
  const url = new URL(request.url)
  if (url.hostname === 'cloudflare-dns.com') return dns(url)
  if (request.headers.has('Referer')) return new Response('hotlinking', { status: 403 })
  switch (url.pathname) {
    case '/gps.jpg':
      return new Response(fixture('gps.jpg'), { headers: { 'Content-Type': 'image/jpeg' } })
    case '/gps.png':
      // A host that names the wrong type: the bytes decide.
      return new Response(fixture('gps.png'), { headers: { 'Content-Type': 'image/jpeg' } })
    case '/moved.jpg':
      return redirect('https://photos.img.test/gps.jpg')
    case '/to-loopback.jpg':
      return redirect('http://127.0.0.1/x.jpg')
    case '/to-rebind.jpg':
      return redirect('https://rebind.img.test/x.jpg')
    case '/loop.jpg':
      return redirect('/loop.jpg')
    case '/page.html':
      return new Response('<!doctype html><p>not an image', {
        headers: { 'Content-Type': 'image/jpeg' },
      })
    case '/down.jpg':
      return new Response('busy', { status: 503 })
    case '/hang.jpg':
      return new Promise(() => {})
    default:
      return new Response('not found', { status: 404 })
  }
}

// Cloudflare Access teams for the desk's Access sign-in tests, played in Node by the workers
// project's outboundService (vitest.config.ts): each *.cloudflareaccess.com team serves at
// /cdn-cgi/access/certs the key set a test published there with a PUT (the test holds the
// private key and signs its own tokens). A team nobody published to answers 404.

const keySets = new Map()

/** True for the hosts this module plays. */
export function isAccessTeam(hostname) {
  return hostname.endsWith('.cloudflareaccess.com')
}

export async function accessTeam(request) {
  const url = new URL(request.url)
  if (url.pathname !== '/cdn-cgi/access/certs') return new Response('not found', { status: 404 })
  if (request.method === 'PUT') {
    keySets.set(url.hostname, await request.text())
    return new Response(null, { status: 204 })
  }
  const keys = keySets.get(url.hostname)
  if (keys === undefined) return new Response('no such team', { status: 404 })
  return new Response(keys, { headers: { 'Content-Type': 'application/json' } })
}

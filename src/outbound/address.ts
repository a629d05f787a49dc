/**
 * Where the service may fetch from (an image to copy, an old site's feed): public hosts only. A URL naming a
 * private, loopback, link-local or otherwise special address, or a host name that resolves to
 * one (asked of DNS over HTTPS before each fetch, and again for each redirect), is refused, so
 * no publisher can make the service fetch from a network it should not reach (SSRF). Cloudflare
 * does not route a Worker's requests to private networks either: this is a second wall.
 */
import ipaddr from 'ipaddr.js'

/** DNS over HTTPS, JSON flavour (RFC 8484's JSON sibling, as 1.1.1.1 serves it). */
export const DOH_URL = 'https://cloudflare-dns.com/dns-query'

/** Names that never mean a public host. */
const LOCAL_NAMES = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|corp|test\.invalid)$/i

/** Why `address` (an IP literal) is not a public unicast address; undefined when it is. */
export function refuseIp(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6
  try {
    parsed = ipaddr.process(address.replace(/^\[|\]$/g, ''))
  } catch {
    return `"${address.slice(0, 60)}" is not an IP address`
  }
  const range = parsed.range()
  return range === 'unicast' ? undefined : `${parsed.toString()} is a ${range} address`
}

/** Why the service may not fetch `url` at all, before any DNS; undefined when it may try. */
export function refuseUrl(url: string): string | undefined {
  if (!URL.canParse(url)) return 'not a URL'
  const { protocol, hostname, port, username, password } = new URL(url)
  if (protocol !== 'http:' && protocol !== 'https:') return `${protocol} URLs are not fetched`
  if (username || password) return 'URLs with credentials are not fetched'
  // Image hosts serve on the standard ports; other ports are where internal services listen.
  if (port !== '') return `only ports 80 and 443 are fetched, not ${port}`
  if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname) || hostname.startsWith('[')) return refuseIp(hostname)
  if (!hostname.includes('.') || LOCAL_NAMES.test(hostname)) {
    return `${hostname} is not a public host name`
  }
  return undefined
}

/** The A and AAAA records of `host`, asked of DNS over HTTPS. */
async function resolve(host: string, signal: AbortSignal): Promise<string[]> {
  const answers = await Promise.all(
    ['A', 'AAAA'].map(async (type) => {
      const res = await fetch(`${DOH_URL}?name=${encodeURIComponent(host)}&type=${type}`, {
        headers: { accept: 'application/dns-json' },
        signal,
      })
      if (!res.ok) throw new Error(`DNS answered ${res.status}`)
      const body = await res.json<{ Status: number; Answer?: { type: number; data: string }[] }>()
      return (body.Answer ?? []).filter((a) => a.type === 1 || a.type === 28).map((a) => a.data)
    }),
  )
  return answers.flat()
}

/**
 * Why the service may not fetch `url`: its form, or an address its host resolves to. Throws
 * when DNS itself fails (worth trying again later).
 */
export async function refuseHost(url: string, signal: AbortSignal): Promise<string | undefined> {
  const refused = refuseUrl(url)
  if (refused) return refused
  const { hostname } = new URL(url)
  if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname) || hostname.startsWith('[')) return undefined
  const addresses = await resolve(hostname, signal)
  if (addresses.length === 0) return `${hostname} has no address`
  for (const address of addresses) {
    const why = refuseIp(address)
    if (why) return `${hostname} resolves to ${address}: ${why}`
  }
  return undefined
}

/**
 * Location out of an XMP packet, in place: each property that says where a photo was taken
 * (EXIF's GPS properties, IPTC's sub-location and its Location Created/Shown structures, a
 * drone's GPS) is overwritten with spaces, as an attribute or as an element. XML allows
 * whitespace wherever those stood, so the packet stays well-formed and keeps its length;
 * city, state and country (a dateline says as much) and everything else stay.
 */

/** Namespaces, and which of their properties are a location. */
const LOCATION_PROPERTIES: { ns: string; names: RegExp }[] = [
  { ns: 'http://ns.adobe.com/exif/1.0/', names: /^GPS/ },
  { ns: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/', names: /^Location$/ },
  { ns: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/', names: /^Location(Created|Shown)$/ },
  { ns: 'http://www.dji.com/drone-dji/1.0/', names: /^(Gps|GPS)/ },
]

const SPACE = 0x20

/** The packet as one character per byte, so that string offsets are byte offsets. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = ''
  for (let at = start; at < end; at += 8192) {
    text += String.fromCharCode(...bytes.subarray(at, Math.min(end, at + 8192)))
  }
  return text
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')

/** The prefixes a packet binds to `ns`. */
function prefixesOf(text: string, ns: string): string[] {
  const binding = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${escapeRegExp(ns)}["']`, 'g')
  return [...new Set([...text.matchAll(binding)].map((m) => m[1]!))]
}

/**
 * Blanks the location properties of the XMP packet at `start`..`end` of `bytes`. Returns the
 * names of what it blanked (`exif:GPSLatitude`, ...).
 */
export function stripXmpLocation(bytes: Uint8Array, start: number, end: number): string[] {
  const text = latin1(bytes, start, end)
  const removed: string[] = []
  const blank = (at: number, length: number, name: string) => {
    bytes.fill(SPACE, start + at, start + at + length)
    removed.push(name)
  }
  for (const { ns, names } of LOCATION_PROPERTIES) {
    for (const prefix of prefixesOf(text, ns)) {
      const p = escapeRegExp(prefix)
      // <p:Name ...>...</p:Name> or <p:Name .../>: the lazy match stops at its own end tag.
      const element = new RegExp(
        `<${p}:([\\w.-]+)(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${p}:\\1\\s*>)`,
        'g',
      )
      for (const m of text.matchAll(element)) {
        if (names.test(m[1]!)) blank(m.index, m[0].length, `${prefix}:${m[1]}`)
      }
      const attribute = new RegExp(`\\s${p}:([\\w.-]+)\\s*=\\s*(?:"[^"]*"|'[^']*')`, 'g')
      for (const m of text.matchAll(attribute)) {
        if (names.test(m[1]!)) blank(m.index, m[0].length, `${prefix}:${m[1]}`)
      }
    }
  }
  return removed
}

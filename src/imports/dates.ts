/**
 * Feed dates read into RFC 3339 with the offset they were written with: RSS's RFC 822 dates
 * (`Tue, 10 Jun 2003 04:00:00 +0800`, the named US zones, two-digit years) and WordPress's
 * local time beside its UTC time. Undefined for a date that cannot be read.
 */
import { parseTimestamp, type Timestamp } from '../time'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/** RFC 822's named zones, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
}

const RFC822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0')

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z'
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** An RFC 822 date (RSS `pubDate`) as RFC 3339, keeping its offset. */
export function fromRfc822(input: string): Timestamp | undefined {
  const m = RFC822.exec(input.trim().replace(/\s+/g, ' '))
  if (!m) return undefined
  const [, day, mon, yy, h, mi, s = '00', zone = 'GMT'] = m
  const month = MONTHS.indexOf(mon!.toLowerCase()) + 1
  if (month === 0) return undefined
  // RFC 1123 widened years to four digits; two-digit ones from RFC 822 are read as 19xx/20xx.
  const year = yy!.length === 2 ? (Number(yy) < 50 ? 2000 : 1900) + Number(yy) : Number(yy)
  let offset: number | undefined
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)))
  } else {
    offset = ZONES[zone.toUpperCase()]
  }
  if (offset === undefined) return undefined
  const text = `${year}-${pad(month)}-${pad(day!)}T${pad(h!)}:${mi}:${s}${offsetText(offset)}`
  return parseTimestamp(text, 'UTC')
}

/** An RFC 3339 date (Atom, JSON Feed) with its offset; a date without one is refused. */
export function fromRfc3339(input: string): Timestamp | undefined {
  const text = input.trim()
  if (!/(?:[Zz]|[+-]\d{2}:\d{2})$/.test(text)) return undefined
  return parseTimestamp(text, 'UTC')
}

/** Any feed date: RFC 3339 first, then RFC 822 (some RSS feeds write ISO dates). */
export function readFeedDate(input: string): Timestamp | undefined {
  return fromRfc3339(input) ?? fromRfc822(input)
}

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/**
 * WordPress's `post_date` (the site's wall clock) and `post_date_gmt` (UTC) as one RFC 3339
 * date whose offset is their difference, so a Taipei post stays at +08:00. A draft's UTC time
 * is all zeros: then undefined.
 */
export function fromWordPress(local: string, gmt: string): Timestamp | undefined {
  const l = WP_DATE.exec(local.trim())
  const g = WP_DATE.exec(gmt.trim())
  if (!l || !g || g[1] === '0000') return undefined
  const ms = (m: RegExpExecArray) => Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)
  const offset = Math.round((ms(l) - ms(g)) / 60_000)
  if (Math.abs(offset) >= 24 * 60) return undefined
  return parseTimestamp(
    `${l[1]}-${l[2]}-${l[3]}T${l[4]}:${l[5]}:${l[6]}${offsetText(offset)}`,
    'UTC',
  )
}

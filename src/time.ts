/**
 * Dates as publishers give them: RFC 3339 strings that keep their own UTC offset.
 *
 * A stored date is always `YYYY-MM-DDTHH:MM:SS` plus `Z` or `±HH:MM`. Keeping the offset
 * (instead of converting to UTC) is what lets RSS say `+0800` and Atom say `+08:00` for a
 * newsroom in Taipei. Dates given without an offset are read in the site's time zone.
 */

/** An RFC 3339 date-time with seconds precision and an explicit offset. */
export type Timestamp = string & { readonly __brand: 'Timestamp' }

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/

/** The earliest and latest dates the store's reverse-time index keys can order. */
export const FIRST_YEAR = 1970
export const LAST_YEAR = 2199
const MIN_MS = Date.UTC(FIRST_YEAR, 0, 1)
const MAX_MS = Date.UTC(LAST_YEAR + 1, 0, 1)

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function formatOffset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`
}

/** The stored form, `YYYY-MM-DDTHH:MM:SS` and `Z` or `±HH:MM`, read by position. */
const STORED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/

/**
 * Local wall-clock fields of a timestamp, as written. Feeds read every item's dates several
 * times, so the stored form is read by position rather than by the general pattern.
 */
function fields(ts: Timestamp) {
  if (STORED.test(ts)) {
    const n = (from: number, to: number) => Number(ts.slice(from, to))
    const sign = ts.charCodeAt(19) === 45 ? -1 : 1 // '-'
    return {
      year: n(0, 4),
      month: n(5, 7),
      day: n(8, 10),
      hour: n(11, 13),
      minute: n(14, 16),
      second: n(17, 19),
      offset: ts.length === 20 ? 0 : sign * (n(20, 22) * 60 + n(23, 25)),
    }
  }
  const m = RFC3339.exec(ts)

  if (!m) throw new TypeError(`not a stored timestamp: ${ts}`)
  const [, y, mo, d, h, mi, s, off] = m
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    offset: parseOffset(off ?? 'Z'),
  }
}

function parseOffset(off: string): number {
  if (off === 'Z' || off === 'z') return 0
  const digits = off.replace(':', '')
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))
  return off.startsWith('-') ? -minutes : minutes
}

/** Building a DateTimeFormat costs far more than using one, so each zone's is kept. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>()

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    offsetFormats.set(timeZone, format)
  }
  return format
}

/** The offset of an IANA time zone at an instant, in minutes east of UTC. */
export function zoneOffset(timeZone: string, ms: number): number {
  const parts = offsetFormat(timeZone).formatToParts(new Date(ms))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000)
}

/** True when `timeZone` is an IANA zone name the runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    offsetFormat(timeZone)
    return true
  } catch {
    return false
  }
}

function build(localMs: number, offset: number): Timestamp {
  const d = new Date(localMs)
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return `${date}T${time}${offset === 0 ? 'Z' : formatOffset(offset, true)}` as Timestamp
}

/** An instant shown in a time zone, e.g. the default `published` of a new article. */
export function timestampIn(ms: number, timeZone: string): Timestamp {
  const offset = zoneOffset(timeZone, ms)
  return build(Math.floor(ms / 1000) * 1000 + offset * 60_000, offset)
}

/**
 * Reads a publisher's date. RFC 3339 with an offset keeps that offset; a date-time without
 * one, or a bare date (midnight), is wall-clock time in `timeZone`. Returns undefined for
 * anything else, including impossible dates such as February 30th.
 */
export function parseTimestamp(input: string, timeZone: string): Timestamp | undefined {
  const m = RFC3339.exec(input.trim())
  if (!m) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', off] = m
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  const check = new Date(local)
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi) ||
    check.getUTCSeconds() !== Number(s)
  ) {
    return undefined
  }
  let offset: number
  if (off !== undefined) {
    if (!/^([Zz]|[+-]\d{2}:\d{2})$/.test(off)) return undefined
    offset = parseOffset(off)
    if (Math.abs(offset) >= 24 * 60) return undefined
  } else {
    // The zone's offset at that wall-clock time: guess with the local time read as UTC, then
    // correct once, which settles every zone except inside a DST gap.
    const guess = zoneOffset(timeZone, local)
    offset = zoneOffset(timeZone, local - guess * 60_000)
  }
  const ms = local - offset * 60_000
  if (ms < MIN_MS || ms >= MAX_MS) return undefined
  return build(local, offset)
}

/**
 * Why a date is refused, in words for the publisher, or undefined when it is one: a shape
 * that is not RFC 3339, an impossible date (February 30th), or one out of the range above.
 */
export function timestampProblem(input: string): string | undefined {
  if (parseTimestamp(input, 'UTC') !== undefined) return undefined
  const m = RFC3339.exec(input.trim())
  if (!m) return 'must be an RFC 3339 date-time such as 2022-04-08T10:30:00+08:00, or a date'
  const year = Number(m[1])
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return `must be between ${FIRST_YEAR} and ${LAST_YEAR}`
  }
  return 'is not a date that exists (the day, hour, minute, second or offset is out of range)'
}

/** Milliseconds since the epoch. */
export function toMillis(ts: Timestamp): number {
  const f = fields(ts)
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - f.offset * 60_000
}

/** RFC 822 as RSS 2.0 wants it, with the publisher's numeric offset: `Fri, 08 Apr 2022 10:30:00 +0800`. */
export function toRfc822(ts: Timestamp): string {
  const f = fields(ts)
  const weekday = DAYS[new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay()]
  const time = `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`
  return `${weekday}, ${pad(f.day)} ${MONTHS[f.month - 1]} ${f.year} ${time} ${formatOffset(f.offset, false)}`
}

/** HTTP-date (RFC 9110) for `Last-Modified`. */
export function toHttpDate(ms: number): string {
  return new Date(ms).toUTCString()
}

/** The later of two timestamps. */
export function latest(a: Timestamp, b: Timestamp): Timestamp {
  return toMillis(b) > toMillis(a) ? b : a
}

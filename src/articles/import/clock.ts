/**
 * Times of day as news pages print them, after a day or alone on a line: `14:32`, `10時30分`,
 * `下午3:42`, `3:42 PM`, `3:42pm` before the day, `HKT 14:32`, `香港時間14時32分`, `14:32 AEST`,
 * `柏林时间10时`, an offset (`+08:00`, `GMT+8`). Patterns with bounded quantifiers only, read at
 * a given index.
 */

/** A time is looked for in the first this many characters of a line. */
const TIME_HEAD = 200

/**
 * Zones pages name beside a time, each as its fixed offset, or as the IANA zone whose offset
 * on that day applies (`柏林时间` is +01:00 in winter, +02:00 in summer). `CST` and `IST` are
 * left out: each names more than one zone.
 */
const ZONES: Record<string, string> = {
  ...names('HKT SGT MYT PHT AWST', '+08:00'),
  ...names('北京时间 北京時間 台北時間 台北时间 台灣時間 台湾时间 香港時間 香港时间', '+08:00'),
  ...names('澳門時間 澳门时间 新加坡时间 新加坡時間 马来西亚时间 馬來西亞時間', '+08:00'),
  ...names(
    'JST KST 东京时间 東京時間 日本时间 日本時間 首尔时间 首爾時間 韩国时间 韓國時間',
    '+09:00',
  ),
  ...names(
    'WIB ICT 雅加达时间 雅加達時間 曼谷时间 曼谷時間 泰国时间 泰國時間 越南时间 越南時間',
    '+07:00',
  ),
  ...names('WITA', '+08:00'),
  ...names('WIT', '+09:00'),
  ...names('AEST', '+10:00'),
  ...names('AEDT', '+11:00'),
  ...names('ACST', '+09:30'),
  ...names('ACDT', '+10:30'),
  ...names('NZST', '+12:00'),
  ...names('NZDT', '+13:00'),
  ...names('GMT UTC', '+00:00'),
  ...names('CET BST', '+01:00'),
  ...names('CEST', '+02:00'),
  ...names('EST CDT', '-05:00'),
  ...names('EDT', '-04:00'),
  ...names('MST', '-07:00'),
  ...names('MDT', '-06:00'),
  ...names('PST', '-08:00'),
  ...names('PDT', '-07:00'),
  ...names('悉尼时间 悉尼時間 雪梨時間 澳洲东部时间 澳洲東部時間', 'Australia/Sydney'),
  ...names('柏林时间 柏林時間 德国时间 德國時間', 'Europe/Berlin'),
  ...names('巴黎时间 巴黎時間 法国时间 法國時間', 'Europe/Paris'),
  ...names('伦敦时间 倫敦時間 英国时间 英國時間', 'Europe/London'),
  ...names('纽约时间 紐約時間 美东时间 美東時間 华盛顿时间 華盛頓時間', 'America/New_York'),
  ...names('洛杉矶时间 洛杉磯時間 美西时间 美西時間', 'America/Los_Angeles'),
}
function names(list: string, zone: string): Record<string, string> {
  return Object.fromEntries(list.split(' ').map((name) => [name, zone]))
}
/** A zone's name, longest first; Latin ones whole words; or `GMT+8`, `UTC-05:00`. */
const ZONE = `((?:GMT|UTC)[+-]\\d{1,2}(?::?\\d{2})?|${Object.keys(ZONES)
  .sort((a, b) => b.length - a.length)
  .join('|')})(?![A-Za-z])`

/**
 * What may sit between a day and its time: spaces, commas, a weekday (`星期二`, `(二)`), a
 * separator (`05/03/2024 - 14:32`, `2024年3月5日 | 22:05`), `at`, a zone.
 */
const BETWEEN = new RegExp(
  `[\\s,，]{0,3}(?:[-–—|｜·•‧・][\\s]{0,2})?(?:(?:[(（](?:星期|週|周|礼拜|禮拜)?[一二三四五六日天][)）]|(?:星期|週|周|礼拜|禮拜)[一二三四五六日天])[\\s,，]{0,3}(?:[-–—|｜·•‧・][\\s]{0,2})?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\\.?[\\s,，]{0,3})?(?:at\\s{1,2}|T)?(?:${ZONE}\\s{0,2})?`,
  'y',
)
const TIME =
  /(?:(上午|下午|中午|晚上|凌晨|早上|傍晚|晚間|晚间|夜間|夜间)\s{0,2})?(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\s{0,1}[時时点點]\s{0,1}(?:(\d{1,2})\s{0,1}分(?:\s{0,1}(\d{1,2})\s{0,1}秒)?)?)(?:\s{0,2}([AaPp])\.?\s{0,1}[Mm]\.?(?![A-Za-z])|\s{1,2}(PG|PTG|MLM)(?![A-Za-z]))?/y
/** What may follow a time: an offset (`+08:00`, `Z`) or a zone's name. */
const AFTER_TIME = new RegExp(
  `(?:\\.\\d{1,6})?(?:([Zz])(?![A-Za-z])|([+-]\\d{2}:?\\d{2})|\\s{0,2}\\(?${ZONE}\\)?)?`,
  'y',
)

/** The offset or IANA zone a zone's name stands for. */
function zoneNamed(name: string): { offset: string } | { zone: string } {
  const gmt = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(name)
  if (gmt) return { offset: `${gmt[1]}${gmt[2]!.padStart(2, '0')}:${gmt[3] ?? '00'}` }
  const zone = ZONES[name]!
  return /^[+-]/.test(zone) ? { offset: zone } : { zone }
}
/** A 12-hour time right before the day: `3:42pm, 5 Mar, 2024`. */
const TIME_BEFORE = /(\d{1,2}):(\d{2})\s{0,1}([AaPp])\.?\s{0,1}[Mm]\.?[\s,，]{1,3}$/

const EVENING = new Set(['下午', '晚上', '傍晚', '晚間', '晚间', '夜間', '夜间'])

/**
 * Characters that pages print full-width, as their ASCII selves: one unit for one unit, so
 * indexes into the result are indexes into the text.
 */
export function asciiDigits(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0)
    else if (c === 0xff1a || c === 0xfe30) out += ':'
    else if (c === 0xff0f) out += '/'
    else if (c === 0xff0d) out += '-'
    else if (c === 0xff0e) out += '.'
    else out += text[i]
  }
  return out
}

/** A clock time as read: 24-hour fields, and the offset or zone the page named, if any. */
export interface ClockTime {
  hour: number
  minute: number
  second: number
  offset?: string
  /** An IANA zone the page named by a city (`柏林时间`), whose offset depends on the day. */
  zone?: string
  index: number
  end: number
}

/**
 * The time at `at` in `text` (after what may sit between a day and its time): undefined when
 * there is none, null when there is one that cannot be (`25:00`, `13:00 PM`).
 */
export function timeAt(text: string, at: number): ClockTime | null | undefined {
  BETWEEN.lastIndex = at
  const between = BETWEEN.exec(text)
  const start = at + (between?.[0].length ?? 0)
  TIME.lastIndex = start
  const t = TIME.exec(text)
  if (!t) return undefined
  const [, period, h, colonMinute, colonSecond, minute, second, latin, malay] = t
  // `2:25 PTG`: Malay's afternoon (petang) and night (malam) are PM, its morning (pagi) AM;
  // `12:30 MLM` is half past midnight.
  const ampm = latin ?? (malay && (malay === 'PG' || (malay === 'MLM' && h === '12') ? 'a' : 'p'))
  let hour = Number(h)
  const minutes = Number(colonMinute ?? minute ?? 0)
  if (hour > 23 || minutes > 59) return null
  if (ampm && (hour > 12 || hour === 0)) return null
  // `下午15:00` says the period twice; a 24-hour time stays as it is.
  if ((ampm || period) && hour <= 12) {
    const pm = ampm ? ampm.toLowerCase() === 'p' : EVENING.has(period!)
    if (pm && hour < 12) hour += 12
    else if (period === '中午' && hour < 11) hour += 12
    else if (!pm && period !== '中午' && hour === 12) hour = 0
  }
  AFTER_TIME.lastIndex = start + t[0].length
  const after = AFTER_TIME.exec(text)
  const named = between?.[1] ?? after?.[3]
  const zone = after?.[1]
    ? { offset: 'Z' }
    : after?.[2]
      ? { offset: after[2].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') }
      : named
        ? zoneNamed(named)
        : {}
  return {
    hour,
    minute: minutes,
    second: Number(colonSecond ?? second ?? 0),
    ...zone,
    index: start,
    end: start + t[0].length + (after?.[0].length ?? 0),
  }
}

/**
 * A 24-hour time that opens the line (perhaps after its weekday), right before its day:
 * `05:10 2025/04/10`, `14:32, 3 Jun 2025`, `星期三, 14:05, 22/10/2025`.
 */
const TIME_FIRST =
  /^[\s\u3000]{0,3}(?:(?:星期|週|周|礼拜|禮拜)[一二三四五六日天][\s\u3000]{0,2}[,，]?[\s\u3000]{0,2}|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s{1,2})?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[\s\u3000]{1,3}|[\s\u3000]{0,2}[,，|｜·•-][\s\u3000]{0,2})$/

/**
 * The time that ends right before `index`, if any: a 12-hour one (`3:42pm, ` then the day), or
 * a 24-hour one that opens the line (`05:10 2025/04/10`).
 */
export function timeBefore(text: string, index: number): ClockTime | undefined {
  const m = TIME_BEFORE.exec(text.slice(Math.max(0, index - 16), index))
  if (m) return twelveHour(m, index - m[0].length)
  const first = index <= 16 ? TIME_FIRST.exec(text.slice(0, index)) : null
  if (!first) return undefined
  const [hour, minute, second] = [first[1], first[2], first[3] ?? '0'].map(Number) as [
    number,
    number,
    number,
  ]
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const at = first[0].length - first[0].trimStart().length
  return { hour, minute, second, index: at, end: index }
}

function twelveHour(m: RegExpExecArray, index: number): ClockTime | undefined {
  let hour = Number(m[1])
  if (hour < 1 || hour > 12) return undefined
  const pm = m[3]!.toLowerCase() === 'p'
  if (pm && hour < 12) hour += 12
  if (!pm && hour === 12) hour = 0
  return { hour, minute: Number(m[2]), second: 0, index, end: index + m[0].length }
}

/** A clock time standing alone on a line: `香港時間14時32分`, `Issued at HKT 14:32`. */
export function lineTime(line: string): ClockTime | undefined {
  const text = asciiDigits(line.slice(0, TIME_HEAD)).trim()
  const lead = /^(?:Issued at|發布時間|发布时间|時間|时间)?[\s:：]{0,3}/i.exec(text)![0].length
  const time = timeAt(text, lead)
  if (!time) return undefined
  return text.slice(time.end).trim() === '' ? time : undefined
}

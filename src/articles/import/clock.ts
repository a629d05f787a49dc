/**
 * Times of day as news pages print them, after a day or alone on a line: `14:32`, `10時30分`,
 * `下午3:42`, `3:42 PM`, `3:42pm` before the day, `HKT 14:32`, `香港時間14時32分`, an offset
 * (`+08:00`). Patterns with bounded quantifiers only, read at a given index.
 */

/** A time is looked for in the first this many characters of a line. */
const TIME_HEAD = 200

/**
 * What may sit between a day and its time: spaces, commas, a weekday (`星期二`, `(二)`), a
 * separator (`05/03/2024 - 14:32`, `2024年3月5日 | 22:05`), `at`, a zone.
 */
const BETWEEN =
  /[\s,，]{0,3}(?:[-–—|｜·•][\s]{0,2})?(?:(?:[(（](?:星期|週|周|礼拜|禮拜)?[一二三四五六日天][)）]|(?:星期|週|周|礼拜|禮拜)[一二三四五六日天])[\s,，]{0,3}(?:[-–—|｜·•][\s]{0,2})?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?[\s,，]{0,3})?(?:at\s{1,2}|T)?(?:(HKT|SGT|MYT|(?:GMT|UTC)\+0?8(?::00)?|北京时间|北京時間|台北時間|香港時間|澳門時間|澳门时间|新加坡时间|新加坡時間|马来西亚时间)\s{0,2})?/y
const TIME =
  /(?:(上午|下午|中午|晚上|凌晨|早上|傍晚|晚間|晚间|夜間|夜间)\s{0,2})?(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\s{0,1}[時时点點]\s{0,1}(?:(\d{1,2})\s{0,1}分(?:\s{0,1}(\d{1,2})\s{0,1}秒)?)?)(?:\s{0,2}([AaPp])\.?\s{0,1}[Mm]\.?(?![A-Za-z]))?/y
/** What may follow a time: an offset (`+08:00`, `Z`) or a zone's name. */
const AFTER_TIME =
  /(?:\.\d{1,6})?(?:([Zz])|([+-]\d{2}:?\d{2})|\s{0,2}\(?(HKT|SGT|MYT|(?:GMT|UTC)\+0?8(?::00)?)\)?)?/y
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
    else if (c === 0xff1a) out += ':'
    else if (c === 0xff0f) out += '/'
    else if (c === 0xff0d) out += '-'
    else if (c === 0xff0e) out += '.'
    else out += text[i]
  }
  return out
}

/** A clock time as read: 24-hour fields, and the offset the page named, if any. */
export interface ClockTime {
  hour: number
  minute: number
  second: number
  offset?: string
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
  const [, period, h, colonMinute, colonSecond, minute, second, ampm] = t
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
  const offset = after?.[1]
    ? 'Z'
    : after?.[2]
      ? after[2].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
      : named
        ? '+08:00'
        : undefined
  return {
    hour,
    minute: minutes,
    second: Number(colonSecond ?? second ?? 0),
    ...(offset ? { offset } : {}),
    index: start,
    end: start + t[0].length + (after?.[0].length ?? 0),
  }
}

/** A 24-hour time that opens the line, right before its day: `05:10 2025/04/10`. */
const TIME_FIRST = /^[\s\u3000]{0,3}(\d{1,2}):(\d{2})(?::(\d{2}))?[\s\u3000]{1,3}$/

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

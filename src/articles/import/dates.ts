/**
 * The grammar of dates as news pages print them, in one place: `2022年4月8日 10:30`,
 * `2024-03-05 14:32:10`, `2024/03/05 14:32`, `2024.02.22`, the Republic of China calendar
 * (`113-03-05`, `113年3月5日`), day first with the year last (`05/03/2024`) or before year and
 * month (`15 2025/07`, Xinhua's widget), English
 * (`Mar 5, 2024`, `5 March 2024`), Malay and Indonesian (`13 Mac 2025`), Thai in the Buddhist era
 * (`16 พ.ค. 2568`), 12-hour times (`3:42 PM`, `下午3:42`, `3:42pm` before the
 * day), a weekday between day and time, and `HKT`-style zone names. A day without a time stays a
 * day: nobody gave it a time, so none is made up. Every pattern has bounded quantifiers only,
 * and callers read at most DATE_HEAD characters, so the work per line is bounded.
 */
import { parseTimestamp, timestampIn, toMillis } from '../../time'
import { asciiDigits, timeAt, timeBefore, type ClockTime } from './clock'

/** A date read from a page. */
export interface NewsDate {
  /** RFC 3339 in the site's zone (or the page's own offset), or `YYYY-MM-DD` for a day alone. */
  value: string
  precision: 'date' | 'time'
  /** Where the date starts in the text (or the time, when the time comes first). */
  index: number
  /** Just after the date and its time. */
  end: number
}

/** A date is looked for in the first this many characters of a line. */
export const DATE_HEAD = 200

/**
 * Months in Latin letters by their first three, in English and as Malaysia and Indonesia print
 * them where English differs (`13 Mac 2025`, `5 Mei 2025`, `Ogos`, `Agustus`, `Oktober`,
 * `Disember`, `Desember`).
 */
const MONTHS = new Map(
  'jan|feb|mar mac|apr|may mei|jun|jul|aug ogo agu ags|sep|oct okt|nov|dec dis des'
    .split('|')
    .flatMap((names, i) => names.split(' ').map((name) => [name, i + 1] as const)),
)
/** English months by their first three and more; Malaysia's and Indonesia's as they are spelt. */
const MONTH =
  '((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\\.?|' +
  '(?:Mac|Mei|Ogos|Agustus|Agu|Ags|Oktober|Okt|Disember|Desember|Des|Dis)\\.?(?![a-z]))'
/**
 * Thai months, abbreviated (`พ.ค.`) or whole (`พฤษภาคม`), in order; the years beside them are
 * the Buddhist era's (2568 is 2025) or, on some sites, the common era's.
 */
const THAI_MONTHS = [
  ['ม.ค.', 'มกราคม'],
  ['ก.พ.', 'กุมภาพันธ์'],
  ['มี.ค.', 'มีนาคม'],
  ['เม.ย.', 'เมษายน'],
  ['พ.ค.', 'พฤษภาคม'],
  ['มิ.ย.', 'มิถุนายน'],
  ['ก.ค.', 'กรกฎาคม'],
  ['ส.ค.', 'สิงหาคม'],
  ['ก.ย.', 'กันยายน'],
  ['ต.ค.', 'ตุลาคม'],
  ['พ.ย.', 'พฤศจิกายน'],
  ['ธ.ค.', 'ธันวาคม'],
]
const THAI_MONTH_NUMBER = new Map(THAI_MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1])))
const THAI_DMY = new RegExp(
  `(?<!\\d)(\\d{1,2})\\s{0,2}(${[...THAI_MONTH_NUMBER.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replaceAll('.', '\\.'))
    .join('|')})\\s{0,2}(\\d{4})(?!\\d)`,
  'gu',
)
/** The Buddhist era's years run 543 ahead of the common era's. */
const BUDDHIST_ERA = 543

/** Year, month and day, their separators checked in code (年 goes with 月, - with -). */
const YMD =
  /(?<!\d)(\d{4}|\d{2,3})\s{0,2}([年\-/. ])\s{0,2}(\d{1,2})\s{0,2}([月\-/.])\s{0,2}(\d{1,2})(?!\d)(\s{0,2}[日号號])?/g
/** Day, month, then a four-digit year: how Malaysia, Singapore and Hong Kong write it. */
const DMY = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/g
const ENGLISH_MDY = new RegExp(
  `\\b${MONTH}\\s{1,2}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,2}(\\d{4})(?!\\d)`,
  'gi',
)
const ENGLISH_DMY = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s{1,2}${MONTH},?\\s{1,2}(\\d{4})(?!\\d)`,
  'gi',
)
/**
 * Two numbers and a year of two digits, slashed: `10/20/25`, month first as the Americas print
 * it, day first elsewhere, whichever of the two can be a month when only one can.
 */
const SHORT_YEAR = /(?<![\d/.-])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d/.-])/g
/** The day alone, then year and month: `15 2025/07`, as Xinhua's date widget reads as text. */
const D_YM = /(?<![\d/.-])(\d{1,2})\s{1,2}(\d{4})\s{0,2}\/\s{0,2}(\d{1,2})(?![\d/])/g
/** Month and day alone (`3/2`, `3月2日`): only beside a full date, which gives the year. */
const MONTH_DAY = /(?<![\d/])(\d{1,2})\s{0,1}([/月])\s{0,1}(\d{1,2})(?![\d/])\s{0,1}[日号號]?/g

interface Day {
  year: number
  month: number
  day: number
  index: number
  end: number
}

/** The first calendar day in `text` from `from`, in any of the shapes above. */
function findDay(text: string, from: number, monthFirst: boolean, year?: number): Day | undefined {
  const found: Day[] = []
  const first = <T>(re: RegExp, read: (m: RegExpExecArray) => T | undefined): T | undefined => {
    re.lastIndex = from
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const day = read(m)
      if (day) return day
    }
    return undefined
  }
  const ymd = first(YMD, (m) => {
    const [, y, s1, mo, s2, d] = m
    // `2024 03/05`, as some pages print the year apart from the day.
    const ok =
      s1 === '年' ? s2 === '月' : s1 === s2 || (s1 === ' ' && s2 === '/' && y!.length === 4)
    // `114.08.27`: a dotted date in the Republic of China's years only with both parts padded,
    // so a version number (`2.1.3`) is none.
    const rocDots = s1 === '.' && y!.length === 3 && mo!.length === 2 && d!.length === 2
    // `99年12月31日`: two digits are a Republic of China year only before 年 (`10/20/25` is no
    // date of the year 10, but a two-digit year's: SHORT_YEAR's).
    if (!ok || (s1 === '.' && y!.length < 4 && !rocDots) || (y!.length === 2 && s1 !== '年')) {
      return undefined
    }
    const yearNumber = y!.length === 4 ? Number(y) : Number(y) + 1911
    return { year: yearNumber, month: Number(mo), day: Number(d), index: m.index, end: end(m) }
  })
  if (ymd) found.push(ymd)
  const dmy = first(DMY, (m) => ({
    year: Number(m[4]),
    month: Number(m[3]),
    day: Number(m[1]),
    index: m.index,
    end: end(m),
  }))
  if (dmy) found.push(dmy)
  const dym = first(D_YM, (m) => ({
    year: Number(m[2]),
    month: Number(m[3]),
    day: Number(m[1]),
    index: m.index,
    end: end(m),
  }))
  if (dym) found.push(dym)
  const mdy = first(ENGLISH_MDY, (m) => english(m[1]!, m[2]!, m[3]!, m))
  if (mdy) found.push(mdy)
  const dmyEnglish = first(ENGLISH_DMY, (m) => english(m[2]!, m[1]!, m[3]!, m))
  if (dmyEnglish) found.push(dmyEnglish)
  const short = first(SHORT_YEAR, (m) => {
    const [a, b] = [Number(m[1]), Number(m[2])]
    const [month, day] = (monthFirst && a <= 12) || b > 12 ? [a, b] : [b, a]
    return { year: 2000 + Number(m[3]), month, day, index: m.index, end: end(m) }
  })
  if (short) found.push(short)
  const thai = first(THAI_DMY, (m) => {
    const year = Number(m[3])
    return {
      year: year > 2400 ? year - BUDDHIST_ERA : year,
      month: THAI_MONTH_NUMBER.get(m[2]!)!,
      day: Number(m[1]),
      index: m.index,
      end: end(m),
    }
  })
  if (thai) found.push(thai)
  if (year !== undefined && !found.length) {
    const md = first(MONTH_DAY, (m) => ({
      year,
      month: Number(m[1]),
      day: Number(m[3]),
      index: m.index,
      end: end(m),
    }))
    if (md) found.push(md)
  }
  return found.sort((a, b) => a.index - b.index)[0]
}

const end = (m: RegExpExecArray) => m.index + m[0].length

function english(month: string, day: string, year: string, m: RegExpExecArray): Day {
  const number = MONTHS.get(month.slice(0, 3).toLowerCase())!
  return { year: Number(year), month: number, day: Number(day), index: m.index, end: end(m) }
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A day and a time as the stored value, or undefined when they do not exist. A time the page
 * gave with its offset or zone (`+08:00`, `Z`, `HKT`, `AEST`, `柏林时间`) is that instant in the
 * site's zone, as the page shows it to its readers.
 */
export function dateValue(
  day: { year: number; month: number; day: number },
  time: Omit<ClockTime, 'index' | 'end'> | undefined,
  timeZone: string,
): string | undefined {
  const date = `${day.year}-${pad(day.month)}-${pad(day.day)}`
  if (!time) return parseTimestamp(date, timeZone) ? date : undefined
  const clock = `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`
  const stamp = parseTimestamp(`${date}T${clock}${time.offset ?? ''}`, time.zone ?? timeZone)
  return stamp && (time.offset || time.zone) ? timestampIn(toMillis(stamp), timeZone) : stamp
}

/**
 * The first date in `text` from `from`, with its time when one follows it (or, in English,
 * comes right before it), read in `timeZone` unless the page names its offset; undefined when
 * there is none, or it does not exist (February 30th). `year` lets a month and day alone be
 * read (`3/2 15:10`), for an update printed beside a full date.
 */
export function findDate(
  source: string,
  timeZone: string,
  from = 0,
  year?: number,
): NewsDate | undefined {
  const text = asciiDigits(source.slice(0, DATE_HEAD))
  for (let at = from; at < text.length;) {
    const day = findDay(text, at, timeZone.startsWith('America/'), year)
    if (!day) return undefined
    if (day.year >= 1970 && day.year <= 2199) {
      const after = timeAt(text, day.end)
      if (after === null) return undefined
      const before = after ? undefined : timeBefore(text, day.index)
      const time = after ?? before
      const value = dateValue(day, time, timeZone)
      if (value) {
        return {
          value,
          precision: time ? 'time' : 'date',
          index: before ? before.index : day.index,
          end: after ? after.end : day.end,
        }
      }
    }
    at = day.index + 1
  }
  return undefined
}

/** Relative times a page may print instead of a date: `3小時前`, `昨天 14:32`, `2 hours ago`. */
const RELATIVE =
  /^(?:\d{1,3}\s{0,1}(?:分鐘|分钟|小時|小时|天|日)前|剛剛|刚刚|昨天|昨日|前天|今天|\d{1,3}\s(?:minutes?|hours?|days?)\sago)(?:\s{0,2}\d{1,2}:\d{2})?$/i

/** True when a short line gives only a relative time, which cannot be read without a clock. */
export function isRelativeTime(line: string): boolean {
  return line.length <= 30 && RELATIVE.test(asciiDigits(line.trim()))
}

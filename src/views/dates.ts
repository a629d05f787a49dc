import { toMillis, type Timestamp } from '../time'

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * A date as readers of `lang` write it, in the site's zone: `2022年4月8日 10:30`, or the day
 * alone (`2022年4月8日`) when only a day was given (`precision: 'date'`).
 */
export function displayDate(
  ts: Timestamp,
  lang: string,
  timeZone: string,
  precision?: 'date',
): string {
  const key = `${lang}|${timeZone}|${precision ?? 'time'}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(
      lang,
      precision === 'date'
        ? { dateStyle: 'long', timeZone }
        : { dateStyle: 'long', timeStyle: 'short', timeZone },
    )
    formats.set(key, format)
  }
  return format.format(toMillis(ts))
}

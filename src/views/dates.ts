import { toMillis, type Timestamp } from '../time'

const formats = new Map<string, Intl.DateTimeFormat>()

/** A date as readers of `lang` write it, in the site's zone: `2022年4月8日 10:30`. */
export function displayDate(ts: Timestamp, lang: string, timeZone: string): string {
  const key = `${lang}|${timeZone}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone })
    formats.set(key, format)
  }
  return format.format(toMillis(ts))
}

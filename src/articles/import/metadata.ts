/**
 * Metadata lines at the top (or bottom) of copied news: publication time, source, author.
 * Several may share one line: `發布時間：2022年04月08日 來源：經開區管委會 作者：王小明`.
 * Lines longer than MAX_LINE_CHARS are never metadata, so every pattern here runs over a
 * bounded string; none has two unbounded quantifiers that can trade characters.
 */
import { parseTimestamp } from '../../time'
import { isShortLine } from './limits'
import { readsAsSentence } from './sentence'

export type MetadataField = 'published' | 'source' | 'author'

const LABELS: [MetadataField, string[]][] = [
  [
    'published',
    [
      '發布時間',
      '发布时间',
      '發佈時間',
      '发布日期',
      '發布日期',
      '時間',
      '时间',
      '日期',
      'Date',
      'Published',
    ],
  ],
  ['source', ['來源', '来源', 'Source']],
  ['author', ['責任編輯', '责任编辑', '作者', '記者', '记者']],
]
const FIELD_OF = new Map(
  LABELS.flatMap(([field, labels]) => labels.map((l) => [l.toLowerCase(), field] as const)),
)
// Longest labels first, so `發布時間` wins over `時間`.
const BY_LENGTH = [...FIELD_OF.keys()].sort((a, b) => b.length - a.length)
const LABEL = new RegExp(`(${BY_LENGTH.join('|')})\\s*[:：]\\s*`, 'gi')

export interface MetadataValue {
  field: MetadataField
  label: string
  value: string
}

/** The fields of a metadata line, or undefined when the line is not one (or is too long). */
export function metadataLine(line: string): MetadataValue[] | undefined {
  if (!isShortLine(line)) return undefined
  const by = bylineValue(line)
  if (by !== undefined) return [{ field: 'author', label: 'By', value: by }]
  if (!startsWithLabel(line)) return undefined
  const matches = [...line.matchAll(LABEL)]
  return matches.map((m, i) => {
    const end = i + 1 < matches.length ? matches[i + 1]!.index : line.length
    const value = trimDecoration(line.slice(m.index + m[0].length, end))
    return { field: FIELD_OF.get(m[1]!.toLowerCase())!, label: m[1]!, value }
  })
}

/** `【來源：…` or `發布時間 :` at the start of the line, read without a regex. */
function startsWithLabel(line: string): boolean {
  let rest = line.trimStart()
  if (rest.startsWith('【') || rest.startsWith('[')) rest = rest.slice(1).trimStart()
  const lower = rest.slice(0, 12).toLowerCase()
  const label = BY_LENGTH.find((l) => lower.startsWith(l))
  if (!label) return false
  const after = rest.slice(label.length).trimStart()
  return after.startsWith(':') || after.startsWith('：')
}

const OPENERS = '【['
const CLOSERS = '】]|｜丨'

/** A value without the brackets and separators that pages put around it. */
function trimDecoration(value: string): string {
  let start = 0
  let end = value.length
  const space = (ch: string | undefined) => ch !== undefined && ch.trim() === ''
  while (start < end && space(value[start])) start++
  if (start < end && OPENERS.includes(value[start]!)) start++
  while (end > start && (space(value[end - 1]) || CLOSERS.includes(value[end - 1]!))) end--
  while (start < end && space(value[start])) start++
  return value.slice(start, end)
}

/**
 * The names of an English byline, `By Jane Doe`, `By: Jane Doe`, `By：Jane Doe`, or undefined.
 * A sentence that starts with "By" (`By the time the council met, …`) is not one: every name
 * must start with a capital (or be written in Han characters).
 */
function bylineValue(line: string): string | undefined {
  const trimmed = line.trim()
  if (!/^by(?=[\s:：])/i.test(trimmed) || readsAsSentence(trimmed)) return undefined
  let value = trimmed.slice(2).trimStart()
  if (value.startsWith(':') || value.startsWith('：')) value = value.slice(1).trimStart()
  const names = authorNames(value)
  const nameLike = (n: string) => /^[\p{Lu}\p{Script=Han}]/u.test(n) && n.split(' ').length <= 5
  return names.length > 0 && names.every(nameLike) ? value : undefined
}

const YEAR_MONTH_DAY = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/
const TIME = /^\s*(?:T\s*)?(\d{1,2})\s*[:：時时点點]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?/

/** A date read from a page: with its time, or a day alone (`precision: 'date'`). */
export interface NewsDate {
  /** An RFC 3339 date-time in the site's zone, or `YYYY-MM-DD` for a day alone. */
  value: string
  precision: 'date' | 'time'
  /** Index just after the date in the text it was read from. */
  end: number
}

/**
 * A date as Chinese news writes it (`2022年4月8日 10:30`, `2022-04-08`, `2022/04/08 10:30:00`,
 * `2022.04.08`), read in `timeZone`; undefined when there is none or it does not exist.
 * A day without a time stays a day: nobody gave it a time, so none is made up.
 */
export function parseNewsDate(value: string, timeZone: string): NewsDate | undefined {
  const head = value.slice(0, 200)
  const m = YEAR_MONTH_DAY.exec(head)
  if (!m) return undefined
  const pad = (n: string) => n.padStart(2, '0')
  const day = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`
  let end = m.index + m[0].length
  const t = TIME.exec(head.slice(end))
  if (!t) return validDay(day, timeZone) ? { value: day, precision: 'date', end } : undefined
  end += t[0].length
  const stamp = parseTimestamp(`${day}T${pad(t[1]!)}:${pad(t[2]!)}:${pad(t[3] ?? '0')}`, timeZone)
  return stamp ? { value: stamp, precision: 'time', end } : undefined
}

function validDay(day: string, timeZone: string): boolean {
  return parseTimestamp(day, timeZone) !== undefined
}

/** Weekdays that may follow a date standing alone: `2024年3月5日 星期二`, `(週二)`. */
const WEEKDAY = /^[\s(（]*(?:星期|週|周|礼拜|禮拜)[一二三四五六日天][)）]?\s*$/

/**
 * A date standing alone on a line (`2024年3月5日`, `2024-03-05 09:00`), as pages print the
 * publication date under the title without a label; undefined for any other line.
 */
export function standaloneDate(line: string, timeZone: string): NewsDate | undefined {
  const trimmed = line.trim()
  if (trimmed.length > 40 || !/^\d{4}/.test(trimmed)) return undefined
  const date = parseNewsDate(trimmed, timeZone)
  if (!date) return undefined
  const rest = trimmed.slice(date.end)
  return rest.trim() === '' || WEEKDAY.test(rest) ? date : undefined
}

/** Names in an author value: `王小明 李四`, `王小明、李四`, `Jane Doe and John Roe`. */
export function authorNames(value: string): string[] {
  if (!isShortLine(value)) return []
  const latin = /^[\p{Script=Latin}\s.'-]+(,|\band\b|$)/u.test(value)
  const parts = latin ? value.split(/,|&|\band\b/) : value.split(/[\s、,，/／]+/)
  return parts.map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean)
}

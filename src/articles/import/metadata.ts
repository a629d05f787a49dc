/**
 * Metadata lines at the top (or bottom) of copied news: publication time, source, author.
 * Several may share one line: `發布時間：2022年04月08日 來源：經開區管委會 作者：王小明`.
 */
import { parseTimestamp, type Timestamp } from '../../time'

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
const ALTERNATION = [...FIELD_OF.keys()].sort((a, b) => b.length - a.length).join('|')
const LABEL = new RegExp(`(${ALTERNATION})\\s*[:：]\\s*`, 'gi')
const STARTS_WITH_LABEL = new RegExp(`^\\s*[【\\[]?\\s*(${ALTERNATION})\\s*[:：]`, 'i')
const BY_LINE = /^\s*By\s+(\S.*)$/i

export interface MetadataValue {
  field: MetadataField
  label: string
  value: string
}

/** The fields of a metadata line, or undefined when the line is not one. */
export function metadataLine(line: string): MetadataValue[] | undefined {
  const by = BY_LINE.exec(line)
  if (by) return [{ field: 'author', label: 'By', value: by[1]!.trim() }]
  if (!STARTS_WITH_LABEL.test(line)) return undefined
  const matches = [...line.matchAll(LABEL)]
  return matches.map((m, i) => {
    const end = i + 1 < matches.length ? matches[i + 1]!.index : line.length
    const value = line
      .slice(m.index + m[0].length, end)
      .trim()
      .replace(/^[【\[]|[】\]|｜丨]+$/g, '')
      .trim()
    return { field: FIELD_OF.get(m[1]!.toLowerCase())!, label: m[1]!, value }
  })
}

const DATE =
  /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?(?:\s*(?:T\s*)?(\d{1,2})\s*[:：時时点點]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/

/**
 * A date as Chinese news writes it (`2022年4月8日 10:30`, `2022-04-08`, `2022/04/08 10:30:00`,
 * `2022.04.08`), read in `timeZone`; undefined when there is none.
 */
export function parseNewsDate(value: string, timeZone: string): Timestamp | undefined {
  const m = DATE.exec(value)
  if (!m) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m
  const pad = (n: string) => n.padStart(2, '0')
  return parseTimestamp(`${y}-${pad(mo!)}-${pad(d!)}T${pad(h)}:${pad(mi)}:${pad(s)}`, timeZone)
}

/** Names in an author value: `王小明 李四`, `王小明、李四`, `Jane Doe and John Roe`. */
export function authorNames(value: string): string[] {
  const latin = /^[\p{Script=Latin}\s.'-]+(,|\band\b|$)/u.test(value)
  const parts = latin ? value.split(/\s*(?:,|\band\b|&)\s*/) : value.split(/[\s、,，/／]+/)
  return parts.map((p) => p.trim()).filter(Boolean)
}

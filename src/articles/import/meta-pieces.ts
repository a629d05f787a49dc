/**
 * What one piece of a metadata line says, where no label names it: the pieces between a line's
 * labels and dates (`2025年04月02日 18:06 浙江`, `05:10 2025/04/10 中國時報 林郁婷、張立偉`,
 * `发于2025.10.13总第1210期《中国新闻周刊》杂志`). metadata.ts cuts the line into pieces; this
 * module reads each one, beside what the line said before it.
 */
import { isOrganisation, isOutlet, isPersonName, readByline, type Byline } from './byline'
import { BY, MENU_WORDS } from './byline-words'
import { asciiDigits, timeAt, type ClockTime } from './clock'
import { dateValue, type NewsDate } from './dates'
import type { MetaItem } from './metadata'

/** What a piece is read beside. */
export interface Beside {
  /** The line's first date, when one came before the piece. */
  firstDate?: NewsDate
  /** The item read just before the piece. */
  previous?: MetaItem
  /** True when the piece ends the line. */
  last: boolean
  /** True when the piece is all there is between the line's dates and labels, not one of its words. */
  whole?: boolean
  /** True when a space sets the piece apart from the date right before it. */
  spaced?: boolean
  /** True when the line bears a self-media post's mark of its own writing (`原创`). */
  original: boolean
  timeZone: string
}

/** The word for an update before its time alone: `更新于 `, `最後更新：`. */
const UPDATE_WORD = /^(?:最后|最後)?更新(?:于|於|時間|时间)?[\s\u3000]*[:：]?[\s\u3000]*/u

/** A time on a date's day, as a date of its own. */
function onDay(day: NewsDate, time: ClockTime, timeZone: string): NewsDate | undefined {
  const [y, m, d] = day.value.slice(0, 10).split('-').map(Number)
  const value = dateValue({ year: y!, month: m!, day: d! }, time, timeZone)
  return value ? { value, precision: 'time', index: time.index, end: time.end } : undefined
}

/** Where a post was sent from, as platforms print it: `来自 山东`, `IP属地：浙江`, `发布于北京`. */
const SENT_FROM_WORD =
  /^(?:来自|來自|发自|發自|IP\s?属地|IP\s?屬地|发布于|發布於|發佈於|发表于|發表於)\s*[:：]?\s*/
/** How a portal names the account it reprints: `科技日报官方账号`. */
const ACCOUNT = /(?:官方)?(?:账号|帳號|賬號|帐号)$/u
const SENT_FROM = new RegExp(`${SENT_FROM_WORD.source}[\\p{Script=Han}]{2,4}$`, 'u')

/** A self-media account's name: a short run of letters and digits. */
const ACCOUNT_NAME = /^[\p{Script=Han}A-Za-z0-9_]{2,12}$/u

/** A print edition's page, perhaps with its section: `第A04版：澳聞`, `澳聞 A3版`, `第3版 综合`. */
const EDITION_PAGE =
  /^(?:\p{Script=Han}{1,8}[\s\u3000]*)?第?[A-Z]?\d{1,3}版(?:[：:\s\u3000]\s*\p{Script=Han}{1,8})?$/u

/** Where a story was printed, before the print's date: `发于`, `刊於`, `原载于`. */
const PRINTED_IN = /^(?:原?[载載]|[发發]|刊)(?:于|於)$/u

/** A periodical's issue: `831期`, `第831期`, `2025年第38期`, `总第1156期`, `2025年10月號`. */
const ISSUE = /^(?:\d{4}年)?(?:[总總])?第?\d{1,5}期$|^\d{4}年\d{1,2}月[號号]$/u

/** A region's or a section's name after a date and time: two or three Han characters. */
const PLACE = /^[\p{Script=Han}]{2,3}$/u
/** A section's name of four Han characters. */
const SECTION = /^[\p{Script=Han}]{4}$/u
/** A section's name set apart from the day before it by a space: `慈善及社區`. */
const SPACED_SECTION = /^[\p{Script=Han}]{2,5}$/u
/** A section named in both scripts: `新闻 News`. */
const BILINGUAL_SECTION = /^(\p{Script=Han}{2,4})\s+[A-Za-z]+(?:\s[A-Za-z]+)?$/u
/** The sections a post is filed under, after their label and a space: `分類 能源科技 , 電池`. */
const FILED_UNDER =
  /^(?:分類|分类|類別|类别|欄目|栏目|Category|Categories)[\s\u3000]+[\p{Script=Han}A-Za-z]{1,8}(?:\s*[,，、]\s*[\p{Script=Han}A-Za-z]{1,8}){0,5}$/u
/** Two or more sections, set apart by commas: `教育, 評論`. */
const SECTIONS =
  /^[,，]?\s*[\p{Script=Han}A-Za-z]{1,6}(?:\s*[,，、]\s*[\p{Script=Han}A-Za-z]{1,6})+$/u

/**
 * The header WeChat articles print, `原创 陈晓 平安上城`: the mark of an original post, the
 * writer's name when given, and the account's name (last, sometimes twice).
 */
function originalByline(piece: string): Byline | undefined {
  const words = /^原创[\s\u3000]+(.{1,40})$/u.exec(piece)?.[1]?.split(/[\s\u3000]+/)
  if (!words?.length || words.length > 4) return undefined
  const writer = words.length > 1 && words[0] !== words.at(-1) ? words[0]! : undefined
  if (writer && !isPersonName(writer)) return undefined
  const byline: Byline = { authors: writer ? [writer] : [], photographers: [], kind: '原创' }
  // `原创 吴少明 柬埔寨华商日报`: a newsroom's own account names the outlet.
  if (isOutlet(words.at(-1)!)) byline.outlet = words.at(-1)
  return byline
}

/**
 * An outlet and its reporters' names beside a date, with nothing else to say they are a byline
 * (`05:10 2025/04/10 中國時報 林郁婷、張立偉`): the date and the outlet together do.
 */
function outletByline(piece: string): Byline | undefined {
  const outlet = /^[^\s\u3000／/｜|、，,]{2,10}/.exec(piece)?.[0]
  if (!outlet || !isOutlet(outlet)) return undefined
  const byline = readByline(piece.slice(outlet.length), true)
  return byline?.authors.length ? { ...byline, outlet } : undefined
}

/** What one piece between a line's dates and labels says, or undefined when nothing known. */
export function pieceItem(piece: string, beside: Beside): MetaItem | undefined {
  const { firstDate, previous, last, original, timeZone } = beside
  // `| 更新于 下午5点40分`: the update's time alone, on the day of the date before it.
  const update = firstDate && UPDATE_WORD.exec(piece)
  if (update) {
    const time = timeAt(asciiDigits(piece), update[0].length)
    const date = time && time.end === piece.length ? onDay(firstDate, time, timeZone) : undefined
    if (date) return { field: 'updated', value: piece.slice(update[0].length), date }
  }
  // `（供稿：南昌车站　刘佳琪　宋一帆）`: the unit that supplied the story, then its writers.
  if (previous?.field === 'source' && /^供稿/.test(previous.label ?? '')) {
    const writers = readByline(piece, true)
    if (writers?.authors.length && writers.authors.every(isPersonName)) {
      return { field: 'byline', value: piece, byline: writers }
    }
  }
  // `Posted on June 3, 2025 by Jane Doe`, `发表于 2025年5月11日 由 林美凤`, `… oleh 黄文杰`: the
  // writer after the date.
  const by = BY.exec(piece) ?? (firstDate ? /^由\s+(?=\S)/.exec(piece) : null)
  if (by) {
    const byline = readByline(piece.slice(by[0].length), true)
    return byline && { field: 'byline', label: 'By', value: piece.slice(by[0].length), byline }
  }
  const byline = readByline(piece) ?? (firstDate && outletByline(piece)) ?? originalByline(piece)
  // `《光明日报》（2025年03月06日 04版）`: the paper a story was printed in, as reprints cite it.
  // `科技日报官方账号`: the account a portal reprints, named as its own.
  // `总第1210期《中国新闻周刊》杂志`: a magazine, after its issue.
  const paper = piece
    .replace(/^(?:\d{4}年)?[总總]?第?\d{1,5}期(?=《)/u, '')
    .replace(/^《(.+)》(?:杂志|雜誌)?$/u, '$1')
    .replace(ACCOUNT, '')
  if (byline) return { field: 'byline', value: piece, byline }
  if (isOrganisation(paper)) return { field: 'outlet', value: paper }
  // `第A04版：澳聞`: the print edition's page and its section.
  if (EDITION_PAGE.test(piece)) return { field: 'other', label: 'page', value: piece }
  // `发于2025.10.13总第1210期…`: the words for where it was printed, before the date.
  if (PRINTED_IN.test(piece)) return { field: 'other', label: 'printed', value: piece }
  // `天下雜誌 831期`: a magazine's issue, beside its name.
  if (ISSUE.test(piece)) return { field: 'other', label: 'issue', value: piece }
  // `（懂球帝原创 作者：徐子航）`: the outlet whose own story it is.
  const own = /^([\p{Script=Han}A-Za-z]{2,12}?)原[创創]$/u.exec(piece)?.[1]
  if (own) return { field: 'outlet', value: own }
  // `原创2025-08-27 21:36·城事观察员老周`: a self-media post's account, by its original mark.
  if (original && ACCOUNT_NAME.test(piece)) {
    return { field: 'other', label: 'account', value: piece }
  }
  // `来自 山东`, `IP属地：浙江`, `发布于北京`: where the post was sent from.
  if (SENT_FROM.test(piece)) {
    return { field: 'other', label: 'place', value: piece.replace(SENT_FROM_WORD, '') }
  }
  // `2025年04月02日 18:06 浙江`: where the post was sent from, as platforms print it, or the
  // section it ran in (`05/06/2025 14:31 星期四 本地`), four characters when nothing else
  // follows the date (`2025年10月8日 09:12　　华人社区`; `… 立即下载` after other items is a button).
  // A day alone may have its section beside it too, set apart from what follows
  // (`2025-04-18　澳聞　瀏覽：1,286`; `2024年3月5日下午` is no day and section).
  const place = PLACE.test(piece) || (beside.whole && SECTION.test(piece))
  const timed = firstDate?.precision === 'time' && last
  if (place && (timed || (firstDate && beside.whole && !last))) {
    return { field: 'other', label: 'place', value: piece }
  }
  // `2025年10月15日 慈善及社區`: a section after the day alone, a space between them.
  if (beside.spaced && beside.whole && last && SPACED_SECTION.test(piece)) {
    return { field: 'other', label: 'section', value: piece }
  }
  // `Posted on 18 March 2025 | 新闻 News`: a bilingual menu's section beside the date.
  const section = firstDate && BILINGUAL_SECTION.exec(piece)
  if (section && MENU_WORDS.has(section[1]!)) {
    return { field: 'other', label: 'section', value: piece }
  }
  // `分類 能源科技 , 電池 , 儲能`: the sections after their label and a space, beside the date.
  if (firstDate && FILED_UNDER.test(piece))
    return { field: 'other', label: 'section', value: piece }
  // `2025/10/07, 教育, 評論`: the sections a post is filed under, beside its date.
  if (firstDate && SECTIONS.test(piece)) return { field: 'other', label: 'section', value: piece }
  return undefined
}

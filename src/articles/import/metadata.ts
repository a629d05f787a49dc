/**
 * Metadata lines as pages print them: labelled values (`發布時間：…`, `来源：…`, `文／…`,
 * `发布/…`, `Published …`), dates and times without a label, bylines, and the outlet printed
 * beside a date, several on one line: `发布时间：2024-03-05　来源：…　作者：…　浏览次数：326`,
 * `2024年03月05日 17:05 新浪财经`, `2024-03-05 14:32 聯合報／ 記者林佳慧／台北即時報導`,
 * `2024/03/02 14:32（3/2 15:10 更新）`. A line is metadata when these items cover it, but for
 * weekdays, end marks and separators. Lines longer than MAX_LINE_CHARS are never metadata, and
 * each step reads a bounded stretch, so a line costs time linear in its length.
 */
import {
  isOrganisation,
  isOutlet,
  isPersonName,
  namesAlone,
  readByline,
  surnamed,
  type Byline,
} from './byline'
import { BY, PAGE_KINDS, ROLES } from './byline-words'
import { asciiDigits, lineTime, type ClockTime } from './clock'
import { findDate, type NewsDate } from './dates'
import { CONTROL_LABELS } from './furniture-words'
import { labelField, labels, type LabelField } from './labels'
import { isShortLine } from './limits'
import { pieceItem } from './meta-pieces'
import { readsAsSentence } from './sentence'

/** One thing a metadata line says. */
export interface MetaItem {
  /** A label's field; `date` an unlabelled date, `time` a time alone, `outlet` a newsroom. */
  field: LabelField | 'date' | 'time' | 'byline' | 'outlet'
  /** The label as printed, for labelled values. */
  label?: string
  value: string
  date?: NewsDate
  time?: ClockTime
  byline?: Byline
  /** An unknown label before a phrase: metadata under a story, perhaps a headline above it. */
  prose?: boolean
  /** A label alone on its line, its value on the next line (features.ts reads the pair). */
  pair?: true
  /** A byline that is an account's name over its follow button: the writer when none is named. */
  account?: true
  /**
   * A source that only posted the page (`发布者：证券部`) or supplied its text (`供稿：心血管内科`):
   * any outlet the page names comes first.
   */
  poster?: true
}

/**
 * Where one field's value ends: a bar, a tab, a full-width space, two spaces (or no-break
 * spaces, as `&nbsp;&nbsp;` between a page's items gives them), a bracket, a semicolon
 * (`文／…施羽涵；圖／…`), a bullet between spaces (`故事作者： 曹婷婷 • 2 天`).
 */
const FIELD_END = /[|｜丨│\t\u3000】\]）)；;]|[ \u00a0]{2}|\s•\s/
const OTHER_END = /[|｜丨│\t】\]]/
/**
 * Words that may sit on a metadata line without saying anything: weekdays (in Malay, Indonesian
 * and Thai too: `Khamis`, `วันศุกร์`), end marks, zones, the controls pages print beside the
 * editor's name (`【纠错】 责任编辑：…`), the date (`【大 中 小】`, a font size, `扫一扫在手机打开当前页`)
 * or the byline (`关注`, a follow button), a self-media post's mark of its own writing (`原创`),
 * the word for posting after a date (`2025-11-06發表`), the page's address
 * (`http://www.crntt.com`), a lunar date beside the day (`農曆三月廿一`), and a relative time
 * beside the date it stands for (`3小時前　2025-09-03 14:22`).
 */
const FILLER =
  /(?:農曆|农历)[正一二三四五六七八九十冬臘腊]{1,2}月(?:初|十|廿|二十|三十)?[一二三四五六七八九十]?|https?:\/\/[^\s|｜]+|www\.[\w.-]+\.[a-z]{2,}|\d{1,3}\s?分(?:鐘|钟)(?:閱讀|阅读)|\d{1,3}\s?min(?:ute)?s?\s?read|[【[]\s*(?:字[号號體体级級]\s*[:：]?\s*)?[大小]\s+中\s+[大小]\s*[】\]]|(?:閱讀|阅读)(?:時間|时间|時長|时长)?\s*[:：]?\s*(?:大[約约]|[約约])?\s*(?:需要?)?\s*\d+\s*分(?:鐘|钟)|(?:全文)?[共約约]\d[\d,]*\s?字|(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?|(?<![A-Za-z])(?:Isnin|Senin|Selasa|Rabu|Khamis|Kamis|Jumaat|Jumat|Sabtu|Ahad|Minggu)(?![A-Za-z])|วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์|อาทิตย์)|Ends|HKT|SGT|MYT|NNNN|(?:扫一扫|掃一掃)[，,]?\s?(?:在手机|在手機)?(?:上)?(?:打开|打開|阅读|閱讀|浏览|瀏覽)(?:当前页|當前頁|本文|本页|本頁)?|纠错|糾錯|举报|舉報|打印本[页頁]|列印本頁|打印|列印|[关關][闭閉](?:窗口)?|[+＋]?(?:关注|關注|订阅|訂閱)|原创|原創|發表|发表|中華民國|中华民国|民國|民国|\d{1,3}\s?(?:分鐘|分钟|小時|小时|天)前|剛剛|刚刚/g
const LETTER = /\p{L}/u
/** A word of a metadata line that says nothing: a filler, or a separator alone. */
const QUIET_WORD = new RegExp(`^(?:${FILLER.source}|[·•・|｜/／-])$`)
/** A name, a bar, then what follows it: `何詠詩 | OMNI 粵語新聞`. */
const NAME_BAR_OUTLET = /^(\p{Script=Han}{2,3})\s*[|｜]\s*(\S.{1,20})$/u
/** A clock time ending a stretch of text, with the comma after it: `14:30, `. */
const CLOCK_END = /\s*\d{1,2}:\d{2}\s*[,，]?\s*$/
/** A site's domain, as an English byline names its outlet: `theedgemalaysia.com`. */
const WEB_DOMAIN = /^(?:www\.)?[a-z0-9-]{2,40}(?:\.[a-z]{2,6}){1,2}$/i
/** A weekday before a label's date: `Saturday, `, `星期六 `. */
const WEEKDAY_FIRST =
  /^[\s\u3000]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:星期|週|周|礼拜|禮拜)[一二三四五六日天])[\s\u3000]*[,，]?/
/** A self-media post's mark of its own writing. */
const ORIGINAL = /原[创創]/
const BULLET = /^[■●◆◇★☆◎□][\s\u3000]*/u
/** A line wholly in brackets: `（记者 李晓雯 通讯员 王建军）`. */
const BRACKETED = /^[（(【〔［[](.+)[）)】〕］\]]$/u
const WEEKDAY_LINE = /^[\s(（]*(?:星期|週|周|礼拜|禮拜)[一二三四五六日天][)）]?\s*$/

/**
 * The items of a metadata line, or undefined when the line is not one: when something besides
 * its items is left (more than a letter, or a sixth of them), or it reads as a sentence.
 */
export function readMetadataLine(line: string, timeZone: string): MetaItem[] | undefined {
  if (!isShortLine(line)) return undefined
  // Read with full-width digits and colons as ASCII; values are taken from the line as printed.
  // `■本报记者 王小明`: a bullet some papers print before the byline.
  const original = line.trim().replace(BULLET, '')
  // A long sentence is never metadata: leave it before reading it piece by piece.
  if (!original || (original.length > 60 && readsAsSentence(original))) return undefined
  const text = asciiDigits(original)
  const english = BY.exec(text)
  if (english) {
    // `By LIU KUN | China Daily`: the writers, then perhaps their outlet after a bar; `by Kelvin
    // Chan 2025-10-03`: or the date after a space.
    const after = original.slice(english[0].length)
    const date = findDate(asciiDigits(after), timeZone)
    const dated = date && date.index > 0 && !/[|｜]/.test(after.slice(0, date.index))
    // `By Tan Wei Ming / theedgemalaysia.com`: or a site after a slash set apart by spaces (a
    // role may follow one too: `By Lin Mei-hua / Staff reporter`).
    const site = /^(.+?)\s+[/／]\s+(\S+)$/.exec(after)
    // `by Candice Lo 14:30, 2 March 2025`: the time before the day is the date's, not the name's.
    const cut = dated ? (CLOCK_END.exec(after.slice(0, date.index))?.index ?? date.index) : 0
    const [who, ...rest] = dated
      ? [after.slice(0, cut).trim(), after.slice(cut).trim()]
      : site && WEB_DOMAIN.test(site[2]!)
        ? [site[1]!, site[2]!]
        : after.split(/\s*[|｜]\s*/)
    const byline = readByline(who!, true)
    if (!byline || readsAsSentence(text)) return undefined
    const item: MetaItem = { field: 'byline', label: 'By', value: who!, byline }
    const outlet = rest.length === 1 ? rest[0]!.trim() : undefined
    if (outlet && (isOutlet(outlet) || WEB_DOMAIN.test(outlet))) byline.outlet = outlet
    else if (rest.length) {
      // `By 林秀凤 | 23 January 2025, 11:20 am | 诗巫新闻`: the byline, then a line's other items.
      const others = readMetadataLine(rest.join(' | '), timeZone)
      return others && [item, ...others]
    }
    return [item]
  }
  // `何詠詩 | OMNI 粵語新聞`: a reporter's name, a surname first, then the outlet after a bar.
  const signed = NAME_BAR_OUTLET.exec(original)
  if (signed && surnamed(signed[1]!) && isPersonName(signed[1]!) && isOutlet(signed[2]!)) {
    const byline: Byline = { authors: [signed[1]!], photographers: [], outlet: signed[2]! }
    return [{ field: 'byline', value: signed[1]!, byline }]
  }
  const time = lineTime(text)
  if (time) return [{ field: 'time', value: original, time }]
  const own = ORIGINAL.test(text)
  const items: MetaItem[] = []
  const covered: [number, number][] = []
  const found = labels(text)
  let firstDate: NewsDate | undefined
  let at = 0
  for (let k = 0; k <= found.length; k++) {
    const label = found[k]
    const gapEnd = label ? label.at : text.length
    if (gapEnd > at) readGap(text.slice(at, gapEnd), at)
    if (!label) break
    const next = found[k + 1]?.at ?? text.length
    const end = valueEnd(text, label.valueAt, next, label.field, timeZone)
    const value = trimValue(original.slice(label.valueAt, end.at))
    const item: MetaItem = { field: label.field, label: label.label, value }
    // `公告日期：2025-06-20`: a date under a label this service does not know is still a date.
    const dated = label.field === 'other' && datedLabel(label.label)
    const date = dated ? findDate(value, timeZone) : undefined
    if (date && date.index <= 3) {
      item.field = 'date'
      end.date = date
    }
    // `发布者：证券部`: the body that posted it is its source, as `發布單位：` names one; a
    // person who posted it is not.
    if (label.field === 'other' && POSTER.test(label.label) && isOrganisation(value)) {
      Object.assign(item, { field: 'source', poster: true })
    }
    // `供稿：心血管内科`: who supplied the text names no outlet either.
    if (label.field === 'source' && SUPPLIER.test(label.label)) item.poster = true
    // `来自: 商报`: where a portal's article comes from, as Discuz prints it.
    if (label.field === 'other' && FROM.test(label.label) && isOutlet(value)) item.field = 'source'
    if (end.date) {
      item.date = end.date
      firstDate ??= end.date
    }
    // `發佈日期：2025/9/12　　時間：16:30`: a time under a label of its own completes the day.
    const clock = !end.date && label.field === 'published' ? lineTime(value) : undefined
    if (clock) Object.assign(item, { field: 'time', time: clock })
    items.push(item)
    covered.push([label.at, end.at])
    at = end.at
  }

  function readGap(gap: string, offset: number) {
    let from = 0
    for (let date = findDate(gap, timeZone, from, firstDate && year(firstDate)); date;) {
      // `日期 2024年2月23日`, `更新 2024年3月6日`: a date's label with a space for its colon.
      const before = gap.slice(from, date.index)
      const bare = bareDateLabel(before)
      const writer = offset + from === 0 ? postedBy(before) : undefined
      // `Lin Yuqing 14 Jul 2025`, `Hong Kong 14 Jul 2025`: words in capitals before the date,
      // a writer's name or a section's, which the date need not wait for.
      const named = offset + from === 0 && !writer && namesAlone(before, false) !== undefined
      if (bare || named) covered.push([offset + from, offset + date.index])
      else if (writer) {
        items.push({
          field: 'byline',
          value: writer,
          byline: { authors: [writer], photographers: [] },
        })
        covered.push([offset + from, offset + date.index])
      } else readPieces(offset + from, offset + date.index)
      const update = /^\s{0,2}(?:更新|updated)/i.exec(gap.slice(date.end))
      const value = original.slice(offset + date.index, offset + date.end)
      items.push({ field: update || bare === 'updated' ? 'updated' : 'date', value, date })
      firstDate ??= date
      const end = date.end + (update?.[0].length ?? 0)
      covered.push([offset + date.index, offset + end])
      from = end
      date = findDate(gap, timeZone, from, year(firstDate))
    }
    readPieces(offset + from, offset + gap.length)
  }

  /** What a piece is read beside: the line's first date, the item before it. */
  function context() {
    return { firstDate, previous: items.at(-1), original: own, timeZone }
  }

  function readPieces(from: number, to: number) {
    const piece = original.slice(from, to)
    const offset = from
    // Bars, brackets, dashes and dots set a line's items apart: `作者：陳彥廷 | 上報 – 2025年12月02日`.
    const trimmed = piece.replace(
      /^[\s|｜丨│（(【[）)】\]–—－·•・]+|[\s|｜丨│（(【[）)】\]–—－·•・]+$/g,
      '',
    )
    if (!trimmed || !LETTER.test(trimmed.replace(FILLER, ''))) return
    const start = offset + piece.indexOf(trimmed)
    // `字號 A+ A-`: the page's controls beside its date say nothing.
    if (controls(trimmed)) {
      covered.push([start, start + trimmed.length])
      return
    }
    // `2025年10月15日 慈善及社區`: a piece a space sets apart from the date before it.
    const spaced = /^[\s\u3000]/.test(piece) && items.at(-1)?.date !== undefined
    const item = pieceItem(trimmed, { ...context(), last: to === text.length, whole: true, spaced })
    if (item) {
      items.push(item)
      covered.push([start, start + trimmed.length])
      return
    }
    // `发布于北京 科技日报官方账号`: several items set apart by spaces, each of them known.
    // A weekday or a dot between them says nothing (`05/06/2025 14:31 星期四 本地`), nor does a
    // count with no letter, as a piece with none says nothing (`24/04/2025 校园新闻 1,024`).
    const words = [...trimmed.matchAll(/[^\s\u3000]+/g)].filter(
      (w) => !QUIET_WORD.test(w[0]) && LETTER.test(w[0]),
    )
    const each = words.map((w, k) =>
      pieceItem(w[0], { ...context(), last: k === words.length - 1 && to === text.length }),
    )
    if (!each.length || !each.every(Boolean)) return
    items.push(...(each as MetaItem[]))
    covered.push([start, start + trimmed.length])
  }

  // An outlet's name alone is a masthead, not metadata; beside a date or a label it is the source.
  if (items.every((i) => i.field === 'outlet')) return undefined
  // `浙江杭州：太子湾公园早樱进入盛花期` may be a headline: a label nobody reads before a phrase.
  const only = items.length === 1 ? items[0]! : undefined
  if (only?.field === 'other' && !ORIGINAL_TITLE.test(only.label ?? '') && prose(only.value)) {
    only.prose = true
  }
  if (leftover(text, covered) > Math.max(1, letters(text) / 6)) {
    // `CTWANT 記者 王小明`: a byline whose outlet only the byline's grammar can tell, its role
    // read above as a label; `（记者　李晓雯 通讯员　王建军）`: or a byline in brackets.
    const inside = BRACKETED.exec(original)?.[1]
    const byline = !/[:：]/.test(text) ? readByline(inside ?? original, false, !!inside) : undefined
    return byline?.authors.length ? [{ field: 'byline', value: original, byline }] : undefined
  }
  const first = items[0]!
  const labelled = first.label && first.field !== 'other'
  if (readsAsSentence(text) && !(labelled && !readsAsSentence(first.value))) return undefined
  return items
}

/**
 * A name alone before the date that follows it, opening the line (`陳宇軒 2025-05-23 14:32`) or
 * on the line above it:
 * three Han characters, as most Chinese names have, and not a place (`高雄市`, `信義區`); two
 * characters are as often a city (`台北 2025-05-23`), so they are not read, nor is a public
 * body (`衛生局`).
 */
export function writerBeforeDate(piece: string): string | undefined {
  const name = piece.trim()
  const han = /^[\p{Script=Han}]{3}$/u.test(name)
  return han && !PLACE_END.test(name) && !isOrganisation(name) && isPersonName(name)
    ? name
    : undefined
}
const PLACE_END = /[市縣县區区省鎮镇鄉乡村里州島岛港灣湾]$/u

/**
 * A name, then the word for posting, before the date: `王小明 发表于 2025-06-03 14:32`; or `由`,
 * the name and `在` (`由 區樂言 在 2025/03/04 - 11:27 發表`, as Drupal prints it).
 */
const POSTED =
  /^(?:由[\s\u3000]*)?(.{2,40}?)[\s\u3000]*(?:发表于|發表於|发布于|發布於|發佈於|(?<=^由[\s\u3000]*\S{2,20}[\s\u3000]*)在)[\s\u3000]*$/u

/** The writer before the date: after a word for posting any name, or writerBeforeDate's. */
function postedBy(before: string): string | undefined {
  const name = POSTED.exec(before)?.[1]?.trim()
  // `王小明 · 2025-06-03`: a dot or a bar between the name and the date.
  if (name === undefined) return writerBeforeDate(before.replace(/[\s\u3000·•|｜]+$/u, ''))
  return isPersonName(name) && !PLACE_END.test(name) && !isOrganisation(name) ? name : undefined
}

/** A reprint's note of the title it first ran under: `原标题：…`, never the page's title. */
const ORIGINAL_TITLE = /^原[标標][题題]$/

/** How the labels of dates end: `公告日期`, `出版时间`, `成文日期`. */
const DAY_WORD = /(?:日期|時間|时间)$/
/** The labels of days that are not the page's: a document's, a rule's, an event's. */
const OTHER_DAY =
  /(?:成文|印发|印發|施行|实施|實施|生效|截止|报名|報名|活动|活動|开放|開放|办理|辦理)(?:日期|時間|时间)$/
/** A date's label that may name the page's day: `公告日期`, `出版时间`. */
const datedLabel = (label: string) => DAY_WORD.test(label) && !OTHER_DAY.test(label)

/**
 * True for the label of a day that is not the page's: a document's (`成文日期`), a rule's
 * (`施行日期`), an event's (`活动时间`).
 */
export const otherDayLabel = (label: string) => OTHER_DAY.test(label)

/** Who posted a page: `发布者`, `發布人`. */
const POSTER = /^(?:发布|發布|發佈)(?:者|人)$/u
/** Who supplied a story's text: `供稿`, `供稿單位`. */
const SUPPLIER = /^供稿/
/** Where a page comes from, as a label: `来自`. */
const FROM = /^(?:来自|來自)$/u

/** The kinds of page a public body issues, printed before their day: `新聞稿`, `公告`. */
const PAGE_KIND = new RegExp(`^(?:${PAGE_KINDS.join('|')})(?:[A-Za-z]{2,30})?$`, 'u')
/** The field of a date's label printed without its colon (`日期 `, `更新 `), or undefined. */
function bareDateLabel(piece: string): 'published' | 'updated' | undefined {
  // `本文发布于 2025-08-14`: the label as a phrase, the article named before it, 于 after.
  const phrase = /^(?:本文|本篇|此文|文章)?(.{1,6}?)(?:于|於)?$/u
  const words = piece.replace(/[\s\u3000|｜丨│•·・]+/g, '')
  const field = labelField(words) ?? labelField(phrase.exec(words)?.[1] ?? '')
  if (field === 'published' || field === 'updated') return field
  // `新聞稿　2025-06-12 18:45`: the kind of page, before the day it was issued.
  if (PAGE_KIND.test(words)) return 'published'
  // `出版时间 2025年6月3日`, `公告日期 2025-06-02`: any short label named for a date or a time
  // (but a document's or an event's day: `成文日期`, `活动时间`).
  if (field || [...words].length > 6 || !datedLabel(words)) return undefined
  return /更新|修改|修訂|修订/.test(words) ? 'updated' : 'published'
}

/**
 * A value that reads as words, not data: eight Han characters or more, no more digits than half
 * of them (`今年高校毕业生预计达1179万人`, `5600余艘渔船回港避风`), or more than ten characters
 * with hardly any digits.
 */
function prose(value: string): boolean {
  const digits = value.match(/\d/g)?.length ?? 0
  const han = value.match(/\p{Script=Han}/gu)?.length ?? 0
  return (han >= 8 && digits * 2 <= han) || ([...value].length > 10 && digits < 3)
}

const year = (date: NewsDate) => Number(date.value.slice(0, 4))

/** Where a label's value ends: at the next label, a field separator, or (for a non-date) a date. */
function valueEnd(
  text: string,
  from: number,
  next: number,
  field: LabelField | 'other',
  timeZone: string,
): { at: number; date?: NewsDate } {
  const stretch = text.slice(0, next)
  if (field === 'published' || field === 'updated') {
    const date = findDate(stretch, timeZone, from)
    // `Published on: Saturday, January 25, 2025`: the day's weekday may come first.
    const weekday = WEEKDAY_FIRST.exec(stretch.slice(from))?.[0].length ?? 0
    if (date && date.index - from <= 3 + weekday) return { at: date.end, date }
  }
  // A press contact, keywords, and a label this service does not read, keep their whole value
  // (`新聞聯絡人：教育處　陳科長`, `標籤：香港　深水埗　社區`, `公告编号：2025-031`).
  const whole = field === 'other' || field === 'contact' || field === 'keywords'
  const end = whole ? OTHER_END : FIELD_END
  let sep = end.exec(stretch.slice(from + 1))
  let at = sep ? from + 1 + sep.index : next
  // `作者：刘艳　王思远`: writers' names set apart by one full-width space are one value.
  for (let names = 0; field === 'author' && sep?.[0] === '\u3000' && names < 8; names++) {
    const rest = stretch.slice(at + 1)
    const name = /^[^\s\u3000|｜:：）)】]{2,4}(?=\u3000\u3000|[\s|｜）)】]|$)/u.exec(rest)?.[0]
    const person = name && isPersonName(name) && !isOutlet(name) && !isOrganisation(name)
    if (rest[0] === '\u3000' || !person) break
    sep = end.exec(stretch.slice(at + 1))
    at = sep ? at + 1 + sep.index : next
  }
  // `撰稿：学生记者　蔡欣怡、陈俊杰`: a role alone before a full-width space is no value yet.
  if (
    field === 'author' &&
    sep?.[0] === '\u3000' &&
    ROLE_ALONE.test(stretch.slice(from, at).trim())
  ) {
    sep = end.exec(stretch.slice(at + 1))
    at = sep ? at + 1 + sep.index : next
  }
  // `来源：宜宾日报（记者 李明轩）`: a source ends where a bracket of its reporters opens, which
  // is read as an item of its own.
  const bracket = field === 'source' ? stretch.slice(from + 1, at).search(/[（(]/) : -1
  const inside = bracket !== -1 && BRACKET_AT.exec(stretch.slice(from + 1 + bracket))?.[1]
  if (inside && readByline(inside)?.authors.length) at = from + 1 + bracket
  // A source or a name ends where a date starts: `来源：中国日报网 2024-03-05 14:32`.
  if (field !== 'published' && field !== 'updated' && field !== 'other') {
    const date = findDate(stretch.slice(0, at), timeZone, from)
    if (date) at = date.index
  }
  return { at: Math.max(at, from) }
}

/** A reporter's role alone, perhaps with a kind before it: `记者`, `学生记者`. */
const ROLE_ALONE = new RegExp(`^\\p{Script=Han}{0,4}(?:${ROLES.join('|')})$`, 'u')
/** A bracket at the start of a stretch, and what it holds. */
const BRACKET_AT = /^[（(]([^（）()]{2,40})[）)]/

function trimValue(value: string): string {
  return value.replace(/^[\s\u3000【[（(]+|[\s\u3000】\]）)|｜丨│·・．/／]+$/g, '')
}

function letters(text: string): number {
  let n = 0
  for (const ch of text) if (LETTER.test(ch)) n++
  return n
}

/** Letters outside the items, weekdays, zone names and end marks left out. */
function leftover(text: string, covered: [number, number][]): number {
  let rest = ''
  let at = 0
  for (const [start, end] of [...covered].sort((a, b) => a[0] - b[0])) {
    if (start > at) rest += ' ' + text.slice(at, start)
    at = Math.max(at, end)
  }
  rest += ' ' + text.slice(at)
  return letters(rest.replace(FILLER, ' '))
}

/** True for words that are all a page's controls (`字號 A+ A-`), as furniture-words.ts lists them. */
function controls(piece: string): boolean {
  return piece
    .split(/[\s\u3000|｜]+/)
    .every((word) => CONTROL_LABELS.has(word.replace(/[^\p{L}]/gu, '')))
}

/** A date standing alone on a line, perhaps with its weekday: `2024年3月5日 星期二`. */
export function standaloneDate(line: string, timeZone: string): NewsDate | undefined {
  const trimmed = asciiDigits(line.trim())
  if (trimmed.length > 40) return undefined
  const date = findDate(trimmed, timeZone)
  if (!date || date.index !== 0) return undefined
  const rest = trimmed.slice(date.end)
  return rest.trim() === '' || WEEKDAY_LINE.test(rest) ? date : undefined
}

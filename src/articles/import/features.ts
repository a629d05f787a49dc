/**
 * What the classifier knows of one line of a page, read from the line alone: its length and
 * scripts, whether it reads as a sentence and how many clauses it has, its furniture cue, its
 * metadata items, whether it is a caption, a path, a list of short items, a name, an end mark,
 * a line of readings alone; and, for an HTML paste, what the DOM said (a heading, link share,
 * a figure's caption). Where the line sits is classify.ts's business.
 */
import { authorNames, isPersonName, namesAlone, surnamed } from './byline'
import { furnitureCue, type FurnitureCue } from './furniture'
import { isShortLine, MAX_LINE_CHARS } from './limits'
import { findDate } from './dates'
import { labelField } from './labels'
import { otherDayLabel, readMetadataLine, writerBeforeDate, type MetaItem } from './metadata'
import type { PageLine } from './page-lines'
import { caption, onlyReadings, readsLine, type Caption } from './line-marks'
import { readDateline } from './dateline'
import { readsAsSentence } from './sentence'
import { markWriters } from './writers'

export interface LineFeatures {
  blank: boolean
  /** Characters other than spaces. */
  chars: number
  letters: number
  han: number
  latin: number
  /** Words of Latin letters. */
  words: number
  sentence: boolean
  /** Clause and sentence punctuation inside the line: ，、；,; and 。！？ before its end. */
  clauses: number
  cue?: FurnitureCue
  meta?: MetaItem[]
  /** A photo caption, with the photographers its credit names. */
  caption?: Caption
  /** A site path: `首頁 > 新聞 > 要聞`, `Hong Kong / Transport`. */
  path: boolean
  /** Several short items in a row: `首页 | 新闻 | 体育 | 财经`. */
  list: boolean
  /** Mostly the text of links (an HTML paste's navigation, related lists, share bars). */
  links: boolean
  /** A bulleted short line, `►冷氣團報到`, as related links are printed. */
  bullet: boolean
  /** The names of a line of personal names alone (`Jane Doe`, `JESSICA LANGFORD, KEVIN LIU`). */
  names?: string[]
  /** The story's end mark, alone or closing the line: `完`, `（完）`, `(END)`, `Ends`. */
  endMark: boolean
  /** The readings of the line above or below it, alone: `guó wù yuàn` over `國務院`. */
  readings: boolean
  /** The story score (storyScore): how much the line reads like a paragraph of the story. */
  story: number
}

const HAN = /\p{Script=Han}/u
const SPACE = /\s+/g
const NOT_LETTER = /\P{L}+/gu
const NOT_HAN = /\P{Script=Han}+/gu
const NOT_LATIN = /\P{Script=Latin}+/gu
const LATIN_WORD = /\p{Script=Latin}+/gu
const ANY_LATIN = /[A-Za-z\u00C0-\u024F]/
const PATH_SEPARATOR = /[>»›＞→/／]/
/** A breadcrumb from the home page, its last item the page's own headline however long. */
const HOME_PATH =
  /^(?:首页|首頁|主页|主頁|网站首页|網站首頁|Home)\s{0,2}(?:>>|＞＞|>|»|›|＞|→)\s{0,2}[^>»›＞→]{1,20}(?:\s{0,2}(?:>>|＞＞|>|»|›|＞|→)\s{0,2}[^>»›＞→]{1,60}){1,5}$/
/** A web address alone on a line. */
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i
/**
 * What a metadata line cannot do without: a digit (a date), a colon, slash, bar, comma or tab
 * (a label; a table's cells copied with a tab between), a letter that ends a role or a kind of
 * report (記者, 通訊員, 實習生, 報導, 訊, 電, 攝), a label printed with a space for its colon (编辑,
 * 校對, 审核, 来源, 阅读), a credit (文, 原创), the end of an outlet's name (`工商時報 蔡宜蓁`), a
 * Latin word (By, a name, an outlet).
 */
const META_HINT =
  /[\d０-９:：﹕/／|｜丨,，\t者員员生導导道訊讯電电息攝摄影理文创創辑輯对對核源读讀報报社網网台A-Za-z]/
/**
 * Clause and sentence punctuation: a label's colon is not a clause, nor a comma between a
 * number's thousands (`6,000`).
 */
const CLAUSE = /[，、；;。！？!]|,(?!(?<=\d,)\d{3}(?!\d))/g
const PATH =
  /^[^>»›＞→/／]{1,16}(?:\s{0,2}(?:>>|＞＞|>|»|›|＞|→|\/|／)\s{0,2}[^>»›＞→/／]{1,20}){1,6}$/
/** Items set apart by slashes alone, one of them a headline's phrase: `市建局開展土瓜灣落山道／崇志街重建項目`. */
const SLASHED_PHRASE = /^[^>»›＞→]*[\p{Script=Han}]{9,}[^>»›＞→]*$/u
const LIST_SEPARATOR = /[|｜·•\s\u3000]+/
const BULLET = /^[►▶▸▹●◆◇■□★☆※》→>＞·•]/
const END_MARK =
  /^-\s?30\s?-$|(?:^|[。！？.!?」”])\s*(?:[（(【[—–-]{0,2}\s*(?:完|END|End|end|Ends)\s*[）)】\]—–-]{0,2})$|^(?:完|Ends)$|^Ends\//

/** A run of at least this many short lines together is a list (a menu, a set of links). */
const RUN = 3
/** A short line of a run has at most this many characters. */
const RUN_CHARS = 8

/** The features of every line of a page. Equal lines may share one object: never change one. */
export function lineFeatures(lines: readonly PageLine[], timeZone: string): LineFeatures[] {
  const read = readInFull(lines)
  // A page that repeats a line (a hostile one does) reads it once.
  const seen = new Map<string, LineFeatures>()
  const all = lines.map((line, i) => {
    const full = read(i)
    if (line.dom) return features(line, timeZone, full)
    const key = (full ? '1' : '0') + line.plain
    const known = seen.get(key)
    if (known) return known
    const f = features(line, timeZone, full)
    if (seen.size < SEEN_LINES) seen.set(key, f)
    return f
  })
  markRuns(lines, all)
  markPathsDown(lines, all)
  pairLabels(lines, all, timeZone)
  markWriters(lines, all, timeZone)
  // The line right under an image's placeholder (`[图片]`) is what the page printed under it,
  // unless it runs to two sentences: captions say one thing, a story goes on.
  all.forEach((f, i) => {
    // `图片` in a menu of lines is the menu's item, not a picture.
    const placeholder = all[i - 1]?.caption?.placeholder && !all[i - 1]!.list
    if (!placeholder || f.blank || f.chars > CAPTION_CHARS) return
    if (f.caption?.sure || twoSentences(lines[i]!.plain)) return
    all[i] = { ...f, caption: { photographers: f.caption?.photographers ?? [], sure: true } }
  })
  // `柏林將補助老舊住宅換裝熱泵…。` over `圖像：Markus Feld/dpa`: a lead photo's caption over its
  // credit, in the header (no story line above it, none right under the credit). A text paste
  // only: in HTML a caption is a figure's, and a paragraph over a credit may be the story's.
  all.forEach((f, i) => {
    if (!all[i + 1]?.caption?.credit || f.blank || f.caption || f.meta || f.cue) return
    if (f.names || lines[i]!.dom) return
    if (f.chars > CAPTION_CHARS || twoSentences(lines[i]!.plain)) return
    const near = (from: number, step: number) => {
      let j = from
      while (all[j]?.blank) j += step
      return j
    }
    const above = all[near(i - 1, -1)]
    const under = near(i + 2, 1)
    const below = all[under]
    // With the story right under the credit, only a line too short to be its lead is a caption,
    // unless the story's dateline opens that line (`SINGAPORE — After six months…`).
    const dateline = below && readDateline(lines[under]!.plain.trim())?.credit === false
    const lead = below && below.story >= STORY && !below.cue && f.chars > LEAD_CHARS && !dateline
    if ((above && above.story >= STORY) || lead) return
    all[i] = { ...f, caption: { photographers: [], sure: true } }
  })
  // A line of syllables is an annotation only over (or under) the characters it reads.
  all.forEach((f, i) => {
    if (!f.readings) return
    const near = [i - 1, i + 1].filter((j) => lines[j] && !all[j]!.blank)
    all[i] = { ...f, readings: near.some((j) => readsLine(lines[i]!.plain, lines[j]!.plain)) }
  })
  return all
}

/**
 * Credits printed as a label on a line of its own and the value on the next (`文字` then
 * `陳怡安、林士傑`), as long-form pages lay them out: the value is read as if the label stood
 * before it with a colon, and the label's line is reported with it.
 */
function pairLabels(lines: readonly PageLine[], all: LineFeatures[], timeZone: string) {
  for (let i = 0; i + 1 < lines.length; i++) {
    const text = lines[i]!.plain.trim()
    // A label is short: a page of many lines asks this of few of them.
    if (all[i]!.blank || text.length > PAIRED_LABEL_CHARS) continue
    // `发布机构：` over `省水利厅`, as a table's cells copy: a label with its colon and no value.
    // `1.媒體來源:`: a form's numbered question.
    const label = text.replace(/[：:]$/, '').replace(/^\d{1,2}[.、．]\s*/, '')
    const meta = all[i]!.meta
    const bare = !meta || (meta.length === 1 && meta[0]!.value === '')
    const field = label.length <= 8 && bare ? labelField(label) : undefined
    const next = all[i + 1]!
    // `成文日期：` over `2025-05-19`: a document's day, not the page's.
    const dayLabel = label.length <= 8 && bare && otherDayLabel(label)
    if (!field && dayLabel && next.meta?.every((m) => m.field === 'date')) {
      all[i + 1] = { ...next, meta: [{ field: 'other', label, value: lines[i + 1]!.plain.trim() }] }
      i++
      continue
    }
    if (!field || next.blank || next.meta || next.sentence) continue
    const items = readMetadataLine(`${label}：${lines[i + 1]!.plain.trim()}`, timeZone)
    if (items?.length !== 1 || items[0]!.field !== field) continue
    // `出版` over `会员`, a menu's two items: a day's label over no day is no label.
    if ((field === 'published' || field === 'updated') && !items[0]!.date) continue
    // A person's label over a line that names nobody (`風傳媒記者` over `看更多文章`) is a heading.
    const people = ['author', 'editor', 'photographer'].includes(field)
    const names = people ? authorNames(items[0]!.value) : []
    if (people && (!names.length || !names.every(isPersonName))) continue
    // `公民記者` over `新聞分類`, items of a menu: a person's label without its colon over a name
    // no common surname starts is two items, not a label and its value.
    const menu = all[i]!.list && next.list && !/[：:]$/.test(text)
    if (people && menu && !names.every((n) => surnamed(n) || /^\p{Lu}/u.test(n))) continue
    all[i] = { ...all[i]!, meta: [{ field, label, value: '', pair: true }] }
    all[i + 1] = { ...next, meta: items }
    i++
  }
}

/** The longest line read as a label over its value: eight characters, a colon, a number. */
const PAIRED_LABEL_CHARS = 13

/** A line of the site's footer in an HTML paste, which the DOM names (DomHints.footer). */
const SITE_FOOTER: FurnitureCue = {
  id: 'site-footer',
  description: 'the site’s footer in an HTML paste: <footer class="site-footer">…</footer>',
  strong: true,
  sentence: true,
}

/** Cues of page controls, which a metadata line may carry beside its items. */
const CONTROLS = new Set(['print-controls', 'font-size', 'view-count', 'bare-label', 'qr-code'])

/** The longest line taken for a caption because an image's placeholder stands above it. */
const CAPTION_CHARS = 80
/** The shortest first paragraph of a story: a line under it is a caption. */
const LEAD_CHARS = 40

/** A line with nothing counted yet: where every line's reading starts. */
const NOTHING: LineFeatures = Object.freeze({
  blank: false,
  chars: 0,
  letters: 0,
  han: 0,
  latin: 0,
  words: 0,
  sentence: false,
  clauses: 0,
  path: false,
  list: false,
  links: false,
  bullet: false,
  endMark: false,
  readings: false,
  story: 0,
})
/** What a blank line is: one object for all of them. */
const BLANK: LineFeatures = Object.freeze({ ...NOTHING, blank: true })
/** A long line's letters are counted in its first this many characters: it is story anyway. */
const SAMPLE_CHARS = 2 * MAX_LINE_CHARS

/**
 * A page of more lines than any real one is read in full at its head and tail, where the
 * title, metadata and furniture are: FULL_LINES non-blank lines at each end. The lines between
 * are read by their length and sentences only, so a hostile page of short lines costs a
 * bounded amount of the work per line that reading labels, dates and bylines takes.
 */
export const FULL_LINES = 2_000
/** Distinct lines whose features are remembered while a page is read. */
const SEEN_LINES = 10_000

function readInFull(lines: readonly PageLine[]): (i: number) => boolean {
  const nonBlank: number[] = []
  lines.forEach((l, i) => l.plain.trim() !== '' && nonBlank.push(i))
  if (nonBlank.length <= 2 * FULL_LINES) return () => true
  const head = nonBlank[FULL_LINES - 1]!
  const tail = nonBlank[nonBlank.length - FULL_LINES]!
  return (i) => i <= head || i >= tail
}

function features(line: PageLine, timeZone: string, full: boolean): LineFeatures {
  if (line.plain.trim() === '') return BLANK
  const whole = line.plain.trim()
  const text = isShortLine(whole) ? whole : whole.slice(0, SAMPLE_CHARS)
  const f: LineFeatures = { ...NOTHING }
  // Counted with native replaces, not a test per character: every line of a page passes here.
  f.chars = text.replace(SPACE, '').length
  f.letters = text.replace(NOT_LETTER, '').length
  f.sentence = readsAsSentence(whole)
  // Punctuation without words around it (`:::`, `，，`) is no clause.
  f.clauses =
    f.letters < 4 ? 0 : Math.max(0, (text.match(CLAUSE)?.length ?? 0) - (f.sentence ? 1 : 0))
  if (!isShortLine(whole)) {
    f.story = storyScore(f, line)
    return f
  }
  f.cue = furnitureCue(line.plain)
  // `发布日期：2025-06-27　文章来源：基础教育处　【字体：大 中 小】【打印】`: controls printed on a
  // metadata line leave it metadata.
  const early =
    f.cue && CONTROLS.has(f.cue.id) && full ? readMetadataLine(text, timeZone) : undefined
  if (early?.some((m) => m.date || m.field === 'source' || m.field === 'author')) f.cue = undefined
  if (f.cue || !full) {
    // Furniture is furniture wherever it stands: nothing else about it is read. Nor is
    // anything else about a line past a long page's head and tail.
    f.story = storyScore(f, line)
    return f
  }
  f.han = text.replace(NOT_HAN, '').length
  if (ANY_LATIN.test(text)) {
    f.latin = text.replace(NOT_LATIN, '').length
    f.words = text.match(LATIN_WORD)?.length ?? 0
  }
  // A line of sentences and clauses is never metadata, nor one with nothing a label, a date
  // or a byline needs: spare them the reading.
  const meta = !(f.sentence && f.clauses >= 2) && META_HINT.test(text)
  f.meta = meta ? (early ?? readMetadataLine(text, timeZone)) : undefined
  if (line.dom?.time && !f.sentence) f.meta = withDomTime(f.meta, line.dom.time, timeZone)
  f.caption = caption(text, line)
  if (!f.sentence) {
    // `https://www.hk01.com/社會新聞/…`: an address is a path, whatever words it holds; in
    // `11/1開打`, a slash between digits is a date's, not a path's.
    f.path =
      WEB_ADDRESS.test(text) ||
      HOME_PATH.test(text) ||
      (PATH_SEPARATOR.test(text) &&
        !/\d{4}/.test(text) &&
        PATH.test(text.replace(/(\d)[/／](\d)/g, '$1-$2')) &&
        !SLASHED_PHRASE.test(text))
    // Words of Latin text are not items: only bars and dots set them apart there.
    const bars = /[|｜·•]/.test(text)
    const items = text.split(bars || f.han > f.latin ? LIST_SEPARATOR : /[|｜·•]+/).filter(Boolean)
    const short = items.every((t) => [...t].length <= (HAN.test(t) ? 6 : 14))
    f.list = short && (items.length >= 4 || (items.length >= 3 && bars))
    f.bullet = BULLET.test(text) && f.clauses === 0 && f.chars <= 40
    if (!f.meta) f.names = namesAlone(text, line.dom?.byline === true)
  }
  f.endMark = END_MARK.test(text)
  f.readings = onlyReadings(text)
  f.links = line.dom?.link !== undefined && line.dom.link > 0.5 && !f.sentence
  // `<footer class="site-footer">南方大学学院 …</footer>`: the site's name and address.
  if (line.dom?.footer && !f.meta && !f.names) f.cue = SITE_FOOTER
  f.story = storyScore(f, line)
  return f
}

/** A path's separator alone on its line, as a breadcrumb of links copies: `/`, `>`, `›`. */
const SEPARATOR_LINE = /^[/／>＞›»]$/

/**
 * `Home`, `/`, `Centre for Chinese Studies`, `/`, `活动报道`: a breadcrumb whose items and
 * separators each took a line of their own is a path, every line of it.
 */
function markPathsDown(lines: readonly PageLine[], all: LineFeatures[]): void {
  const item = (k: number) => all[k] && !all[k].blank && all[k].chars <= PATH_ITEM_CHARS
  const mark = (k: number) =>
    (all[k] = { ...all[k]!, path: true, story: Math.min(all[k]!.story, 0) })
  for (let i = 1; i + 1 < lines.length; i++) {
    if (!SEPARATOR_LINE.test(lines[i]!.plain.trim()) || !item(i - 1) || !item(i + 1)) continue
    for (const k of [i - 1, i, i + 1]) mark(k)
  }
  // `首页 »`, `新闻中心 »`, `文告 »`, `2026年财政预算案文告`: or each item with its separator after
  // it, two at least, and the last item without.
  for (let i = 0; i < lines.length; i++) {
    let j = i
    while (j < lines.length && item(j) && CRUMB_LINE.test(lines[j]!.plain.trim())) j++
    if (j - i >= 2 && item(j)) for (let k = i; k <= j; k++) mark(k)
    i = j
  }
}
/** A breadcrumb's item with its separator after it, as a list of links copies: `首页 »`. */
const CRUMB_LINE = /^\S.{0,28}\s?[/／>＞›»]$/u
/** The longest item of a breadcrumb set down one item a line. */
const PATH_ITEM_CHARS = 30

/** Marks as lists the runs of RUN or more short lines without sentences, as menus print. */
function markRuns(lines: readonly PageLine[], all: LineFeatures[]): void {
  // `会员会馆 Member Clans`: a bilingual menu's item is short in each of its scripts.
  const bilingual = (f: LineFeatures) =>
    f.han > 0 && f.han <= RUN_CHARS - 2 && f.words > 0 && f.words <= 3 && f.chars <= RUN_CHARS * 3
  const short = (f: LineFeatures) =>
    !f.blank &&
    (f.chars <= RUN_CHARS || bilingual(f)) &&
    f.letters > 0 &&
    !f.sentence &&
    !f.meta &&
    !f.endMark
  const dated = (k: number) =>
    all[k]?.meta?.some((m) => m.date || m.field === 'byline' || m.field === 'author') === true
  for (let i = 0; i < all.length; i++) {
    if (!short(all[i]!)) continue
    let j = i
    while (j < all.length && short(all[j]!)) j++
    if (j - i >= RUN) {
      // A headline ends a run of menu items when the byline or the date comes right under it,
      // or under its writer's name (`陈子杰`), as a page copied without blank lines prints it:
      // `…社会新闻 > 正文`, the headline, the date.
      const named = j - 2 >= i && writerBeforeDate(lines[j - 1]!.plain) !== undefined
      const top = named ? j - 2 : j - 1
      const least = named ? NAMED_HEADLINE_HAN : HEADLINE_HAN
      const end = dated(j) && !all[top]!.cue && all[top]!.han >= least ? top : j
      // Features may be shared by equal lines: a run's lines get their own.
      for (let k = i; k < end; k++)
        all[k] = { ...all[k]!, list: true, story: Math.min(all[k]!.story, 0) }
    }
    i = j
  }
}

/** A line's metadata with the date of its `<time datetime>`, which says it exactly. */
function withDomTime(meta: MetaItem[] | undefined, datetime: string, timeZone: string) {
  const date = findDate(datetime, timeZone)
  if (!date) return meta
  const items = (meta ?? []).filter((m) => m.field !== 'date')
  const published = items.find((m) => m.field === 'published')
  // `更新：2025/04/09 13:05` beside the published `<time>`, `Last updated: 16:05` beside a day of
  // its own: the update keeps its own time.
  const dated = meta?.some((m) => m.field === 'date')
  const updated = items.find(
    (m) => m.field === 'updated' && !dated && (!m.date || m.date.value === date.value),
  )
  const labelled = published ?? updated
  if (labelled) {
    labelled.date = date
    return items
  }
  return [{ field: 'date' as const, value: datetime, date }, ...items]
}

/**
 * How much a line reads like a paragraph of a story: sentences, clauses and length count for
 * it; furniture, metadata, captions and links against it. Lines at STORY or above are story
 * wherever they are; the weights are set by the pasted-page corpus (test/corpus/pasted/).
 */
function storyScore(f: LineFeatures, line: PageLine): number {
  let score = 0
  if (f.sentence) score += f.letters >= 10 ? 3 : 1
  // A Latin line's commas make no clauses of a story unless it ends a sentence: an English
  // headline (`SFCCA holds first youth culture camp, 100 students visit…`) ends with none.
  if (f.sentence || f.latin <= f.han) score += Math.min(f.clauses, 3)
  if (f.chars >= 20) score += 1
  if (f.chars >= 40) score += 1
  if (f.chars >= 80) score += 1
  // A lead-in that ends with a colon (`各县（市、区）人民政府，市政府各部门：`) opens what follows.
  if (f.clauses >= 1 && f.letters >= 10 && /[：:]$/.test(line.plain.trimEnd())) score += 1
  if (f.cue) score -= f.cue.strong ? 4 : 2
  if (f.meta && !(f.meta.length === 1 && f.meta[0]!.field === 'other')) score -= 4
  if (f.caption) score -= 4
  if (f.path || f.list || f.links) score -= 3
  // `Office of International Cooperation and Exchange, Jiangnan Polytechnic University`: words
  // in capitals, no sentence ended, name a thing or head a page; a story writes sentences.
  if (!f.sentence && f.latin > f.han && titleCase(line.plain)) score -= 2
  const dom = line.dom
  if (dom) {
    if (dom.link !== undefined && dom.link > 0.3) score -= dom.link > 0.6 ? 4 : 2
    if (dom.heading) score -= 2
    if (dom.tag === 'p') score += 1
  }
  return score
}

/** True when a sentence ends before the line does (spaces after the last one say nothing). */
const twoSentences = (text: string) => /[。！？!?](?=.*\S)/.test(text)

/** Han characters enough for a headline over the metadata to end a run of menu items. */
const HEADLINE_HAN = 8
/** A headline over its writer's name and the date is said to be one by them, and may be shorter. */
const NAMED_HEADLINE_HAN = 4

/** True when most of a line's longer Latin words begin with a capital. */
function titleCase(text: string): boolean {
  const words = text.match(/[A-Za-z][A-Za-z'’-]{3,}/g) ?? []
  const capitals = words.filter((w) => /^[A-Z]/.test(w)).length
  return words.length >= 3 && capitals >= words.length * 0.7
}

/** Lines at this story score or above read as the story. */
export const STORY = 3
/** Lines at this score or above read as the story even inside a list of links. */
export const STRONG_STORY = 5

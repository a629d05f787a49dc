/**
 * Which line is the title. Pages print the headline above the metadata (or, with none, above
 * the story), often under a masthead, a section name or a breadcrumb, and sometimes with a
 * second headline in another language or a subtitle under it. The title is found in the stack
 * of headline-like lines just above the first metadata line (else just above the story): the
 * first that is a headline in length, since mastheads and section names are short (or the one
 * under a mainland kicker); a headline in the other script (English beside Chinese) joins it,
 * in page order. An HTML paste's `<h1>` is the title, unless it holds only the site's name; a
 * Markdown paste's first heading is.
 */
import { foldScript } from '../script-fold'
import { isOutlet } from './byline'
import { OUTLET_END } from './byline-words'
import { STORY, type LineFeatures } from './features'
import type { PageLine } from './page-lines'

export interface TitleLines {
  /** The headline lines, in page order: one, or two on a bilingual page. */
  lines: number[]
  /** Headline-like lines under the title in the same stack: subtitles, kept at the top of the story. */
  subtitles: number[]
  /** Headline-like lines above it in the same stack: mastheads and section names. */
  above: number[]
}

const MARKDOWN_HEADING = /^#{1,6}\s+\S/
/** A title's label alone on its line, perhaps numbered: `標題：`, `3.完整新聞標題:`. */
const TITLE_LABEL = /^(?:\d{1,2}[.、．]\s*)?(?:完整)?(?:新聞|新闻|文章)?(?:標題|标题)\s*[：:]$/u
/** A title's label before the title on its line: `標題\t…`, `标　　题：…`. */
const TITLE_LABEL_BEFORE = /^[标標][\s\u3000]*[题題][\s\u3000]*[\t：:][\s\u3000]*(?=\S)/u
/** A brand in brackets before the headline, as an app's share prints it: `【新生活报】`. */
const BRAND_BEFORE = /^【([^【】]{2,12})】[\s\u3000]*(?=\S)/u

/**
 * A title line as the title: without its label (`標題\t流感季節臨近…`, a table's cells copied as
 * text) or the outlet's name in brackets an app's share puts before it (`【新生活报】…`); a
 * kind of story in brackets stays (`【组图】…`).
 */
export function titleText(line: string): string {
  const text = line.trim().replace(TITLE_LABEL_BEFORE, '')
  const brand = BRAND_BEFORE.exec(text)
  return brand && isOutlet(brand[1]!) ? text.slice(brand[0].length) : text
}

/** Two phrases set apart by a space, as a kicker (引题) prints them. */
const KICKER = /\p{Script=Han}[\u3000 ]+\p{Script=Han}/u

/** Whether a line could be a headline: text without the marks of anything else. */
export function headlineLike(f: LineFeatures): boolean {
  return (
    !f.blank &&
    !f.cue &&
    !f.names &&
    (!f.meta || f.meta.every((m) => m.prose)) &&
    !f.caption &&
    !f.path &&
    !f.list &&
    !f.links &&
    !f.bullet &&
    !f.readings &&
    !f.endMark &&
    f.letters >= 2 &&
    // `修改于12-01 21:47`: a line of more than twice as many digits and marks as letters is a
    // time or a count, no headline.
    f.letters * 2 >= f.chars - f.letters &&
    f.chars <= 150 &&
    f.story < STORY
  )
}

/** True for a line in Latin letters rather than Han characters. */
export const isLatin = (f: LineFeatures) => f.latin > f.han * 2

/** The title of a page whose story starts at `firstStory` (-1: none found). */
export function pickTitle(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  firstStory: number,
  markdown: boolean,
): TitleLines {
  const none: TitleLines = { lines: [], subtitles: [], above: [] }
  const limit = firstStory === -1 ? lines.length : firstStory
  if (markdown) {
    const heading = lines.findIndex((l, i) => i < limit && MARKDOWN_HEADING.test(l.text))
    if (heading !== -1) return { ...none, lines: [heading] }
  }
  const h1 = lines.findIndex((l, i) => i < limit && l.dom?.heading === 1 && f[i]!.letters >= 2)
  // `<h1 class="logo">人民网</h1>`: a site that puts its name in the `<h1>` prints the headline
  // in another element, which the lines' stack finds like a text paste's.
  if (h1 !== -1 && (isHeadline(f[h1]!) || !otherHeadline(lines, f, h1, limit))) {
    return withHtmlCoTitle(lines, f, h1)
  }
  // `3.完整新聞標題:` over the headline, as a forum's news template asks for it.
  const labelled = lines.findIndex((l, i) => i < limit && TITLE_LABEL.test(l.plain.trim()))
  const named = labelled === -1 ? -1 : f.findIndex((x, i) => i > labelled && !x.blank)
  if (named !== -1 && named < limit && headlineLike(f[named]!)) return { ...none, lines: [named] }
  if (firstStory === -1) {
    // Nothing reads as story: the first line is the title, as on a bare page (past a
    // breadcrumb or a navigation bar).
    const first = f.findIndex((x) => !x.blank && !x.cue && !x.path && !x.list && !x.links)
    const top = first === -1 ? f.findIndex((x) => !x.blank) : first
    return top === -1 ? none : { ...none, lines: [top] }
  }
  const firstMeta = f.findIndex(
    (x, i) => i < limit && !x.cue && x.meta?.some((m) => m.field !== 'other'),
  )
  let stack = firstMeta === -1 ? [] : stackAbove(f, firstMeta)
  if (!stack.length) stack = stackAbove(f, limit)
  if (!stack.length) {
    if (questionHeadline(lines[firstStory]!, f, firstStory)) {
      return { lines: [firstStory], subtitles: [], above: [] }
    }
    const first = f.findIndex((x) => !x.blank)
    return first === -1 ? none : { ...none, lines: [first] }
  }
  const title = choose(lines, f, stack)
  // `亚洲时报 Asia Times`, `沙巴华文报 · 服务社群`, today's date, the menu, then the headline over
  // its own date: the lines that open the page over a date are its masthead when a menu comes
  // under that date and a headline under the menu, over more metadata.
  const top = f.findIndex((x) => !x.blank)
  const lower = stack[0] === top ? headlineOverMeta(f, firstMeta, limit) : -1
  if (lower !== -1) return { lines: [lower], subtitles: [], above: stack }
  // `香港旅遊發展局`, the menu, the path, `2025年11月20日`, then the headline: lines set apart from
  // the date by a menu are the masthead, and the headline is the first under the date.
  const menu = (x: LineFeatures) => !!(x.list || x.links || x.path || x.cue)
  const apart = firstMeta !== -1 && f.slice(stack.at(-1)! + 1, firstMeta).some(menu)
  // (Past more metadata, a section's name, a path and a reading time: `第1290期`, `2025年9月10日`,
  // `警隊動態`, `首頁 > 民生`, `3 分钟阅读`; it may be what opens the story, read alone.)
  const section = (x: LineFeatures) => headlineLike(x) && !isHeadline(x) && x.chars <= SECTION_CHARS
  const dated = apart
    ? f.findIndex(
        (x, i) => i > firstMeta && !x.blank && !x.meta && !section(x) && !x.path && !x.cue,
      )
    : -1
  if (dated !== -1 && dated <= limit && headlineLike(f[dated]!) && isHeadline(f[dated]!)) {
    return { lines: [dated], subtitles: [], above: stack }
  }
  if (title.lines.some((i) => isHeadline(f[i]!))) return title
  // Nothing above is a headline in length. A headline that reads as a sentence (a question:
  // `…是消费下沉还是资本泡沫？`) right over the page's metadata is the title, not the story's
  // first line.
  if (questionHeadline(lines[firstStory]!, f, firstStory)) {
    return { lines: [firstStory], subtitles: [], above: stackAbove(f, firstStory) }
  }
  // Self-media pages print the account's name and the date over the headline (`周默聊生活`,
  // `2025-11-03 20:17`, then the headline): the first line that is one between the metadata
  // and the story is the title.
  const under = f.findIndex(
    (x, i) => i > firstMeta && i < limit && headlineLike(x) && isHeadline(x),
  )
  if (firstMeta === -1 || under === -1) return title
  // The stack it heads, right over the story, is read as any other (a print headline in three
  // lines under an e-paper's edition bar).
  const over = stackAbove(f, limit).filter((i) => i >= under)
  if (over[0] === under) {
    const chosen = choose(lines, f, over)
    return { ...chosen, above: [...stack, ...chosen.above] }
  }
  // The headline in the other script under it is the second of a bilingual page's.
  const next = f.findIndex((x, i) => i > under && !x.blank)
  const co = next !== -1 && next < limit && headlineLike(f[next]!) && isHeadline(f[next]!)
  const other = co && isLatin(f[next]!) !== isLatin(f[under]!)
  return { lines: other ? [under, next] : [under], subtitles: [], above: stack }
}

/**
 * The first headline between `from` and `limit` past a menu (a list, links, a path or a cue)
 * and right over a line of metadata, or -1.
 */
function headlineOverMeta(f: readonly LineFeatures[], from: number, limit: number): number {
  let menu = false
  for (let i = from + 1; i < limit; i++) {
    const x = f[i]!
    menu ||= !!(x.list || x.links || x.path || x.cue)
    if (!menu || !headlineLike(x) || !isHeadline(x)) continue
    const next = f.findIndex((y, j) => j > i && !y.blank)
    const meta = f[next]?.meta?.some((m) => m.field !== 'other' && !m.pair)
    return next !== -1 && next < limit && meta ? i : -1
  }
  return -1
}

/** True when a heading other than the `<h1>` at `h1`, above the story, is a headline in length. */
function otherHeadline(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  h1: number,
  limit: number,
): boolean {
  return lines.some((l, i) => i !== h1 && i < limit && l.dom?.heading && isHeadline(f[i]!))
}

/** The longest section's name between a page's date and its headline. */
const SECTION_CHARS = 6
/** A headline in length: eight Han characters, or four Latin words. */
const isHeadline = (x: LineFeatures) => (isLatin(x) ? x.words >= 4 : x.han >= 8)

/** The longest headline that may read as a sentence. */
const SENTENCE_HEADLINE_CHARS = 40

/**
 * Whether the line at `i`, read as story, is a headline: short, not indented as a paragraph, not
 * ended with a full stop as headlines never are (a question or an exclamation is), with the
 * page's metadata right under it, or right over it with the story going on under it (a
 * self-media post: `发布于…`, then `年底了，红利基金还要不要拿？聊聊我的定投记录`).
 */
function questionHeadline(line: PageLine, f: readonly LineFeatures[], i: number): boolean {
  const x = f[i]!
  if (/^[ \t\u3000]/.test(line.text) || /[。.：:，,][」』”"’）)]*$/.test(line.plain.trim())) {
    return false
  }
  const dated = (j: number) => f[j]?.meta?.some((m) => m.field !== 'other' && !m.pair) === true
  const next = f.findIndex((y, j) => j > i && !y.blank)
  const above = [i - 1, i - 2, i - 3].filter((j) => j >= 0 && !f[j]!.blank).slice(0, 2)
  const goesOn = next !== -1 && f[next]!.story >= STORY && f[next]!.chars > x.chars * 2
  return (
    (dated(next) || (goesOn && above.some(dated))) &&
    !x.cue &&
    !x.meta &&
    !x.caption &&
    x.chars <= SENTENCE_HEADLINE_CHARS &&
    x.clauses <= 2
  )
}

/** The headline-like lines right above `at` (blank lines between them allowed), top first. */
function stackAbove(f: readonly LineFeatures[], at: number): number[] {
  const stack: number[] = []
  for (let i = at - 1; i >= 0; i--) {
    const x = f[i]!
    if (x.blank) continue
    if (headlineLike(x)) stack.unshift(i)
    else if (stack.length) break
  }
  return stack
}

/**
 * Where the last group of headline-length lines starts among `whole`. `中華基督教會恩光堂`, a
 * menu, `堂訊 Church News`, then the headline: lines of a headline's length set apart by shorter
 * ones are a masthead over the page's own headline, which is in the last group.
 */
function lastHeadlineGroup(whole: readonly number[], f: readonly LineFeatures[]): number {
  let from = 0
  // A headline-length line came before, and a shorter one after it.
  let seen = false
  let apart = false
  whole.forEach((i, k) => {
    if (!isHeadline(f[i]!)) apart = seen
    else {
      if (apart) from = k
      seen = true
      apart = false
    }
  })
  return from
}

/**
 * The title in a stack of headline-like lines: the first that is a headline in length (eight
 * Han characters, four Latin words), since mastheads and section names are short and a
 * subtitle comes under its headline, unless that first one is a kicker over the next; else the
 * longest. A headline in the other script joins
 * it, in page order (a bilingual page). Lines under it are subtitles, lines above it masthead.
 */
function choose(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  whole: number[],
): TitleLines {
  const from = lastHeadlineGroup(whole, f)
  const masthead = whole.slice(0, from)
  const stack = whole.slice(from)
  const kickers: number[] = []
  const pick = (latin: boolean) => {
    const script = stack.filter((i) => isLatin(f[i]!) === latin)
    const headlines = script.filter((i) => isHeadline(f[i]!))
    // A print headline in three lines, one right under the other: its kicker (引題), the
    // headline, and its subtitle (副題).
    const [a, b, c, ...more] = headlines
    if (c !== undefined && !more.length && b === a! + 1 && c === b + 1) {
      kickers.push(a!)
      return b
    }
    // `推进小流域综合治理　建设宜居宜业和美乡村` over `一条溪流串起九个村的“绿色账本”`: a mainland
    // paper's kicker (引题), two phrases set apart by a space, is over its headline (a line
    // under it that starts with a dash is a subtitle, 副题).
    // Hong Kong, Macau and Taiwan papers print no kicker: a headline in Traditional characters
    // with a full-width space is the headline, over its subtitle (副題).
    const [top, second] = headlines.map((i) => lines[i]!.plain)
    const kicker =
      top !== undefined &&
      second !== undefined &&
      KICKER.test(top) &&
      !KICKER.test(second) &&
      !/^[—–-]/.test(second) &&
      // `广东广播电视台触电新闻` under the headline: the account that posted it, no headline.
      !OUTLET_END.test(second.trim()) &&
      foldScript(top + second) === top + second
    if (kicker) kickers.push(headlines[0]!)
    const headline = headlines[kicker ? 1 : 0]
    const longest = script.reduce<number | undefined>(
      (best, i) => (best === undefined || f[i]!.chars > f[best]!.chars ? i : best),
      undefined,
    )
    return headline ?? longest
  }
  const han = pick(false)
  const latin = pick(true)
  // A Latin line beside a Chinese headline is a second headline only when it is one in length.
  const both = han !== undefined && latin !== undefined && f[latin]!.words >= 4 && f[han]!.han >= 6
  const weight = (i: number | undefined) => (i === undefined ? 0 : f[i]!.han * 2 + f[i]!.latin)
  const main = both
    ? [han, latin].sort((a, b) => a - b)
    : [weight(han) >= weight(latin) ? han! : latin!]
  const first = main[0]!
  const last = main.at(-1)!
  return {
    lines: main,
    subtitles: stack.filter((i) => i > last || kickers.includes(i)),
    above: [
      ...masthead,
      ...stack.filter((i) => (i < first || (i > first && i < last)) && !kickers.includes(i)),
    ],
  }
}

/** An `<h1>`, and the heading after it when it is in the other script (a bilingual page). */
function withHtmlCoTitle(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  h1: number,
): TitleLines {
  const next = f.findIndex((x, i) => i > h1 && !x.blank)
  const co =
    next !== -1 && lines[next]!.dom?.heading && isLatin(f[next]!) !== isLatin(f[h1]!) ? [next] : []
  return { lines: [h1, ...co], subtitles: [], above: [] }
}

/**
 * Every line of a page gets a class, from its features (features.ts) and where it sits:
 *
 * - the story is the stretch from the first to the last line that reads as story (STORY),
 *   leaving out lists of links inside it (a related heading and what follows, runs of bulleted
 *   lines) and lines with a strong furniture cue; captions and short lines inside it stay;
 * - the header (above the story) holds the title (title.ts), metadata, furniture, captions,
 *   and lines that open the story (a credit line set apart above it);
 * - under the story come, first, short lines that belong to it (a signature and its date, an
 *   end mark, a glossary), and then the footer, read line by line from the top: metadata,
 *   furniture, captions. Whatever is neither in the footer goes with it.
 *
 * Each verdict carries a reason, for the import report.
 */
import { surnamed } from './byline'
import { STORY, STRONG_STORY, type LineFeatures } from './features'
import { readDateline } from './dateline'
import type { PageLine } from './page-lines'
import { knownMeta, listedLines, openingLines, aboutTheMakers } from './story-edges'
import { headlineLike, isLatin, pickTitle, type TitleLines } from './title'

/** The labels of an editor's credit: `编辑`, `责任编辑`, `責編`. */
const EDITOR_CREDIT = /^(?:責任編輯|责任编辑|責編|责编|編輯|编辑)$/

export type LineClass =
  'title' | 'metadata' | 'story' | 'caption' | 'furniture' | 'annotation' | 'blank'

export interface Verdict {
  class: LineClass
  /** Why, in a word or two: `paragraph`, `signature`, `相关新闻` (a cue's id), `label 來源`... */
  reason: string
  /** In the article's body. */
  kept: boolean
  /** The header, the story, or the footer: where metadata was read. */
  zone: 'above' | 'header' | 'story' | 'footer'
}

/** What a credit line names: its writers and photographers. */
const BYLINE_FIELDS = new Set(['author', 'byline', 'photographer'])

/** What every blank line is. */
const BLANK: Verdict = Object.freeze({
  class: 'blank',
  reason: 'blank',
  kept: false,
  zone: 'story',
})

export interface Layout {
  verdicts: Verdict[]
  title: TitleLines
  /** The first line that reads as story (its summary starts there), or -1. */
  firstStory: number
}

/** Classifies every line of a page. */
export function classifyLines(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  markdown: boolean,
): Layout {
  const listed = listedLines(f)
  const good = f.map(
    (x, i) =>
      x.story >= STORY &&
      !x.cue?.strong &&
      !knownMeta(x) &&
      !x.caption &&
      (!listed[i] || x.story >= STRONG_STORY),
  )
  // Under a comments heading after the story begins, nothing is the story's: readers' words
  // read as sentences, their names and times as metadata. Nor under a press contact's heading.
  const opens = good.indexOf(true)
  const comments = opens === -1 ? -1 : f.findIndex((x, i) => i > opens && x.cue?.rest)
  const rest = (i: number) => comments !== -1 && i >= comments
  if (comments !== -1) good.fill(false, comments)
  let firstStory = good.indexOf(true)
  const title = pickTitle(lines, f, firstStory, markdown)
  const titleLast = title.lines.at(-1) ?? -1
  // A title that read as story (a question, a long headline) does not start the story.
  if (firstStory !== -1 && firstStory <= titleLast) {
    for (let i = 0; i <= titleLast; i++) good[i] = false
    // The paragraph right under it is the story's first, whatever small print it mentions
    // (`…整理一下，不构成任何投资建议，只是一个普通投资者的记录。`).
    const next = f.findIndex((x, i) => i > titleLast && !x.blank)
    if (next !== -1 && f[next]!.cue?.sentence && f[next]!.story >= STORY) good[next] = true
    firstStory = good.indexOf(true)
  }
  // A standfirst reads as story too; what comes under it says where the story starts.
  const standfirst = new Set<number>()
  const opened = storyUnderStandfirst(lines, f, good, firstStory)
  if (opened) {
    for (let i = firstStory; i < opened.line; i++) if (good[i]) standfirst.add(i)
    for (const i of standfirst) good[i] = false
    firstStory = opened.line
  }
  let start = firstStory
  const titleFirst = title.lines[0] ?? 0
  const about = new Set(aboutTheMakers(lines, f, titleFirst, start, good.lastIndexOf(true), good))
  for (const i of about) good[i] = false
  let end = good.lastIndexOf(true)
  if (start === -1) {
    // Nothing reads as story: the story is what is left between the header and the footer.
    const plain = (i: number) =>
      i > titleLast && !f[i]!.blank && !f[i]!.cue && !knownMeta(f[i]!) && !f[i]!.caption
    start = f.findIndex((_, i) => plain(i))
    end = f.findLastIndex((_, i) => plain(i))
  }
  const verdicts = new Array<Verdict>(lines.length)
  const openers = openingLines(lines, f, title, start)
  // Verdicts are few and lines many: each verdict is made once and shared.
  const made = new Map<string, Verdict>()
  const set = (i: number, cls: LineClass, reason: string, kept: boolean, zone: Verdict['zone']) => {
    const key = `${cls} ${reason} ${kept} ${zone}`
    let verdict = made.get(key)
    if (!verdict) made.set(key, (verdict = Object.freeze({ class: cls, reason, kept, zone })))
    verdicts[i] = verdict
  }
  let ended = false

  for (let i = 0; i < lines.length; i++) {
    const x = f[i]!
    if (x.blank) verdicts[i] = BLANK
    else if (rest(i)) {
      // `comments` and `after-comments`, `press-contact` and `after-press-contact`.
      const heading = f[comments]!.cue!.id
      set(i, 'furniture', i === comments ? heading : `after-${heading}`, false, 'footer')
    } else if (title.lines.includes(i)) set(i, 'title', 'headline', false, 'header')
    else if (i < titleFirst || title.above.includes(i)) aside(i, 'above', 'above-title')
    else if (start === -1 || i < start) header(i)
    else if (i <= end) story(i)
  }
  footer(end)
  return { verdicts, title, firstStory }

  function aside(i: number, zone: Verdict['zone'], otherwise: string) {
    const x = f[i]!
    if (x.readings) set(i, 'annotation', 'readings', false, zone)
    else if (x.cue) set(i, 'furniture', x.cue.id, false, zone)
    // `低溫特報 氣象署：週末前都偏冷` under `相關新聞`: a related list's item, however it reads.
    else if (listed[i] && zone === 'footer' && !x.meta?.some((m) => m.date))
      set(i, 'furniture', 'list', false, zone)
    else if (x.meta || (x.names && (zone === 'header' || overDate(i))))
      set(i, 'metadata', metaReason(x), false, zone)
    else if (x.caption) set(i, 'caption', 'caption', false, zone)
    else if (x.path) set(i, 'furniture', 'path', false, zone)
    else if (x.list || x.links || listed[i]) set(i, 'furniture', 'list', false, zone)
    else set(i, 'furniture', otherwise, false, zone)
  }

  /**
   * `郭丽娟` over `2025年10月15日` above the headline, as Wix prints a post's writer: a Han name a
   * common surname starts (a section's name over an edition's day, `新園地`, is none).
   */
  function overDate(i: number) {
    return (
      f[i]!.names!.every(surnamed) &&
      f[i + 1]?.meta?.some((m) => m.date && m.field !== 'updated') === true
    )
  }

  function header(i: number) {
    if (title.subtitles.includes(i)) set(i, 'title', 'subtitle', false, 'header')
    else if (standfirst.has(i) && opened!.note) set(i, 'story', 'note', true, 'header')
    else if (standfirst.has(i)) set(i, 'title', 'standfirst', opened!.keep, 'header')
    else if (openers.has(i))
      set(i, f[i]!.caption ? 'caption' : 'story', 'opens-story', true, 'header')
    else aside(i, 'header', 'header')
  }

  function story(i: number) {
    const x = f[i]!
    if (good[i]) {
      set(i, 'story', 'paragraph', true, 'story')
      ended = x.endMark
    } else if (ended || (x.endMark && !x.sentence)) {
      // After an end mark (`Ends/…`, `完`) comes what follows a story, up to the next one:
      // its date, its code, the next story's headline (a bilingual release's second half).
      if (headlineLike(x)) {
        set(i, 'title', 'second-headline', false, 'story')
        // A release's half in the other script: its headline joins the title, as a bilingual
        // page's two headlines do.
        const [head, more] = title.lines
        if (head !== undefined && more === undefined && isLatin(f[head]!) !== isLatin(x)) {
          title.lines.push(i)
        }
      } else aside(i, 'footer', 'end-mark')
      ended = true
    } else if (x.readings) set(i, 'annotation', 'readings', false, 'story')
    else if (x.caption?.sure) set(i, 'caption', 'caption', lines[i]!.dom?.figure === true, 'story')
    else if (x.sentence) set(i, 'story', 'sentence', true, 'story')
    else if (listed[i]) set(i, 'furniture', x.cue?.id ?? 'list', false, 'story')
    else if (x.cue?.strong) set(i, 'furniture', x.cue.id, false, 'story')
    // A caption is the photo's, not the story's: it stays with its image in an HTML figure.
    else if (x.caption) set(i, 'caption', 'caption', lines[i]!.dom?.figure === true, 'story')
    // `文/许晴　图/陈默` between paragraphs: a credit line, read for its names and kept.
    else if (x.meta?.length && x.meta.every((m) => BYLINE_FIELDS.has(m.field)))
      set(i, 'story', 'credit', true, 'story')
    // `编辑：黄丽琴` over a fact box under the story: an editor's credit is never the story's
    // (a film's credits, `监制：…`, `翻译：…` in an interview, may be).
    else if (x.meta?.length && x.meta.every((m) => EDITOR_CREDIT.test(m.label ?? '')))
      set(i, 'metadata', metaReason(x), false, 'story')
    else set(i, 'story', 'inside-story', true, 'story')
  }

  /**
   * Under the story: lines that belong to it (a signature and its date, a credit line), then
   * the footer. Short lines right above a label line are its heading, and go with it.
   */
  function footer(last: number) {
    if (last === -1) return
    let tail = !f[last]!.endMark
    let signed = false
    let block: number[] = []
    for (let i = last + 1; i < (comments === -1 ? lines.length : comments); i++) {
      const x = f[i]!
      if (x.blank) {
        verdicts[i] = BLANK
        block = []
        continue
      }
      if (about.has(i)) {
        tail = false
        set(i, 'furniture', 'about-makers', false, 'footer')
        continue
      }
      const neutral =
        !x.cue &&
        !x.meta &&
        !x.names &&
        !x.endMark &&
        !x.caption &&
        !x.path &&
        !x.list &&
        !x.links &&
        !x.bullet &&
        !x.readings &&
        !listed[i]
      const signatureDate =
        signed && x.meta?.length === 1 && x.meta[0]!.field === 'date' && !lines[i]!.gap
      if (tail && (neutral || signatureDate || creditLine(lines[i]!, x))) {
        const reason = signatureDate ? 'signature' : neutral ? 'after-story' : 'credit'
        set(i, 'story', reason, true, reason === 'credit' ? 'footer' : 'story')
        signed = neutral
        // A short line over a label line is its heading; a credit line stays a credit.
        if (neutral) block.push(i)
        continue
      }
      if (tail && x.meta) for (const k of block) set(k, 'furniture', 'after-story', false, 'footer')
      tail = false
      aside(i, 'footer', 'after-story')
    }
  }
}

/** A note opening the page's text: `编者按：`, `【更正】`, `Editor's note:`. */
const NOTE =
  /^[【[〔(（]?\s*(?:编者按|編者按|编者的话|編者的話|编者注|編者註|編按|编按|更正|更正啟事|更正启事|勘誤|勘误|Editor['’]s note|Correction)\s*[】\]〕)）]?\s*[:：]?/i

/** How many story paragraphs a standfirst may run to. */
const STANDFIRST_LINES = 2

/**
 * Where the story starts when its first story-like lines are a standfirst, and whether they
 * stay in the body: the line a dateline opens (`【财新网】…`, `新华社北京3月4日电…`) right
 * after them, or, in HTML, the first past the page's header and summary box, and they go; the
 * next one when a byline or a date stands between them, and they stay, since a date between
 * two paragraphs of a story is no proof. The summary starts at the story either way.
 */
function storyUnderStandfirst(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  good: boolean[],
  first: number,
): { line: number; keep: boolean; note?: true } | undefined {
  if (first === -1) return undefined
  // An editor's note or a correction over the story stays with it; the story starts below.
  if (NOTE.test(lines[first]!.plain.trim())) {
    const next = good.findIndex((g, i) => i > first && g)
    return next === -1 ? undefined : { line: next, keep: true, note: true }
  }
  // An HTML page says so itself: the story starts after its header and summary box.
  if (lines[first]!.dom?.standfirst) {
    const after = good.findIndex((g, i) => i > first && g && !lines[i]!.dom?.standfirst)
    return after === -1 ? undefined : { line: after, keep: false }
  }
  if (!opensStory(lines[first]!)) {
    let seen = 1
    for (let i = first + 1; i < lines.length && seen <= STANDFIRST_LINES; i++) {
      if (!good[i]) continue
      if (opensStory(lines[i]!)) return { line: i, keep: false }
      seen++
    }
  }
  // The byline and the date come between a standfirst and its story, and a story goes on.
  const next = good.findIndex((g, i) => i > first && g)
  // A photo's caption credits its photographer, not the story.
  const credited = (x: LineFeatures) =>
    !x.caption &&
    x.meta?.some((m) => ['date', 'published', 'author', 'byline'].includes(m.field) && !m.pair)
  const goesOn = good.some((g, i) => g && i > next)
  if (next !== -1 && goesOn && f.slice(first + 1, next).some(credited)) {
    return { line: next, keep: true }
  }
  // `在印度洋的海风中…。` over the share bar, then the story: a standfirst in the page's header
  // (a lead its dateline opens, `人民报网 – 11月19日，…`, is the story's). It stays, since a
  // share bar between two paragraphs of a story is no proof either.
  const bar = (x: LineFeatures) => x.cue !== undefined && HEADER_CONTROLS.has(x.cue.id)
  const header = next !== -1 && f.slice(first + 1, next).some(bar)
  if (header && goesOn && !opensStory(lines[first]!)) return { line: next, keep: true }
  return undefined
}

/** The cues of the controls a page's header prints over its story: share, print, font size. */
const HEADER_CONTROLS = new Set(['share', 'print-controls', 'font-size'])

const opensStory = (line: PageLine) => {
  const dateline = readDateline(line.plain.replace(/^[ \t\u3000]+/, ''))
  return dateline !== undefined && !dateline.credit
}

/**
 * A credit line under the story, `撰文／何佩珊　摄影／邓嘉明`, `陈丽华　报道`: a byline with no
 * label or a slash for one, which stays with the story as a credit line above it does. A
 * label with a colon (`記者：…`) is metadata.
 */
function creditLine(line: PageLine, x: LineFeatures): boolean {
  if (!x.meta?.every((m) => BYLINE_FIELDS.has(m.field))) return false
  return !/[:：﹕]/.test(line.plain) && x.meta.some((m) => m.field !== 'photographer')
}

function metaReason(x: LineFeatures): string {
  if (x.names) return 'name'
  const parts = x.meta!.map((m) => (m.label ? `label ${m.label}` : m.field))
  return [...new Set(parts)].join(', ')
}

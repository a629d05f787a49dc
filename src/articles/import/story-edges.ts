/**
 * Where the story's edges are: lists of links inside or around it (a related heading and the
 * short lines under it, runs of bulleted lines, lines mostly of links), the lines set apart
 * above it that open it (a credit line, an HTML figure with its image), and the page's
 * description of its makers under it.
 */
import { authorNames } from './byline'
import { STRONG_STORY, type LineFeatures } from './features'
import type { PageLine } from './page-lines'
import type { TitleLines } from './title'

/** A line's metadata says something (not only labels this service does not read). */
export const knownMeta = (x: LineFeatures) =>
  (x.meta !== undefined && x.meta.some((m) => m.field !== 'other')) || x.names !== undefined

/** Lines that are lists of links: a related heading and the short lines under it, bullet runs. */
export function listedLines(f: readonly LineFeatures[]): boolean[] {
  const listed = f.map(() => false)
  let inList = false
  for (let i = 0; i < f.length; i++) {
    const x = f[i]!
    if (x.cue?.list) {
      inList = true
      listed[i] = true
      continue
    }
    if (x.blank) continue
    // A line of the story or of metadata ends the list; an item that names an outlet before a
    // headline's label (`低溫特報 氣象署：週末前都偏冷`) does not.
    const listItem = x.meta?.every((m) => m.field === 'outlet' || m.field === 'other') === true
    if (inList && (x.story >= STRONG_STORY || (knownMeta(x) && !listItem))) inList = false
    if (inList) listed[i] = true
  }
  // Two or more bulleted lines together are a list of links; so are lines that are mostly links.
  for (let i = 0; i < f.length; i++) {
    if (f[i]!.links) listed[i] = true
    if (!f[i]!.bullet) continue
    let j = i
    let count = 0
    while (j < f.length && (f[j]!.blank || f[j]!.bullet)) {
      if (!f[j]!.blank) count++
      j++
    }
    if (count >= 2) for (let k = i; k < j; k++) if (!f[k]!.blank) listed[k] = true
    i = j
  }
  return listed
}

/**
 * Lines set apart above the story that open it: a credit line (`文／圖　記者 林美華`), a
 * short line, an HTML figure with its image. Read upwards from the story over blank lines and
 * such lines; the block counts from its highest line that a blank line (or, in HTML, another
 * container) sets apart from the metadata above.
 */
export function openingLines(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  title: TitleLines,
  start: number,
): Set<number> {
  const titleLast = title.lines.at(-1) ?? -1
  const marked: number[] = []
  for (let i = start - 1; i > titleLast; i--) {
    const x = f[i]!
    if (x.blank) continue
    const byline = x.meta?.every((m) => m.field === 'byline' || m.field === 'author')
    const figure = x.caption && lines[i]!.dom?.figure
    // `摘要` over an HTML summary box is the box's, not the story's.
    const neutral =
      !x.cue &&
      !x.meta &&
      !x.caption &&
      !x.path &&
      !x.list &&
      !x.names &&
      !x.readings &&
      !lines[i]!.dom?.standfirst
    if (!(byline || figure || neutral) || title.subtitles.includes(i)) break
    marked.unshift(i)
  }
  const top = marked.findIndex((i) => lines[i]!.gap)
  return new Set(top === -1 ? [] : marked.slice(top))
}

/** The longest line above the title read for the outlet's name (a masthead is short). */
const MASTHEAD_CHARS = 24
/** The outlet's name as the subject of a line's first clause: `《報導者》是…`. */
const OUTLET_SUBJECT = /《?(\p{Script=Han}{2,10})》?(?:是|為|为|致力)/u
/** A person as the subject opening a line: `Jessica Langford is…`, `Jessica Langford是…`. */
const PERSON_SUBJECT =
  /^(\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){1,3}|\p{Script=Han}{2,4})\s*(?:is|was|是|為|为)(?:\s|\P{Script=Latin})/u

/**
 * The lines at the end of the story (up to `end`, the last that reads as story) in which the
 * page describes its makers, as long-form sites print under every story: the outlet (`獨立、
 * 深度、非營利 《報導者》是台灣第一個…`: the name its masthead gives, a run of Han characters on
 * a short line above the title, as the subject of the first clause), or an author the header
 * names (`Jessica Langford is the Tokyo bureau chief…`, or an author box: the name alone, then
 * what they do). Read from the end up; they read as story, but are the site's.
 */
/** The heading of a writer's box: `作者簡介`, `关于作者`, `About the author`. */
const ABOUT_HEADING = /^(?:作者[简簡]介|[关關]於?作者|About the (?:author|writer))$/iu

export function aboutTheMakers(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  titleFirst: number,
  start: number,
  end: number,
  good: readonly boolean[],
): number[] {
  const outlets = new Set<string>()
  for (let i = 0; i < titleFirst; i++) {
    const text = lines[i]!.plain.trim()
    if (text.length > MASTHEAD_CHARS) continue
    for (const run of text.match(/\p{Script=Han}{2,10}/gu) ?? []) outlets.add(run)
  }
  const authors = new Set<string>()
  for (let i = 0; i < start; i++) {
    for (const name of f[i]!.names ?? []) authors.add(name.toLowerCase())
    for (const m of f[i]!.meta ?? []) {
      const names = m.field === 'author' ? authorNames(m.value) : (m.byline?.authors ?? [])
      for (const name of names) authors.add(name.toLowerCase())
    }
  }
  const about: number[] = []
  for (let i = end; i > start; i--) {
    if (!good[i]) continue
    const text = lines[i]!.plain.trim()
    const outlet = text.split(/[，。；,;]/)[0]!.match(OUTLET_SUBJECT)?.[1]
    const person = text.match(PERSON_SUBJECT)?.[1]?.toLowerCase()
    // An author box: the author's name alone, then what they do.
    let named = i - 1
    while (named > start && lines[named]!.plain.trim() === '') named--
    const heading = lines[named]!.plain.trim()
    // `作者簡介` over it: the box's own heading.
    const box = named > start && (authors.has(heading.toLowerCase()) || ABOUT_HEADING.test(heading))
    if (!(outlet && outlets.has(outlet)) && !(person && authors.has(person)) && !box) break
    about.push(i)
    if (box) about.push(named)
  }
  return about
}

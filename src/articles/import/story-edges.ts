/**
 * Where the story's edges are: lists of links inside or around it (a related heading and the
 * short lines under it, runs of bulleted lines, lines mostly of links), and the lines set
 * apart above it that open it (a credit line, an HTML figure with its image).
 */
import { STRONG_STORY, type LineFeatures } from './features'
import type { PageLine } from './page-lines'
import type { TitleLines } from './title'

/** A line's metadata says something (not only labels this service does not read). */
export const knownMeta = (x: LineFeatures) =>
  (x.meta !== undefined && x.meta.some((m) => m.field !== 'other')) || x.name

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
    if (inList && (x.story >= STRONG_STORY || knownMeta(x))) inList = false
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
    const neutral = !x.cue && !x.meta && !x.caption && !x.path && !x.list && !x.name && !x.readings
    if (!(byline || figure || neutral) || title.subtitles.includes(i)) break
    marked.unshift(i)
  }
  const top = marked.findIndex((i) => lines[i]!.gap)
  return new Set(top === -1 ? [] : marked.slice(top))
}

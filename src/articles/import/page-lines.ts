/**
 * A pasted page as the import reads it: one entry per line of a text or Markdown paste, or per
 * line of a block of an HTML paste. Each keeps the line as posted, the same line with its
 * phonetic readings removed (what is read), and for HTML what the DOM said about it.
 */
import type { Annotation } from './annotations'

/** What the DOM says about a line of an HTML paste. */
export interface DomHints {
  /** The element the line's text belongs to: `p`, `h1`, `li`, `figcaption`, `td`, `div`... */
  tag: string
  /** 1 to 6 for a heading. */
  heading?: number
  /** The share of the line's characters inside links. */
  link?: number
  /** The block's index: a block's lines (split at `<br>`) share it. */
  block: number
  /** A `<time datetime>` inside the line: its value. */
  time?: string
  /** The line is in a `<figure>` that holds an image. */
  figure?: boolean
  /** The line is in a `<header>`, or a block whose class names a header or a summary box. */
  standfirst?: boolean
  /** The line is in an `<address>`, or a block whose class, `rel` or `itemprop` names an author. */
  byline?: boolean
  /** The line is in the site's footer: a `<footer>` outside any `<article>`, or a block so named. */
  footer?: boolean
}

export interface PageLine {
  /** The line as posted (for HTML, the block's text, with `<ruby>` readings in brackets). */
  text: string
  /** `text` without any reading: what metadata, furniture and datelines are read from. */
  plain: string
  /** The readings found in `text`, checked against the dictionary. */
  annotations: Annotation[]
  /** How many of them match the dictionary tone included. */
  exact: number
  /** Han characters in `text`. */
  han: number
  /** True when the line is set apart from the one before (a blank line, or another HTML container). */
  gap: boolean
  dom?: DomHints
}

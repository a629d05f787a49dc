import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2'
import { renderMarkdown } from './markdown'
import { sanitize } from './sanitize'
import type { RelativeUrls } from './relative-urls'

/** Escapes text for an HTML text node or quoted attribute. The only hand escaper for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!)
}
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Markdown (GFM) rendered, then sanitised like any publisher HTML, its relative URLs resolved
 * by `urls`. 400 naming content_markdown when it nests too deeply or renders to too many
 * elements (LIMITS in schema.ts).
 */
export function markdownToHtml(source: string, urls?: RelativeUrls): string {
  return sanitize(renderMarkdown(source), '/content_markdown', urls)
}

/**
 * Plain text as paragraphs. A paragraph starts after a blank line, at a line indented with
 * ASCII or full-width spaces (how Chinese news marks them), or after a line that ends a
 * sentence, or a short one, in an unindented block whose lines mostly do (a page copied with
 * one line per paragraph, its subheadings among them); other line breaks stay inside the
 * paragraph. Anything that looks like markup is
 * escaped, so it stays text.
 */
export function textToHtml(source: string): string {
  return textParagraphs(source)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n')
}

/** A line that ends a sentence (`。！？!?…`, a closing quote or bracket after it) or a lead-in. */
const endsSentence = (line: string) => /[。！？.!?…；：][」』”"’）)]*$/.test(line)

/** The longest line that stands alone as a subheading in a page copied one line per paragraph. */
const SHORT_LINE = 40

/** The paragraphs of a plain text, each trimmed of its indentation. */
export function textParagraphs(source: string): string[] {
  const paragraphs: string[] = []
  let current: string[] = []
  let indented = false
  const flush = () => {
    // An indented block says where its paragraph starts, and its other lines go on with it. A
    // block hard-wrapped at a width ends most lines mid-sentence; in an unindented one whose
    // lines mostly end a sentence (or a clause before a list: `：`, `；`), each such line
    // ends a paragraph.
    // A short line there (a subheading, a caption: under 40 characters and half the length of
    // the block's long lines, its upper quartile, which subheadings between each paragraph
    // cannot pull down) is a paragraph of its own; a hard-wrapped block's lines are all as long.
    const lengths = current.map((line) => [...line].length).sort((a, b) => a - b)
    const middle = lengths[(lengths.length * 3) >> 2] ?? 0
    const ends = (line: string) => {
      const length = [...line].length
      return endsSentence(line) || (length <= SHORT_LINE && length * 2 <= middle)
    }
    const ending = current.slice(0, -1).filter(ends).length
    if (!indented && current.length > 1 && ending * 3 >= (current.length - 1) * 2) {
      let from = 0
      current.forEach((line, k) => {
        if (k === current.length - 1 || ends(line)) {
          paragraphs.push(current.slice(from, k + 1).join('\n'))
          from = k + 1
        }
      })
    } else if (current.length) paragraphs.push(current.join('\n'))
    current = []
  }
  for (const line of source.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      flush()
      continue
    }
    if (/^[ \t\u3000]/.test(line)) {
      flush()
      indented = true
    } else if (!current.length) indented = false
    current.push(line.replace(/^[ \t\u3000]+/, '').trimEnd())
  }
  flush()
  return paragraphs
}

const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'tr',
  'td',
  'th',
  'figcaption',
  'dt',
  'dd',
])

/**
 * The readable text of HTML, block elements separated by spaces (for summaries and titles).
 * Read by htmlparser2's tokenizer alone: its Parser keeps a stack of open elements that costs
 * time in their depth on every tag (23 s for 1 MiB of nested <i>), and text needs no tree.
 */
export function htmlToText(html: string): string {
  const parts: string[] = []
  const gap = (start: number, end: number) => {
    if (BLOCKS.has(html.slice(start, end).toLowerCase())) parts.push(' ')
  }
  const ignore = () => {}
  const callbacks: TokenizerCallbacks = {
    ontext: (start, end) => parts.push(html.slice(start, end)),
    ontextentity: (codepoint) => parts.push(String.fromCodePoint(codepoint)),
    onopentagname: gap,
    onclosetag: gap,
    onattribdata: ignore,
    onattribentity: ignore,
    onattribend: ignore,
    onattribname: ignore,
    oncdata: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onopentagend: ignore,
    onprocessinginstruction: ignore,
    onselfclosingtag: ignore,
  }
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks)
  tokenizer.write(html)
  tokenizer.end()
  return parts
    .join('')
    .replace(/[ \t\n\r\f\v]+/g, ' ')
    .trim()
}

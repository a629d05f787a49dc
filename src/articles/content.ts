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
 * Plain text as paragraphs. A paragraph starts after a blank line or at a line indented with
 * ASCII or full-width spaces (how Chinese news marks them); other line breaks stay inside the
 * paragraph. Anything that looks like markup is escaped, so it stays text.
 */
export function textToHtml(source: string): string {
  return textParagraphs(source)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n')
}

/** The paragraphs of a plain text, each trimmed of its indentation. */
export function textParagraphs(source: string): string[] {
  const paragraphs: string[] = []
  let current: string[] = []
  const flush = () => {
    if (current.length) paragraphs.push(current.join('\n'))
    current = []
  }
  for (const line of source.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      flush()
      continue
    }
    if (/^[ \t\u3000]/.test(line)) flush()
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

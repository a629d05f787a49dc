/**
 * Markdown rendered by markdown-it: CommonMark with GFM tables, strikethrough and autolinks,
 * linear in its input (Marked is quadratic on runs of emphasis and overflows the stack on deep
 * quotes; see docs/architecture.md). Its nesting is bounded at LIMITS.markdownDepth, its tokens at
 * LIMITS.markdownTokens and its look-ahead for link texts at LIMITS.markdownLookahead, each
 * checked as the work is done, so an input over one stops at once and is refused instead of
 * rendered in part. The HTML it renders to is then held to the HTML limits by the sanitiser.
 */
import MarkdownIt, { type Token } from 'markdown-it'
import { ContentTooLarge, FieldRefusal } from './errors'
import { LIMITS, STORED_ARTICLE_MAX_BYTES } from './limits'

const md = new MarkdownIt({
  // Raw HTML is kept and then sanitised with the rest, as publishers paste fragments into Markdown.
  html: true,
  linkify: true,
  // One past the limit: markdown-it drops what lies deeper than maxNesting without a word, and
  // the states below refuse the input before it gets there.
  maxNesting: LIMITS.markdownDepth + 1,
})

/** What the parse has spent so far, carried in markdown-it's `env`. */
interface Budget {
  tokens: number
  lookahead: number
}

/** Counts a new token and checks the nesting it leaves `state` at. */
function spend(state: { env: Record<string | symbol, unknown>; level: number }): void {
  const budget = state.env.budget as Budget
  if (++budget.tokens > LIMITS.markdownTokens) {
    const most = LIMITS.markdownTokens.toLocaleString('en')
    throw refusal(`reads as more than ${most} pieces (element starts and ends, text, breaks)`)
  }
  if (state.level > LIMITS.markdownDepth) {
    throw refusal(`nests quotes, lists or spans deeper than ${LIMITS.markdownDepth} levels`)
  }
}

// markdown-it makes its states from these properties, so each token passes through `spend`.
md.block.State = class extends md.block.State {
  override push(...args: Parameters<InstanceType<typeof md.block.State>['push']>) {
    const token = super.push(...args)
    spend(this)
    return token
  }
}
md.inline.State = class extends md.inline.State {
  override push(...args: Parameters<InstanceType<typeof md.inline.State>['push']>) {
    const token = super.push(...args)
    spend(this)
    return token
  }
}

// Every `[` and `![` makes markdown-it read ahead for the end of a link text, up to maxNesting
// brackets deep: no token is made, but 1 MiB of `![` took 1.4 s. A link-dense article of 1 MiB
// takes about 100,000 such steps; 1 MiB of brackets, 35 to 70 million.
const skipToken = md.inline.skipToken.bind(md.inline)
md.inline.skipToken = (state) => {
  const budget = state.env.budget as Budget
  if (++budget.lookahead > LIMITS.markdownLookahead) {
    throw refusal('holds too many brackets that open no link, or links nested too deeply')
  }
  skipToken(state)
}

function refusal(detail: string) {
  return new FieldRefusal({ pointer: '/content_markdown', detail })
}

/** Markdown as HTML, not yet sanitised; FieldRefusal naming content_markdown beyond the limits. */
export function renderMarkdown(source: string): string {
  const env = { budget: { tokens: 0, lookahead: 0 } satisfies Budget }
  const tokens = md.parse(source, env)
  // The sanitiser counts the elements exactly, but only once all of it has been rendered and
  // parsed again: refuse now what certainly has too many (autolinks are made without push).
  if (elementsAtLeast(tokens) > LIMITS.htmlElements) {
    throw refusal(`renders to more than ${LIMITS.htmlElements.toLocaleString('en')} elements`)
  }
  // Its text is stored at least once: past the budget, rendering and sanitising it all (two
  // seconds for 30,000 autolinks) would only end in the same refusal.
  const text = textBytesAtLeast(tokens)
  if (text > STORED_ARTICLE_MAX_BYTES) {
    throw new ContentTooLarge({
      pointer: '/content_markdown',
      detail: `renders to at least ${Math.ceil(text / 1024)} KiB of text, over the ${STORED_ARTICLE_MAX_BYTES / 1024} KiB one stored article may take`,
    })
  }
  return md.renderer.render(tokens, md.options, env)
}

/** How many bytes of text the tokens render to, at the least (text and code, as UTF-8). */
function textBytesAtLeast(tokens: Token[]): number {
  let bytes = 0
  for (const token of tokens) {
    if (token.type === 'text' || token.type.startsWith('code') || token.type === 'fence') {
      bytes += utf8Length(token.content)
    }
    if (token.children) bytes += textBytesAtLeast(token.children)
  }
  return bytes
}

const encoder = new TextEncoder()
const utf8Length = (text: string) => encoder.encode(text).length

/** How many elements the tokens render to, at the least: each start that is shown. */
function elementsAtLeast(tokens: Token[]): number {
  let count = 0
  for (const token of tokens) {
    if (token.nesting === 1 && !token.hidden) count++
    if (token.children) count += elementsAtLeast(token.children)
  }
  return count
}

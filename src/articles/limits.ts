/**
 * Every limit a publisher meets, in one place: the table of limits in docs/operations.md is this module.
 * It imports nothing, so any module may read it.
 */

/** Largest request body the API accepts. */
export const BODY_LIMIT_BYTES = 1024 * 1024

/**
 * The most a stored article may take, as readers read it (rendered HTML and the other
 * script's version included). A listing reads at most 100 articles in one bulk get, which KV
 * limits to 25 MB: 100 articles at this size always fit, whatever publishers send.
 */
export const STORED_ARTICLE_MAX_BYTES = 240 * 1024

/** Limits a publisher meets at the API's edge; docs/operations.md lists them. */
export const LIMITS = {
  titleChars: 300,
  summaryChars: 2000,
  tags: 20,
  tagChars: 64,
  authors: 20,
  nameChars: 200,
  /** Photos of one article, and the text each may carry. */
  photos: 20,
  altChars: 1000,
  captionChars: 1000,
  /** Microformats properties edgefeed keeps without using them (src/articles/properties.ts). */
  extraProperties: 50,
  extraPropertiesBytes: 64 * 1024,
  /** Arrays and objects inside one another in a JSON body (an article needs 3). */
  jsonDepth: 32,
  /** Elements inside one another in content_html, or in the HTML that Markdown renders to. */
  htmlDepth: 100,
  /** Elements in content_html (before sanitising) or in the HTML that Markdown renders to. */
  htmlElements: 50_000,
  /** Markdown's elements inside one another: a quote is one, a list level two (list, item). */
  markdownDepth: 32,
  /** The pieces Markdown is read into (an element's start and end, a run of text, a break). */
  markdownTokens: 200_000,
  /** Steps looking ahead for the end of link texts (a link-dense 1 MiB article takes 100,000). */
  markdownLookahead: 2_000_000,
} as const

import { z } from 'zod'
import { ID_MAX_BYTES, ID_PATTERN } from './ids'
import { parseTimestamp } from '../time'
import type { Article } from './model'

/** Largest request body the API accepts. */
export const BODY_LIMIT_BYTES = 1024 * 1024

/** Limits a publisher meets at the API's edge; the README lists them. */
export const LIMITS = {
  titleChars: 300,
  summaryChars: 2000,
  tags: 20,
  tagChars: 64,
  authors: 20,
  nameChars: 200,
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

const chars = (s: string) => [...s].length

const httpUrl = z
  .string()
  .max(2048)
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
    message: 'must be an absolute http(s) URL',
  })
  // The WHATWG serialisation percent-encodes what URIs may not hold (spaces, quotes, < >).
  .transform((s) => new URL(s).href)

const date = z.string().refine((s) => parseTimestamp(s, 'UTC') !== undefined, {
  message: 'must be an RFC 3339 date-time such as 2022-04-08T10:30:00+08:00, or a date',
})

const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => chars(s) <= LIMITS.nameChars, `must be at most ${LIMITS.nameChars} characters`)

export const AuthorInput = z.strictObject({
  name,
  url: httpUrl.optional(),
  email: z.email().optional(),
})

export const SourceInput = z.strictObject({ name, url: httpUrl.optional() })

const content = z.string().refine((s) => s.trim() !== '', { message: 'must not be empty' })

/** BCP 47 in its common shape (language, script, region, variants). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/

/** The JSON body of `POST /api/articles` and `PUT /api/articles/{id}`. */
export const ArticleInput = z
  .strictObject({
    id: z
      .string()
      .regex(ID_PATTERN, 'must be a slug: lowercase letters, digits, "-", "_" or "."')
      .refine((s) => new TextEncoder().encode(s).length <= ID_MAX_BYTES, {
        message: `must be at most ${ID_MAX_BYTES} bytes`,
      })
      .optional(),
    title: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .refine(
        (s) => chars(s) <= LIMITS.titleChars,
        `must be at most ${LIMITS.titleChars} characters`,
      ),
    content_html: content.optional(),
    content_markdown: content.optional(),
    content_text: content.optional(),
    summary: z
      .string()
      .trim()
      .refine(
        (s) => chars(s) <= LIMITS.summaryChars,
        `must be at most ${LIMITS.summaryChars} characters`,
      )
      .optional(),
    authors: z.array(AuthorInput).max(LIMITS.authors).optional(),
    published: date.optional(),
    updated: date.optional(),
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'must not be empty')
          .refine(
            (s) => chars(s) <= LIMITS.tagChars,
            `must be at most ${LIMITS.tagChars} characters`,
          )
          // `/tags/..` is `/` and `/tags/.` is `/tags/` to URL parsers: no page could list them.
          .refine((s) => s !== '.' && s !== '..', 'must not be "." or "..", which no URL can name'),
      )
      .max(LIMITS.tags)
      .optional(),
    language: z
      .string()
      .regex(LANGUAGE_TAG, 'must be a BCP 47 language tag such as zh-Hant')
      .optional(),
    source: SourceInput.optional(),
    url: httpUrl.optional(),
    image: httpUrl.optional(),
  })
  .superRefine((input, ctx) => {
    const given = (['content_html', 'content_markdown', 'content_text'] as const).filter(
      (k) => input[k] !== undefined,
    )
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: given.length ? [given[1]!] : ['content_html'],
        message:
          given.length === 0
            ? 'one of content_html, content_markdown or content_text is required'
            : `give only one of content_html, content_markdown or content_text, not ${given.join(' and ')}`,
      })
    }
  })

export type ArticleInput = z.infer<typeof ArticleInput>

/** The stored article as the API returns it (`src/articles/model.ts` is its TypeScript side). */
export const ArticleOutput = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  content_html: z.string(),
  content_markdown: z.string().optional(),
  content_text: z.string().optional(),
  authors: z.array(
    z.object({ name: z.string(), url: z.string().optional(), email: z.string().optional() }),
  ),
  published: z.string().describe('RFC 3339 with the offset the publisher gave'),
  updated: z.string(),
  tags: z.array(z.string()),
  language: z.string(),
  source: z.object({ name: z.string(), url: z.string().optional() }).optional(),
  url: z.string().optional(),
  image: z.string().optional(),
  publisher: z.string(),
  variants: z
    .partialRecord(
      z.enum(['zh-Hans', 'zh-Hant']),
      z.object({
        title: z.string(),
        summary: z.string(),
        content_html: z.string(),
        tags: z.array(z.string()),
      }),
    )
    .optional()
    .describe('Chinese articles: the text converted to the other script'),
})

// Fails to compile when the model gains a field this schema does not describe, or types differ.
type Described = z.infer<typeof ArticleOutput>
const _articleIsDescribed = (a: Article): Described => a
const _descriptionIsArticle = (d: Described): Omit<Article, 'published' | 'updated'> => d
void _articleIsDescribed
void _descriptionIsArticle

import { z } from 'zod'
import { ID_RULE, isValidId } from './ids'
import { isLanguageTag } from './script'
import { isHttpUrl } from '../urls'
import { timestampProblem } from '../time'
import type { Article, JsonValue, MediaFacts } from './model'
import { ANNOTATION_MODES } from './import/modes'

import { LIMITS } from './limits'
import { extraPropertiesProblem, extraPropertyProblem } from './properties'

const chars = (s: string) => [...s].length

const httpUrl = z
  .string()
  .max(2048)
  .refine(isHttpUrl, { message: 'must be an absolute http(s) URL' })
  // The WHATWG serialisation percent-encodes what URIs may not hold (spaces, quotes, < >).
  .transform((s) => new URL(s).href)

const date = z.string().superRefine((s, ctx) => {
  const problem = timestampProblem(s)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/**
 * A name is one line, read left to right as written: line breaks and tabs become a space, and
 * the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069) go, so that
 * no name can turn a page's title around (`‮evil` shown as `live`). The marks U+200E and
 * U+200F stay: Arabic and Hebrew names need them.
 */
const name = z
  .string()
  .transform((s) => s.replace(/[\r\n\t]+/g, ' ').replace(/[\u202A-\u202E\u2066-\u2069]/g, ''))
  .pipe(z.string().trim().min(1, 'must not be empty'))
  .refine((s) => chars(s) <= LIMITS.nameChars, `must be at most ${LIMITS.nameChars} characters`)

export const AuthorInput = z.strictObject({
  name,
  url: httpUrl.optional(),
  email: z.email().optional(),
})

export const SourceInput = z.strictObject({ name, url: httpUrl.optional() })

const text = (max: number) =>
  z
    .string()
    .trim()
    .refine((s) => chars(s) <= max, `must be at most ${max} characters`)

/** A photo: `alt` is required, and `""` says it is decorative. */
export const PhotoInput = z.strictObject({
  url: httpUrl,
  alt: text(LIMITS.altChars).describe('Its text alternative; "" for a decorative photo'),
  caption: text(LIMITS.captionChars).pipe(z.string().min(1, 'must not be empty')).optional(),
  credit: name.optional(),
})

/**
 * Microformats properties edgefeed keeps without using them (src/articles/properties.ts):
 * name to a list of JSON values, as Micropub sends them.
 */
export const ExtraProperties = z
  .record(z.string(), z.array(z.custom<JsonValue>()).min(1, 'must hold at least one value'))
  .superRefine((extras, ctx) => {
    for (const [key, values] of Object.entries(extras)) {
      const problem = extraPropertyProblem(key, values)
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem })
    }
    const problem = extraPropertiesProblem(extras)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** A media type as RFC 6838 names it (`audio/mpeg`), lowercased. */
const mediaType = z
  .string()
  .regex(/^[a-z]+\/[\w.+-]+$/i, 'must be a media type such as audio/mpeg')
  .transform((s) => s.toLowerCase())

export const AttachmentInput = z.strictObject({
  url: httpUrl,
  mime_type: mediaType
    .optional()
    .describe("Required for a file on another host; for a file of ours, R2's type is used"),
  size_in_bytes: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("For a file of ours, R2's size is used whatever is sent"),
  duration_in_seconds: z.number().min(0).optional(),
  title: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((s) => chars(s) <= LIMITS.titleChars, `must be at most ${LIMITS.titleChars} characters`)
    .optional(),
})

const content = z.string().refine((s) => s.trim() !== '', { message: 'must not be empty' })

/** The JSON body of `POST /api/articles` and `PUT /api/articles/{id}`. */
export const ArticleInput = z
  .strictObject({
    id: z.string().refine(isValidId, `must be ${ID_RULE}`).optional(),
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
    annotations: z
      .enum(ANNOTATION_MODES)
      .optional()
      .describe(
        'Phonetic annotations such as 國(guó) in content_text or content_markdown, when the text carries them: strip (the default) removes them from every field, keep keeps them, ruby shows them as <ruby> in content_html',
      ),
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
    state: z
      .enum(['draft', 'published'], {
        error: 'must be "draft" or "published" (an article is scheduled by a published time ahead)',
      })
      .optional()
      .describe(
        'draft keeps the article unpublished: its owner and the admin alone see it, in no page, feed, sitemap or ping. published makes it public at its published time (scheduled while that is ahead). Absent: a new article is published, a stored one keeps its state',
      ),
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
      .refine(isLanguageTag, 'must be a BCP 47 language tag such as zh-Hant')
      .optional(),
    source: SourceInput.optional(),
    url: httpUrl.optional(),
    base_url: httpUrl
      .optional()
      .describe(
        "What relative links and images in the content are resolved against on write (not stored); the article's url when absent. Without either, relative images are dropped and relative links made text, and the answer's warnings say which",
      ),
    image: httpUrl.optional().describe('The lead image; the first photo when absent'),
    photos: z.array(PhotoInput).max(LIMITS.photos).optional(),
    extra_properties: ExtraProperties.optional().describe(
      'Microformats2 properties edgefeed does not use, kept as sent (what Micropub clients send beyond an article): returned by the API and Micropub q=source, never shown to readers',
    ),
    attachments: z.array(AttachmentInput).max(LIMITS.attachments).optional(),
    rehost_images: z
      .boolean()
      .optional()
      .describe(
        'Copy the images the content shows from other hosts into R2, after the answer, and point the content at the copies (docs/media.md). Not stored: send it with each write that should',
      ),
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
    if (input.annotations !== undefined && input.content_html !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['annotations'],
        message: 'applies to content_text and content_markdown; HTML is kept as sent',
      })
    }
  })

/**
 * What an article is built from: the validated JSON, plus what only the server sets on the
 * way in (never accepted in JSON): the text as posted, which a text import keeps.
 */
export type ArticleInput = z.infer<typeof ArticleInput> & {
  source_text?: string
  guid?: string
  /** The lead image's type and size, from R2, when it is a file of ours (src/media/file-facts.ts). */
  image_file?: MediaFacts
}

/** The stored article as the API returns it (`src/articles/model.ts` is its TypeScript side). */
/** What copying an article's images into R2 did, as stored (src/media/rehost.ts). */
export const RehostReportOutput = z.object({
  state: z.enum(['queued', 'done']),
  images: z.array(z.string()),
  copied: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
  failed: z.array(z.object({ url: z.string(), reason: z.string() })).optional(),
})

export const ArticleOutput = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  content_html: z.string(),
  content_markdown: z.string().optional(),
  content_text: z.string().optional(),
  source_text: z
    .string()
    .optional()
    .describe(
      'The text exactly as posted, when the import changed it (a text import, or annotations removed): it can be imported again with another choice',
    ),
  authors: z.array(
    z.object({ name: z.string(), url: z.string().optional(), email: z.string().optional() }),
  ),
  published: z.string().describe('RFC 3339 with the offset the publisher gave'),
  published_precision: z
    .literal('date')
    .optional()
    .describe(
      'date: only a day was given; `published` is its midnight in SITE_TIMEZONE and pages show the day alone',
    ),
  updated: z.string(),
  tags: z.array(z.string()),
  language: z.string(),
  source: z.object({ name: z.string(), url: z.string().optional() }).optional(),
  url: z.string().optional(),
  image: z.string().optional(),
  image_file: z
    .object({ mime_type: z.string(), size_in_bytes: z.number().int() })
    .optional()
    .describe(
      "The lead image's type and size as R2 stores them, when it is a file of ours: what RSS and Atom give its enclosure",
    ),
  photos: z
    .array(
      z.object({
        url: z.string(),
        alt: z.string(),
        caption: z.string().optional(),
        credit: z.string().optional(),
      }),
    )
    .optional(),
  extra_properties: z
    .record(z.string(), z.array(z.custom<JsonValue>()))
    .optional()
    .describe('Kept as sent; never shown to readers'),
  attachments: z
    .array(
      z.object({
        url: z.string(),
        mime_type: z.string(),
        size_in_bytes: z.number().int().optional(),
        duration_in_seconds: z.number().optional(),
        title: z.string().optional(),
      }),
    )
    .optional(),
  rehost: RehostReportOutput.optional().describe(
    'Images from other hosts this article asked to be copied into R2: queued until the copies are made, then what was copied and what failed, and why',
  ),
  guid: z
    .string()
    .optional()
    .describe(
      "An imported article's id in the feed it came from, kept as its feed id so readers see no duplicate (docs/migration.md); never changes",
    ),
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

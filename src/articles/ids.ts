/**
 * Article ids: URL-safe slugs that never change once an article exists (feeds key on them).
 */
import { hex, sha256 } from '../digest'
import { timestampIn } from '../time'
import { withoutAnnotations } from './import/annotations'

/** What a publisher may choose as an id: lowercase ASCII letters and digits, `-`, `_`, `.`. */
const ID_PATTERN = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/
export const ID_MAX_BYTES = 128

const SLUG_WORDS_MAX = 60

/** The id rule in words, for every refusal that names it (JSON, text import, Micropub). */
export const ID_RULE = `a slug of lowercase letters, digits, "-", "_" and "." of at most ${ID_MAX_BYTES} bytes`

/** True when `id` is a slug this service accepts. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id) && new TextEncoder().encode(id).length <= ID_MAX_BYTES
}

/**
 * An id for an article whose publisher gave none: the title's Latin words as a slug, or the
 * publication date for titles without Latin letters (most Chinese titles), then a short hash
 * of title, date and content. The hash keeps two different articles from claiming one key,
 * and makes a script that posts the same article twice get 409 instead of a duplicate.
 */
export async function deriveId(title: string, published: string, content = ''): Promise<string> {
  return (await derivation(title, published, content)).id
}

/**
 * A derived id, and the whole digest its hash is the start of: the article's fingerprint,
 * which tells the coordinator whether the article holding an id is this one posted again
 * (409) or another whose id came out the same (a truncated title, a title of punctuation or
 * Han characters alone on the same day, 24 bits of hash alike), which gets a suffix.
 */
async function derivation(title: string, published: string, content: string) {
  const digest = hex(await sha256(`${title}\n${published}\n${content}`))
  // Phonetic readings (`國(guó)務(wù)院`) are not words of the title, even when they are kept.
  const words = latinSlug(withoutAnnotations(title))
  return { id: `${words || published.slice(0, 10)}-${digest.slice(0, 6)}`, fingerprint: digest }
}

/** An id derived from an article's text, with the fingerprint that tells articles apart. */
export interface DerivedId {
  id: string
  fingerprint: string
}

function latinSlug(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // Digits alone ("2022", "5") say nothing about a Chinese title: use the date instead.
  if (!/[a-z]/.test(ascii)) return ''
  if (ascii.length <= SLUG_WORDS_MAX) return ascii
  const cut = ascii.slice(0, SLUG_WORDS_MAX)
  return cut
    .slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : SLUG_WORDS_MAX)
    .replace(/-+$/, '')
}

/**
 * The id of an article whose publisher named none: `deriveId` over its content and date, the
 * date being today's (in `timeZone`) when none is given, so the same article posted twice
 * in a day is recognised (409) instead of published twice.
 */
export function idForContent(
  article: {
    title: string
    content_html?: string
    content_markdown?: string
    content_text?: string
  },
  published: string | undefined,
  now: number,
  timeZone: string,
): Promise<DerivedId> {
  const date = published ?? timestampIn(now, timeZone).slice(0, 10)
  const content = article.content_html ?? article.content_markdown ?? article.content_text
  return derivation(article.title, date, content ?? '')
}

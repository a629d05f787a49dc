/**
 * Microformats2 properties beyond the ones an article is made of. Micropub clients send
 * whatever their post holds (a check-in's venue, a reply's target, a weight); the W3C
 * Recommendation (3.3.5) has servers create the post with what they recognise. edgefeed keeps
 * the rest as sent: stored with the article, returned by `q=source` and the API, never shown
 * to readers. It refuses, naming it, only what it can neither keep nor honour: commands it
 * does not carry out, and properties that ask for a post to be hidden, which edgefeed would
 * otherwise publish for everyone. (Micropub's `post-status: draft` is the article's state,
 * read by src/articles/mf2.ts; kept as a property, it may only say `published`.)
 */
import { LIMITS } from './limits'

/** The h-entry properties an article is made of: a Micropub create or update maps these. */
export const ARTICLE_PROPERTIES = [
  'name',
  'content',
  'summary',
  'category',
  'published',
  'updated',
  'photo',
] as const
export type ArticleProperty = (typeof ARTICLE_PROPERTIES)[number]

export const isArticleProperty = (name: string): name is ArticleProperty =>
  (ARTICLE_PROPERTIES as readonly string[]).includes(name)

/** Microformats property names: lowercase letters, digits and hyphens (`street-address`). */
const PROPERTY_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Values of a visibility property that publish the post for everyone, as edgefeed does. */
const PUBLIC_VALUES: Record<string, string> = {
  'post-status': 'published',
  visibility: 'public',
}

const isEmpty = (values: readonly unknown[]) => values.every((v) => v === '' || v === null)

/**
 * Why a property can not be kept as it is, or undefined when it can. Article properties are
 * not extra, and `mp-slug` is read by the Micropub route before this is asked.
 */
export function extraPropertyProblem(name: string, values: readonly unknown[]): string | undefined {
  if (isArticleProperty(name)) return "is one of the article's own properties"
  if (name.startsWith('mp-')) {
    // An empty list of targets asks for nothing to be done.
    if (name === 'mp-syndicate-to' && isEmpty(values)) return undefined
    return name === 'mp-syndicate-to'
      ? 'names a syndication target, and edgefeed has none (q=syndicate-to lists them)'
      : 'is a Micropub command edgefeed does not carry out'
  }
  if (!PROPERTY_NAME.test(name) || name.length > 64) {
    return 'is not a property name (lowercase letters, digits and hyphens, at most 64)'
  }
  const open = PUBLIC_VALUES[name]
  if (open !== undefined && !values.every((v) => v === open)) {
    return `asks for a post that is not public; edgefeed publishes every post to everyone, so "${name}" may only be "${open}"`
  }
  return undefined
}

/** Why a whole set of extra properties can not be kept, or undefined: their number and size. */
export function extraPropertiesProblem(extras: Record<string, unknown[]>): string | undefined {
  if (Object.keys(extras).length > LIMITS.extraProperties) {
    return `must have at most ${LIMITS.extraProperties} properties`
  }
  if (new TextEncoder().encode(JSON.stringify(extras)).length > LIMITS.extraPropertiesBytes) {
    return `must take at most ${LIMITS.extraPropertiesBytes} bytes as JSON`
  }
  return undefined
}

/**
 * The zh-Hans / zh-Hant views of an article. Conversion happens once, on write, so serving a
 * variant costs no more than serving the original.
 */
import type { Article, ArticleText } from './model'
import { converterTo, scriptOf, SCRIPTS, type Script } from './script'
import { foldTag, spellingOf, uniqueTags } from './tags'

/** The converted texts a Chinese article carries; undefined for other languages. */
export function buildVariants(article: Article): Article['variants'] {
  const own = scriptOf(article.language)
  if (!own) return undefined
  const variants: Partial<Record<Script, ArticleText>> = {}
  for (const script of SCRIPTS) {
    if (script === own) continue
    const convert = converterTo(script)
    variants[script] = {
      title: convert(article.title),
      summary: convert(article.summary),
      content_html: convert(article.content_html),
      tags: article.tags.map(convert),
    }
  }
  return variants
}

/** The article as readers of `script` see it; articles in other languages are unchanged. */
export function inScript(article: Article, script: Script | undefined): Article {
  const text = script && article.variants?.[script]
  if (!script || !scriptOf(article.language)) return article
  return text ? { ...article, ...text, language: script } : { ...article, language: script }
}

/**
 * Every spelling of this article's tags: as written and in each script (經開區, 经开区;
 * 軟體, 软件). Each is a tag page of its own URL, which WebSub hubs are told about.
 */
export function tagSpellings(article: Article): string[] {
  return uniqueTags(
    [...article.tags, ...Object.values(article.variants ?? {}).flatMap((v) => v.tags)],
    spellingOf,
  )
}

/**
 * The tag listings this article is in, each with the spellings that name it: spellings that
 * fold alike are one listing ([經開區, 经开区]); 軟體 and 软件 fold apart, so are two.
 * Each listing is one index key.
 */
export function tagListings(article: Article): [string, ...string[]][] {
  const listings = new Map<string, [string, ...string[]]>()
  for (const spelling of tagSpellings(article)) {
    const fold = foldTag(spelling)
    const listing = listings.get(fold)
    if (listing) listing.push(spelling)
    else listings.set(fold, [spelling])
  }
  return [...listings.values()]
}

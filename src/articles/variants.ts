/**
 * The zh-Hans / zh-Hant views of an article. Conversion happens once, on write, so serving a
 * variant costs no more than serving the original.
 */
import type { Article, ArticleText } from './model'
import { converterTo, scriptOf, SCRIPTS, type Script } from './script'
import { foldTag, spellingOf, uniqueTags } from './tags'

/** The parts of an article that have a script: its text and tags. */
type Texts = Pick<Article, 'language' | 'title' | 'summary' | 'content_html' | 'tags'>
/** An article or its card: its tags, and its text in the other scripts. */
type Tagged = Pick<Article, 'tags'> & {
  variants?: Partial<Record<Script, Pick<ArticleText, 'tags'>>>
}
/** What a reader of another script sees differently: an article's or a card's text. */
type Scripted = Pick<Article, 'language' | 'title' | 'summary' | 'tags'> & {
  variants?: Partial<Record<Script, Partial<ArticleText>>>
}

/** The converted texts a Chinese article carries; undefined for other languages. */
export function buildVariants(article: Texts): Article['variants'] {
  const own = scriptOf(article.language)
  if (!own) return undefined
  const variants: Partial<Record<Script, ArticleText>> = {}
  for (const script of SCRIPTS) {
    if (script === own) continue
    const convert = converterTo(script)
    const text: ArticleText = {
      title: convert(article.title),
      summary: convert(article.summary),
      content_html: convert(article.content_html),
      tags: article.tags.map(convert),
    }
    // A text conversion leaves as it is (Latin, numbers) is not stored twice: readers of the
    // other script get the original.
    const same =
      text.title === article.title &&
      text.summary === article.summary &&
      text.content_html === article.content_html &&
      text.tags.every((t, i) => t === article.tags[i])
    if (!same) variants[script] = text
  }
  return Object.keys(variants).length ? variants : undefined
}

/**
 * The article (or its card) as readers of `script` see it; articles in other languages are
 * unchanged.
 */
export function inScript<A extends Scripted>(article: A, script: Script | undefined): A {
  const text = script && article.variants?.[script]
  if (!script || !scriptOf(article.language)) return article
  return text ? { ...article, ...text, language: script } : { ...article, language: script }
}

/**
 * Every spelling of this article's tags: as written and in each script (經開區, 经开区;
 * 軟體, 软件). Each is a tag page of its own URL, which WebSub hubs are told about.
 */
export function tagSpellings(article: Tagged): string[] {
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
export function tagListings(article: Tagged): [string, ...string[]][] {
  const listings = new Map<string, [string, ...string[]]>()
  for (const spelling of tagSpellings(article)) {
    const fold = foldTag(spelling)
    const listing = listings.get(fold)
    if (listing) listing.push(spelling)
    else listings.set(fold, [spelling])
  }
  return [...listings.values()]
}

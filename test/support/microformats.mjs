/**
 * What IndieWeb readers, Micro.blog and Bridgy Fed need of a page, read with a real
 * microformats2 parser (microformats-parser): an article page is an h-entry with every
 * property they show, a list page an h-feed of h-entries, and every page has the site's h-card
 * with its rel="me" profiles. Shared by the tests and scripts/e2e.mjs; each function returns
 * what is wrong, one line each (empty when nothing is).
 */
import { mf2 } from 'microformats-parser'

const ENTRY_PROPERTIES = ['name', 'content', 'summary', 'published', 'updated', 'url', 'uid']

/** Every item of a type, nested ones included. */
function itemsOf(items, type) {
  return items.flatMap((item) => [
    ...(item.type.includes(type) ? [item] : []),
    ...itemsOf(
      [
        ...(item.children ?? []),
        ...Object.values(item.properties)
          .flat()
          .filter((v) => v?.type),
      ],
      type,
    ),
  ])
}

const text = (value) => (typeof value === 'string' ? value : (value?.value ?? value?.html))
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)

/**
 * @param {string} html an article page
 * @param {string} pageUrl its address, which relative URLs are resolved against
 * @param {{title: string, summary?: string, tags: string[], image?: string, photos?: {url: string}[], authors: {name: string}[]}} article
 *   what the page shows (in the page's script)
 * @param {string} siteTitle who an article without authors is by
 */
export function articlePageProblems(html, pageUrl, article, siteTitle) {
  const problems = []
  const entries = mf2(html, { baseUrl: pageUrl }).items.filter((i) => i.type.includes('h-entry'))
  if (entries.length !== 1) return [`${entries.length} top-level h-entries, not 1`]
  const props = entries[0].properties
  for (const name of ENTRY_PROPERTIES) if (!props[name]?.length) problems.push(`no ${name}`)
  // HTML reads a CR or CRLF in text as LF (its input stream preprocessing).
  const asHtml = (text) => text.replace(/\r\n?/g, '\n')
  if (text(props.name?.[0]) !== asHtml(article.title))
    problems.push(`name ${JSON.stringify(props.name)}`)
  if (article.summary !== undefined && text(props.summary?.[0]) !== asHtml(article.summary))
    problems.push(`summary ${JSON.stringify(props.summary)}`)
  if (typeof props.content?.[0]?.html !== 'string')
    problems.push('content without its HTML (e-content)')
  const authors = (props.author ?? []).map((a) =>
    a.type?.includes('h-card') ? a.properties.name?.[0] : undefined,
  )
  const names = article.authors.length ? article.authors.map((a) => a.name) : [siteTitle]
  if (!same(authors, names))
    problems.push(`author h-cards ${JSON.stringify(authors)}, not ${JSON.stringify(names)}`)
  if (!same(props.category ?? [], article.tags))
    problems.push(`category ${JSON.stringify(props.category)}`)
  // Every photo is a u-photo, after the lead image when that is not one of them.
  const photos = (article.photos ?? []).map((p) => p.url)
  const lead = article.image && !photos.includes(article.image) ? [article.image] : []
  const photo = (props.photo ?? []).map(text)
  if (!same(photo, [...lead, ...photos])) problems.push(`photo ${JSON.stringify(photo)}`)
  return problems
}

/**
 * @param {string} html a list page (home, tag, a feed opened in a browser)
 * @param {string} pageUrl its address
 * @param {number} count the articles it lists
 */
export function listPageProblems(html, pageUrl, count) {
  const feeds = itemsOf(mf2(html, { baseUrl: pageUrl }).items, 'h-feed')
  if (feeds.length !== 1) return [`${feeds.length} h-feeds, not 1`]
  const entries = (feeds[0].children ?? []).filter((c) => c.type.includes('h-entry'))
  const problems = entries.length === count ? [] : [`${entries.length} h-entries, not ${count}`]
  for (const [i, entry] of entries.entries()) {
    for (const name of ['name', 'url', 'published'])
      if (!entry.properties[name]?.length) problems.push(`entry ${i} has no ${name}`)
  }
  return problems
}

/**
 * @param {string} html any page
 * @param {string} siteUrl the site's home page (SITE_URL + '/')
 * @param {string[]} me the profiles SITE_ME names
 */
export function siteCardProblems(html, siteUrl, me) {
  const parsed = mf2(html, { baseUrl: siteUrl })
  const cards = parsed.items.filter(
    (i) => i.type.includes('h-card') && i.properties.url?.includes(siteUrl),
  )
  if (cards.length !== 1) return [`${cards.length} h-cards of the site, not 1`]
  const problems = []
  if (!cards[0].properties.name?.[0]) problems.push('the site h-card has no name')
  const rels = parsed.rels.me ?? []
  if (!same(rels, me)) problems.push(`rel="me" ${JSON.stringify(rels)}, not ${JSON.stringify(me)}`)
  if (!me.every((url) => cards[0].properties.url.includes(url)))
    problems.push('profiles not in the site h-card')
  return problems
}

// `npm run e2e`'s microformats step: every page a running Worker serves for the corpus, read
// by microformats-parser with the rules of test/support/microformats.mjs.
import { fetchAgainIfClosed } from './devserver.mjs'
import {
  articlePageProblems,
  listPageProblems,
  siteCardProblems,
} from '../../test/support/microformats.mjs'

/** The site title wrangler.toml gives: what an article without authors is by. */
const SITE_TITLE = 'edgefeed'

/**
 * @param {string} base the Worker's origin
 * @param {{articles: object[], tags: string[], authorPages: string[], me: string[]}} site the
 *   stored articles as the API answered them, their tags, their authors' pages, and SITE_ME
 */
export async function checkMicroformats(base, { articles, tags, authorPages, me }, { check }) {
  const problems = []
  const read = async (path) => (await fetchAgainIfClosed(base + path)).text()
  const lists = [
    '/',
    '/zh-Hans/',
    ...tags.map((tag) => `/tags/${encodeURIComponent(tag)}`),
    ...authorPages,
  ]
  for (const path of lists) {
    // The list shows what the first page of its JSON Feed has.
    const feed = await (
      await fetchAgainIfClosed(`${base}${path.replace(/\/?$/, '/')}feed.json`)
    ).json()
    const html = await read(path)
    for (const problem of [
      ...listPageProblems(html, base + path, feed.items.length),
      ...siteCardProblems(html, `${base}/`, me),
    ])
      problems.push(`${path}: ${problem}`)
  }
  for (const article of articles) {
    const path = `/articles/${encodeURIComponent(article.id)}`
    const html = await read(path)
    for (const problem of [
      ...articlePageProblems(html, base + path, article, SITE_TITLE),
      ...siteCardProblems(html, `${base}/`, me),
    ])
      problems.push(`${path}: ${problem}`)
  }
  check(
    `microformats: ${articles.length} article pages are h-entries and ${lists.length} lists h-feeds, each with the site's h-card and rel="me"`,
    problems.length === 0,
    problems.slice(0, 40).join('\n'),
  )
}

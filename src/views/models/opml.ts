/** The list of every feed, as `/feeds.opml` groups it: the site's, each tag's, each author's. */
import type { Listing } from '../../articles/listings'
import { SCRIPTS } from '../../articles/script'
import type { Config } from '../../config'
import type { OpmlGroup } from '../../feeds/opml'
import type { Names } from '../../store/listings'
import { FEED_FORMATS, feedPath, listingPath, scriptPrefix } from '../../urls'
import { FEED_LABELS, SCRIPT_NAMES, type Site } from '../layout'

/** The groups of the OPML document: every listing in every format, and in each script. */
export function opmlGroups(config: Config, site: Site, names: Names): OpmlGroup[] {
  const prefixes = ['', ...(site.chinese ? SCRIPTS.map(scriptPrefix) : [])]
  const feedsOf = (text: string, listing?: Listing) => ({
    text,
    feeds: prefixes.flatMap((prefix) =>
      FEED_FORMATS.map((format) => {
        const script = SCRIPT_NAMES[prefix.slice(1)]
        return {
          text: [text, FEED_LABELS[format], ...(script ? [script] : [])].join(' · '),
          xmlUrl: site.baseUrl + prefix + feedPath(format, listing),
          htmlUrl: site.baseUrl + prefix + (listingPath(listing) || '/'),
        }
      }),
    ),
  })
  const l = site.labels
  return [
    { text: l.siteFeeds, listings: [feedsOf(config.siteTitle)] },
    {
      text: l.tagFeeds,
      listings: names.tags.map((name) => feedsOf(name, { kind: 'tag', name })),
    },
    {
      text: l.authorFeeds,
      listings: names.authors.map((name) => feedsOf(name, { kind: 'author', name })),
    },
  ]
}

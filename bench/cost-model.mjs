#!/usr/bin/env node
// The cost model: what a day of traffic costs in Worker runs, KV operations and purge
// requests, before Workers Cache and the write coordinator (the Cache API design with its
// content version) and after. Computed from each design's rules, stated with each function,
// so that a change to a rule changes the table. `node bench/cost-model.mjs` prints it, and so
// does `npm run bench`. KV bills a bulk get per key read.

/** The site the issue describes, and the assumptions the numbers rest on. */
export const SITE = {
  pollsPerDay: 10_000_000,
  locations: 300,
  publishesPerDay: 500,
  tags: 50,
  tagsPerArticle: 2,
  /** Authors an article credits: each has its listing, feeds and page, like a tag. */
  authorsPerArticle: 1,
  /** Spellings per tag a reader may poll (經開區 and 经开区 are two URLs of one listing). */
  spellings: 2,
  /** Items per page (PAGE_SIZE): the keys one render reads in its bulk get. */
  pageSize: 20,
  /**
   * URLs polled: the site's three feeds and each tag spelling's three, in the original and
   * both scripts. Polls spread over them evenly, which is kind to the old design (a popular
   * URL is polled far more often, and would be rendered again as often).
   */
  get polledUrls() {
    return (3 + 3 * this.tags * this.spellings) * 3
  },
  /** Workers Cache tiers: each purged URL is rendered once per upper tier it is asked of. */
  upperTiers: 1,
}

const DAY = 86_400
/** One render of a listing or feed page: one list() and a bulk get of the page. */
const render = (site) => ({ reads: site.pageSize, lists: 1 })

/**
 * Before: every request ran the Worker. It read the version memo from the location's Cache
 * API and, every 30 s per location, `meta:version` from KV. A change made every cached copy
 * in every location unreachable, so each location rendered a polled URL again at its first
 * poll after each change (a URL polled less often than the site changes is rendered at
 * every poll). A publish read the id's article and tombstone, wrote the article, its index
 * keys and `meta:version` (at most once a second), and pinged hubs itself.
 */
export function before(site = SITE) {
  const pollsPerLocationUrl = site.pollsPerDay / site.locations / site.polledUrls
  const renders =
    site.locations * site.polledUrls * Math.min(site.publishesPerDay, pollsPerLocationUrl)
  const r = render(site)
  return {
    workerRuns: site.pollsPerDay + site.publishesPerDay,
    durableObjectRequests: 0,
    kvReads: renders * r.reads + site.locations * (DAY / 30) + site.publishesPerDay * 3,
    kvLists: renders * r.lists,
    kvWrites: site.publishesPerDay * (1 + 1 + site.tagsPerArticle + 1),
    purgeRequests: 0,
  }
}

/**
 * After: Workers Cache answers repeats without running the Worker. A publish changes the
 * site's feeds and its tags' (every spelling, format and script), its own page, the home
 * page and the sitemap; each is purged twice (at once, and after KV's window) and rendered
 * once per upper tier at its next request. The write is one Worker run and one Durable
 * Object request; the coordinator reads nothing from KV, writes the article, its card and its
 * index keys, then, with its first purge, when each listing it changed (the site's, each tag's
 * and author's) and the sitemap last changed (and the list of tags when a tag is new: 1 publish in 10,
 * say), and wakes its alarm
 * about twice to send the two purges (one request each while the budget lasts: 500
 * publishes spread over a day never run it low).
 */
export function after(site = SITE) {
  const listings = site.tagsPerArticle + site.authorsPerArticle
  const feedsTouched = 3 * 3 * (1 + site.tagsPerArticle * site.spellings + site.authorsPerArticle)
  const pagesTouched =
    3 /* the article */ +
    3 /* home */ +
    3 * site.authorsPerArticle /* author pages */ +
    3 /* the sitemap index, its part, the news sitemap */
  const passes = 2
  const renders = site.publishesPerDay * (feedsTouched + pagesTouched) * passes * site.upperTiers
  const r = render(site)
  return {
    workerRuns: renders + site.publishesPerDay * (1 + passes) /* the write; each purge's RPC */,
    durableObjectRequests: site.publishesPerDay * (1 + passes) /* the write; its alarms */,
    kvReads: renders * r.reads + site.publishesPerDay /* the publisher's token */,
    kvLists: renders * r.lists,
    kvWrites:
      site.publishesPerDay * (1 /* article */ + 1 /* card */ + 1 + listings) /* index */ +
      site.publishesPerDay * (1 + listings + 1) /* changed: listings, sitemap */ +
      site.publishesPerDay / 10 /* meta:tags or meta:authors when one is new */,
    purgeRequests: site.publishesPerDay * passes,
  }
}

/** The table docs/benchmark.md shows. */
export function costTable(site = SITE) {
  const b = before(site)
  const a = after(site)
  const rows = [
    ['Worker runs (CPU billed)', 'workerRuns'],
    ['Durable Object requests', 'durableObjectRequests'],
    ['KV reads (per key)', 'kvReads'],
    ['KV lists', 'kvLists'],
    ['KV writes', 'kvWrites'],
    ['purge requests', 'purgeRequests'],
  ]
  const fmt = (n) => Math.round(n).toLocaleString('en-US')
  return [
    `| a day: ${fmt(site.pollsPerDay)} polls from ${site.locations} locations, ${site.publishesPerDay} publishes over ${site.tags} tags | before | after |`,
    '| --- | ---: | ---: |',
    ...rows.map(([label, key]) => `| ${label} | ${fmt(b[key])} | ${fmt(a[key])} |`),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(costTable())

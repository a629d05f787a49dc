/**
 * One step of an import: read the next batch of the archive from where the job stands (a
 * page of a feed, or a range of an export) and make each item an article, ready for the
 * coordinator. Nothing here writes: the coordinator writes the batch and the new position in
 * one transaction.
 */
import type { BatchItem, ImportBatch } from '../desk/import-desk'
import { nextPage, visit } from './archive-walk'
import { readFeedPage } from './feed-page'
import { fetchPage } from './fetch'
import type { ImportItem, ItemResult, Refused } from './item'
import type { ImportJob, ImportPosition } from './job'
import { r2Source } from './r2-source'
import { makeArticle, redirectPath, type ImportContext } from './to-article'
import { toMillis } from '../time'
import { readWxr, type LateLead } from './wxr'
import type { MediaSite } from '../media/links'
import { planRehost } from '../media/rehost'

/** Items per step: a batch the coordinator writes in one transaction. */
export const BATCH_ITEMS = 100

/** What reading a step needs from the Worker. */
export interface StepContext extends Omit<ImportContext, 'tags'> {
  allowHosts: Set<string>
  agent: string
  bucket: R2Bucket
  /** Where this site's files are: images elsewhere are the ones to copy. */
  site: MediaSite
  /** Of these guids, those imported already. */
  known: (guids: string[]) => Promise<string[]>
}

/** Thrown for an archive that cannot be read at all (gone from R2): not worth retrying. */
export class SourceGone extends Error {
  override readonly name = 'SourceGone'
}

interface Read {
  results: ItemResult[]
  /** Featured images read after their posts (an export's). */
  leads?: LateLead[]
  position: ImportPosition
  finished: boolean
  end?: 'complete' | 'loop'
}

async function readFeedStep(
  position: Extract<ImportPosition, { kind: 'feed' }>,
  ctx: StepContext,
): Promise<Read> {
  const fetched = await fetchPage(position.url, ctx)
  const page = readFeedPage(fetched.text, fetched.url)
  const results = page.results.slice(position.index, position.index + BATCH_ITEMS)
  if (position.index + BATCH_ITEMS < page.results.length) {
    return {
      results,
      position: { ...position, index: position.index + BATCH_ITEMS },
      finished: false,
    }
  }
  const walk = visit({ visited: position.visited }, position.url)
  const next = nextPage(walk, page.links)
  if ('url' in next && !('done' in next)) {
    return {
      results,
      position: {
        kind: 'feed',
        url: next.url,
        index: 0,
        visited: walk.visited,
        pages: position.pages + 1,
      },
      finished: false,
    }
  }
  const done = next as { done: 'complete' | 'loop' }
  return {
    results,
    position: {
      ...position,
      visited: walk.visited,
      pages: position.pages + 1,
      index: page.results.length,
    },
    finished: true,
    end: done.done,
  }
}

async function readWxrStep(
  position: Extract<ImportPosition, { kind: 'wxr' }>,
  ctx: StepContext,
): Promise<Read> {
  const source = await r2Source(ctx.bucket, position.key)
  if (!source) throw new SourceGone(`The uploaded export ${position.key} is no longer stored.`)
  const batch = await readWxr(source, position.cursor, BATCH_ITEMS)
  return {
    results: batch.results,
    leads: batch.leads,
    position: { ...position, size: source.size, cursor: batch.cursor },
    finished: batch.cursor.done,
    ...(batch.cursor.done ? { end: 'complete' as const } : {}),
  }
}

/** Whether an item's date is outside the import's since/until. */
function outside(item: ImportItem, job: ImportJob): boolean {
  const { since, until } = job.request
  if (!since && !until) return false
  if (!item.published) return true
  const ms = toMillis(item.published)
  return (
    (since !== undefined && ms < Date.parse(since)) ||
    (until !== undefined && ms >= Date.parse(until))
  )
}

/** Reads the job's next step into a batch for the coordinator. */
export async function readStep(job: ImportJob, ctx: StepContext): Promise<ImportBatch> {
  const read =
    job.position.kind === 'feed'
      ? await readFeedStep(job.position, ctx)
      : await readWxrStep(job.position, ctx)
  const refused: Refused[] = []
  const items: BatchItem[] = []
  let skipped = 0
  // A featured image read later in this batch is the item's own; one for an earlier batch's
  // post goes to the coordinator, which sets it on the article written then.
  const leads = new Map((read.leads ?? []).map((l) => [l.guid, l.image]))
  const found = read.results.flatMap((r) => (r.ok ? [r.item] : []))
  const known = new Set(await ctx.known(found.map((i) => i.guid)))
  for (const result of read.results) {
    if (!result.ok) {
      refused.push(result.refused)
      continue
    }
    const lead = leads.get(result.item.guid)
    const item = lead && !result.item.image ? { ...result.item, image: lead } : result.item
    if (known.has(item.guid) || outside(item, job)) {
      skipped++
      continue
    }
    leads.delete(item.guid)
    const made = await makeArticle(item, { ...ctx, tags: job.request.tags })
    if (!made.ok) {
      refused.push(made.refused)
      continue
    }
    if (job.request.rehostImages) {
      planRehost(made.draft, { ...ctx.site, baseUrl: job.request.baseUrl ?? ctx.site.baseUrl })
    }
    const redirect = redirectPath(item.link)
    items.push({
      guid: item.guid,
      id: made.id,
      draft: made.draft,
      ...(redirect ? { redirect } : {}),
    })
  }
  return {
    job: job.id,
    step: job.step + 1,
    position: read.position,
    finished: read.finished,
    ...(read.end ? { end: read.end } : {}),
    found: read.results.length,
    items,
    ...(leads.size ? { leads: [...leads].map(([guid, image]) => ({ guid, image })) } : {}),
    skipped,
    refused,
  }
}

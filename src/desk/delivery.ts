/**
 * What a write set in motion, as the coordinator decided it, for the writer to see: which
 * cache tags are purged and when, which feeds WebSub hubs hear about and when, and by when
 * every reader sees the change (or, for a scheduled article, when it is released). The write
 * answer carries it as `delivery`; the desk shows it, then asks how far it has gone.
 */
import { z } from 'zod'
import { timestampIn } from '../time'

export const Delivery = z.object({
  purge: z
    .object({
      tags: z.array(z.string()).describe('The Cache-Tags purged (docs/caching.md)'),
      first: z.iso.datetime().describe('The first pass: at once, within the purge budget'),
      second: z.iso
        .datetime()
        .describe("The second pass, once KV's propagation window (KV_PROPAGATION_SECONDS) is over"),
    })
    .nullable()
    .describe('Nothing to purge while the change is not public (a scheduled article)'),
  websub: z
    .object({
      hubs: z.array(z.string()).describe('The hubs told (WEBSUB_HUBS)'),
      feeds: z.array(z.string()).describe('The feeds they are told changed'),
      after: z.iso.datetime().describe('Queued once the second purge is done, not before'),
    })
    .nullable()
    .describe('No pings: no hubs are configured, or no feed changed yet'),
  readers: z
    .object({
      max_age: z
        .number()
        .int()
        .describe("Seconds readers' browsers and feed readers may keep a page (CACHE_MAX_AGE)"),
      by: z.iso
        .datetime()
        .describe('By then every reader sees the change: the second purge plus max_age'),
    })
    .nullable()
    .describe('null for a draft: readers see nothing of it'),
  release: z
    .object({
      at: z.string().describe("The release time, in the site's time zone with its offset"),
      time_zone: z.string().describe('SITE_TIMEZONE'),
    })
    .optional()
    .describe('A scheduled article: readers see nothing of it until then'),
})

export type Delivery = z.infer<typeof Delivery>

/** What a committed change recorded, and the site's settings that time it. */
export interface DeliveryPlan {
  tags: string[]
  feeds: string[]
  hubs: string[]
  /** When the change was committed. */
  now: number
  /** When the second purge pass of a change made now is due. */
  secondPass: number
  /** A scheduled article's release, and when its own second purge will be due. */
  release?: { at: number; secondPass: number }
  /** A draft: readers see nothing of it, ever, until it is published. */
  draft?: boolean
  maxAgeSeconds: number
  timeZone: string
}

const iso = (ms: number) => new Date(ms).toISOString()

/** The `delivery` of a write answer. */
export function delivery(plan: DeliveryPlan): Delivery {
  const { tags, feeds, hubs, now, secondPass, release, maxAgeSeconds, timeZone, draft } = plan
  const visible = release ? release.secondPass : secondPass
  return {
    purge: tags.length ? { tags, first: iso(now), second: iso(secondPass) } : null,
    websub: feeds.length && hubs.length ? { hubs, feeds, after: iso(secondPass) } : null,
    readers: draft ? null : { max_age: maxAgeSeconds, by: iso(visible + maxAgeSeconds * 1000) },
    ...(release ? { release: { at: timestampIn(release.at, timeZone), time_zone: timeZone } } : {}),
  }
}

/** How far a write's delivery has gone, as the coordinator's queues say now. */
export const DeliveryProgress = z.object({
  first_purge: z.enum(['sent', 'waiting']),
  second_purge: z.enum(['sent', 'waiting']),
  websub: z.enum(['queued', 'waiting']).nullable().describe('null: no pings to send'),
})

export type DeliveryProgress = z.infer<typeof DeliveryProgress>

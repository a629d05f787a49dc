/** The body of `POST /api/imports` (docs/migration.md), validated at the API's edge. */
import { z } from 'zod'
import { LIMITS } from '../articles/limits'
import { isHttpUrl } from '../urls'
import { fromRfc3339 } from '../imports/dates'

const url = z.string().max(2048).refine(isHttpUrl, { message: 'must be an absolute http(s) URL' })
const date = z
  .string()
  .refine((s) => fromRfc3339(s) !== undefined, 'must be an RFC 3339 date-time with an offset')

export const ImportInput = z
  .strictObject({
    source: url.optional().describe('A feed (RSS 2.0, Atom or JSON Feed): its archive is followed'),
    wxr: url
      .optional()
      .describe(
        'A WordPress export uploaded through /api/media: its URL on this site (/media/{sha256})',
      ),
    dry_run: z.boolean().default(false).describe('Report what would be imported; write nothing'),
    tags: z
      .array(z.string().trim().min(1, 'must not be empty').max(LIMITS.tagChars))
      .max(5)
      .default([])
      .describe("Added to every imported article's own"),
    publisher: z
      .string()
      .min(1)
      .optional()
      .describe('The publisher credited (the admin may name any; a publisher only itself)'),
    rehost_images: z
      .boolean()
      .default(false)
      .describe(
        "Copy the images the articles show from other hosts into R2 (the writes' rehost_images)",
      ),
    since: date.optional().describe('Import only items published at or after this instant'),
    until: date.optional().describe('Import only items published before this instant'),
  })
  .superRefine((input, ctx) => {
    if ((input.source === undefined) === (input.wxr === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [input.source === undefined ? 'source' : 'wxr'],
        message:
          'give either source (a feed URL) or wxr (an uploaded WordPress export), one of them',
      })
    }
    if (input.since && input.until && Date.parse(input.since) >= Date.parse(input.until)) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'must be later than since' })
    }
  })

export type ImportInput = z.infer<typeof ImportInput>

const Counts = z.object({
  found: z.number().int().describe('Items read from the archive'),
  imported: z.number().int().describe('Written (on a dry run: would be written)'),
  skipped: z.number().int().describe('Already here (the same guid), or outside since/until'),
  refused: z.number().int().describe('Listed in refused, each with its reason'),
  images: z
    .number()
    .int()
    .optional()
    .describe(
      'With rehost_images: images from other hosts queued to be copied (dry run: would be)',
    ),
})

/** An import as `GET /api/imports/{id}` shows it. */
export const ImportOutput = z.object({
  id: z.string(),
  state: z.enum(['queued', 'running', 'paused', 'done', 'failed', 'cancelled']),
  source: z.string().optional(),
  wxr: z.string().optional(),
  dry_run: z.boolean(),
  rehost_images: z.boolean().optional(),
  tags: z.array(z.string()),
  publisher: z.string(),
  since: z.string().optional(),
  until: z.string().optional(),
  counts: Counts,
  refused: z
    .array(
      z.object({
        guid: z.string().optional(),
        link: z.string().optional(),
        title: z.string().optional(),
        reason: z.string(),
      }),
    )
    .describe('The first 1,000 refused items, in the order met'),
  position: z
    .object({
      page: z.string().optional().describe('The feed page read next (or last, when done)'),
      pages_read: z.number().int().optional(),
      byte_offset: z.number().int().optional().describe('Of an export: the byte read next'),
      bytes_total: z.number().int().optional(),
    })
    .describe('Where the walk through the archive stands'),
  end: z
    .enum(['complete', 'loop'])
    .optional()
    .describe('complete: no link was left; loop: a link led back to a page already read'),
  created: z.string(),
  started: z.string().optional(),
  estimated_end: z
    .string()
    .optional()
    .describe(
      'For an export, from the bytes read so far; a feed does not say how long its archive is',
    ),
  finished: z.string().optional(),
  error: z.string().optional().describe('Why the last run failed; resume to go on'),
})

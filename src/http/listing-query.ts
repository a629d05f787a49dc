/** `GET /api/articles`'s filters: one state, words of the title, the caller's own articles. */
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { TITLE_QUERY_MAX } from '../articles/title-search'
import type { ListQuery } from '../desk/protocol'
import { parseValid } from './validate'

export const ListingQuery = z.object({
  state: z
    .enum(['published', 'scheduled', 'draft', 'deleted'], {
      error: 'must be published, scheduled, draft or deleted',
    })
    .optional()
    .describe(
      'Only articles in this state; without it, every state but deleted. deleted lists tombstones while they last',
    ),
  q: z
    .string()
    .trim()
    .max(TITLE_QUERY_MAX)
    .optional()
    .describe(
      'Words every listed title holds, whatever their case, width or Chinese script (經濟 finds 经济)',
    ),
  mine: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .describe('true: only the articles of the token that asks'),
})

/** The listing's filters from the query string, or 400 naming the parameter. */
export function listingQuery(c: Context<AppEnv>): ListQuery {
  const { state, q, mine } = parseValid(ListingQuery, {
    state: c.req.query('state') || undefined,
    q: c.req.query('q') || undefined,
    mine: c.req.query('mine') || undefined,
  })
  return {
    ...(state ? { state } : {}),
    ...(q ? { q: q.normalize('NFC') } : {}),
    ...(mine === 'true' ? { mine: true } : {}),
  }
}

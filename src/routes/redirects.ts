import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { articleTag } from '../edge/tags'
import { readRedirect } from '../store/redirects'
import { articlePath } from '../urls'

/**
 * An imported article's old permalink (docs/migration.md): `301` to the article, tagged with
 * it so that deleting the article purges the redirect too; undefined when the path is none.
 */
export async function oldPermalink(c: Context<AppEnv>): Promise<Response | undefined> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined
  const id = await readRedirect(c.env.ARTICLES, new URL(c.req.url).pathname)
  if (id === undefined) return undefined
  c.set('cacheTags', [articleTag(id)])
  return c.redirect(c.var.baseUrl + articlePath(id), 301)
}

import { REDIRECT_PATH_MAX_BYTES, redirectKey } from './keys'

/**
 * The article an old permalink's path leads to (an imported article's link on the site it
 * came from), with or without its trailing slash; undefined when none does.
 */
export async function readRedirect(kv: KVNamespace, path: string): Promise<string | undefined> {
  // A path longer than any kept names no redirect (and would be no KV key).
  if (new TextEncoder().encode(path).length > REDIRECT_PATH_MAX_BYTES) return undefined
  const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`
  const found = await kv.get([redirectKey(path), ...(other ? [redirectKey(other)] : [])])
  return found.get(redirectKey(path)) ?? (other ? found.get(redirectKey(other)) : null) ?? undefined
}

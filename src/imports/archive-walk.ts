/**
 * Which page of an archive to read next. RFC 5005 archived feeds link each document to the
 * archive before it (`prev-archive`); paged feeds link to the next page (`rel="next"`, JSON
 * Feed's `next_url`). The walk follows the first link it has not read yet, and stops when
 * none is left or a link leads back to a page already read (a loop), saying so.
 */
import type { ArchiveLinks } from './item'

/** Pages read, by URL without its fragment. */
export interface Walk {
  visited: string[]
}

export type NextPage = { url: string } | { done: 'complete' | 'loop'; url?: string }

const normal = (url: string) => {
  const u = new URL(url)
  u.hash = ''
  return u.href
}

/** Records that `url` was read. */
export function visit(walk: Walk, url: string): Walk {
  return { visited: [...walk.visited, normal(url)] }
}

/** The page after one whose links are `links`. */
export function nextPage(walk: Walk, links: ArchiveLinks): NextPage {
  const candidates = [links.prevArchive, links.next].filter((u): u is string => u !== undefined)
  if (candidates.length === 0) return { done: 'complete' }
  const fresh = candidates.find((u) => !walk.visited.includes(normal(u)))
  return fresh ? { url: fresh } : { done: 'loop', url: candidates[0] }
}

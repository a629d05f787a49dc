/**
 * Every KV key string the service uses is built here and nowhere else.
 *
 * | key                             | value         | metadata               |
 * | ------------------------------- | ------------- | ---------------------- |
 * | `article:{id}`                  | Article JSON  | `{published, updated}` |
 * | `index:all:{rev}:{id}`          | empty         | IndexMeta              |
 * | `index:tag:{fold}:{rev}:{id}`   | empty         | IndexMeta, with `tags` |
 * | `meta:version`                  | ContentVersion|                        |
 *
 * `{rev}` is a fixed-width reverse timestamp of `published`, so `list()`, which returns keys
 * in byte order, returns the newest article first; articles published in the same second
 * follow in id order, which keeps paging stable. `{fold}` is the tag folded (`foldTag`) for
 * case and Traditional/Simplified characters, so one key serves 經開區 and 经开区.
 */
import { foldTag } from '../articles/tags'

const REV_WIDTH = 13
const REV_MAX = 10 ** REV_WIDTH - 1

/** Reverse-time sort key: newer instants give smaller strings. */
export function revOf(ms: number): string {
  return String(REV_MAX - Math.floor(ms / 1000) * 1000).padStart(REV_WIDTH, '0')
}

export function articleKey(id: string): string {
  return `article:${id}`
}

/**
 * A tag inside a key: folded (one key for every spelling that folds alike), with `%` and `:`
 * escaped so one tag can never prefix another.
 */
function tagSegment(tag: string): string {
  return foldTag(tag).replace(/%/g, '%25').replace(/:/g, '%3A')
}

/** The prefix under which one listing's index keys sort newest first: all articles, or one tag's. */
export function indexPrefix(tag?: string): string {
  return tag === undefined ? 'index:all:' : `${TAG_INDEX_PREFIX}${tagSegment(tag)}:`
}

/** Where every tag's index keys start. */
export const TAG_INDEX_PREFIX = 'index:tag:'

export function indexKey(publishedMs: number, id: string, tag?: string): string {
  return `${indexPrefix(tag)}${revOf(publishedMs)}:${id}`
}

/** The article id at the end of an index key. */
export function idFromIndexKey(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1)
}

export const VERSION_KEY = 'meta:version'

/** A publisher, stored under the SHA-256 of its token (hex): the token itself is never kept. */
export function publisherKey(tokenHash: string): string {
  return `publisher:${tokenHash}`
}

export const PUBLISHER_PREFIX = 'publisher:'

/** A deleted article, kept (with its content, for undelete) until the key expires. */
export function tombstoneKey(id: string): string {
  return `tombstone:${id}`
}

/** Where deletions are listed newest first, site-wide or per tag, for Atom's deleted-entry. */
export function deletedPrefix(tag?: string): string {
  return tag === undefined ? 'deleted:all:' : `deleted:tag:${tagSegment(tag)}:`
}

export function deletedKey(deletedMs: number, id: string, tag?: string): string {
  return `${deletedPrefix(tag)}${revOf(deletedMs)}:${id}`
}

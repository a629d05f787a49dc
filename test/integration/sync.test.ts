/**
 * KV has no transactions: the coordinator's sync of one id must leave nothing orphaned when
 * KV fails half-way, and finish the job when run again.
 */
import { env } from 'cloudflare:workers'
import { reset, runInDurableObject } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import type { Article } from '../../src/articles/model'
import { Records, type ArticleRecord } from '../../src/desk/records'
import { syncRecord } from '../../src/desk/kv-sync'
import { liveEntries } from '../../src/store/layout'
import { toMillis, type Timestamp } from '../../src/time'
import { desk, kvSnapshot } from '../helpers'

afterEach(() => reset())

function article(published: string, tags: string[]): Article {
  return {
    id: 'half',
    title: 'Half',
    summary: 'x',
    content_html: '<p>x</p>',
    authors: [],
    published: published as Timestamp,
    updated: published as Timestamp,
    tags,
    language: 'en',
    publisher: 'admin',
  }
}

function record(a: Article, revision: number, previous?: ArticleRecord): ArticleRecord {
  return {
    id: a.id,
    state: 'live',
    owner: 'admin',
    article: a,
    publishedMs: toMillis(a.published),
    revision,
    kvKeys: previous?.kvKeys ?? [],
    kvRevision: previous?.kvRevision ?? 0,
    changedMs: 0,
  }
}

/** The real namespace, refusing its `n`-th put from now on. */
function failingAt(n: number): KVNamespace {
  let puts = 0
  return new Proxy(env.ARTICLES, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as (...args: unknown[]) => unknown
      if (prop !== 'put') return typeof value === 'function' ? value.bind(target) : value
      return (...args: unknown[]) => {
        if (++puts === n) return Promise.reject(new Error('KV PUT failed: 503 Service Unavailable'))
        return value.apply(target, args)
      }
    },
  })
}

const kvKeys = async () => Object.keys(await kvSnapshot()).sort()

describe('syncing one id to KV', () => {
  it('names every key that may exist when KV fails half-way, and finishes when run again', async () => {
    await runInDurableObject(desk(), async (_, state) => {
      const records = new Records(state.storage.sql)
      const first = record(article('2024-01-01T00:00:00Z', ['a', 'b']), 1)
      records.save(first)
      await syncRecord(env.ARTICLES, records, first, Date.now())
      const moved = record(article('2024-06-01T00:00:00Z', ['c']), 2, records.get('half'))
      records.save(moved)
      await expect(syncRecord(failingAt(2), records, moved, Date.now())).rejects.toThrow('503')
      // Whatever KV holds now, the record names it, old keys and new.
      const named = new Set(records.get('half')!.kvKeys)
      for (const key of await kvKeys()) expect(named.has(key), key).toBe(true)
      expect(records.get('half')!.kvRevision).toBe(1)
      await syncRecord(env.ARTICLES, records, records.get('half')!, Date.now())
      expect(await kvKeys()).toEqual(
        liveEntries(moved.article, 0)
          .map((p) => p.key)
          .sort(),
      )
      expect(records.get('half')!.kvRevision).toBe(2)
      expect(records.unsynced()).toEqual([])
    })
  })
})

/**
 * WebSub pings: held until their feed's second purge, one per topic and slot, then delivered
 * by a queue consumer that retries with backoff and hands what never got through to a
 * dead-letter queue, whose consumer logs it.
 */
import { env } from 'cloudflare:workers'
import {
  createExecutionContext,
  createMessageBatch,
  getQueueResult,
  reset,
  runInDurableObject,
} from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import Site from '../../src/index'
import { Pings } from '../../src/desk/pings'
import {
  DEAD_LETTER_QUEUE,
  deliverPings,
  ping,
  pingsFor,
  retryDelay,
  TOPICS_PER_PING,
  type HubPing,
} from '../../src/fanout/websub'
import { Purges } from '../../src/desk/purges'
import { Settings } from '../../src/desk/settings'
import { desk, SITE } from '../helpers'

afterEach(async () => {
  vi.restoreAllMocks()
  await reset()
})

const message = (id: string, attempts: number, hub = 'http://hub.test/down') => ({
  id,
  timestamp: new Date(),
  attempts,
  body: { kind: 'websub', hub, topics: [`${SITE}/feed.xml`, `${SITE}/atom.xml`] } satisfies HubPing,
})

describe('the ping queue', () => {
  it('acks a ping the hub took, and retries one it refused, waiting longer each time', async () => {
    const batch = createMessageBatch<HubPing>('edgefeed-hub-pings', [
      message('a', 1),
      message('b', 3),
      message('ok', 1, 'http://hub.test/websub'),
    ])
    const delays = batch.messages.map((m) => vi.spyOn(m, 'retry'))
    const ctx = createExecutionContext()
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await new Site(ctx, env).queue(batch)
    const result = await getQueueResult(batch, ctx)
    expect(result.explicitAcks).toEqual(['ok'])
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(['a', 'b'])
    expect(delays.map((d) => d.mock.calls[0]?.[0])).toEqual([
      { delaySeconds: 30 },
      { delaySeconds: 120 },
      undefined,
    ])
    expect(retryDelay(20, 30)).toBe(3600)
    // One line per refused request, however many topics it named.
    expect(warnings.mock.calls.map((c) => JSON.parse(c[0] as string))).toEqual([
      { websub: { hub: 'http://hub.test/down', topics: 2, attempt: 1, status: 503 } },
      { websub: { hub: 'http://hub.test/down', topics: 2, attempt: 3, status: 503 } },
    ])
  })

  it('logs what reaches the dead-letter queue, so nothing is dropped silently', async () => {
    const batch = createMessageBatch<HubPing>(DEAD_LETTER_QUEUE, [message('z', 7)])
    const ctx = createExecutionContext()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    await new Site(ctx, env).queue(batch)
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['z'])
    expect(JSON.parse(errors.mock.calls[0]![0] as string)).toEqual({
      websub_undelivered: {
        hub: 'http://hub.test/down',
        topics: [`${SITE}/feed.xml`, `${SITE}/atom.xml`],
      },
    })
  })
})

const topics = (n: number) => Array.from({ length: n }, (_, i) => `${SITE}/tags/t${i}/feed.xml`)

describe('a ping', () => {
  it('tells each hub of every topic, a hundred topics to a request', () => {
    const messages = pingsFor(['http://hub.test/a', 'http://hub.test/b'], topics(369))
    expect(messages.map((m) => [m.hub, m.topics.length])).toEqual([
      ['http://hub.test/a', 100],
      ['http://hub.test/a', 100],
      ['http://hub.test/a', 100],
      ['http://hub.test/a', 69],
      ['http://hub.test/b', 100],
      ['http://hub.test/b', 100],
      ['http://hub.test/b', 100],
      ['http://hub.test/b', 69],
    ])
    expect(new Set(messages.flatMap((m) => m.topics)).size).toBe(369)
    expect(TOPICS_PER_PING).toBe(100)
  })

  it('gives up on a hub that takes the connection and never answers', async () => {
    const failure = await ping(
      { kind: 'websub', hub: 'http://hub.test/hang', topics: topics(1) },
      100,
    )
    expect(failure).toMatchObject({ error: expect.stringMatching(/timeout|abort/i) })
  })

  it('never follows a redirect to another host: it is a failure, retried', async () => {
    const failure = await ping({
      kind: 'websub',
      hub: 'http://hub.test/redirect',
      topics: topics(2),
    })
    // Followed, the ping would have reached elsewhere.test, which answers 502.
    expect(failure).toEqual({ status: 307, location: 'http://elsewhere.test:8080/websub' })
  })

  it('is never held up by a slow hub', async () => {
    const events: string[] = []
    const message = (hub: string) => ({
      id: hub,
      timestamp: new Date(),
      attempts: 1,
      body: { kind: 'websub', hub, topics: topics(1) } satisfies HubPing,
      ack: () => events.push(`ack ${hub}`),
      retry: () => events.push(`retry ${hub}`),
    })
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    await deliverPings([message('http://hub.test/hang'), message('http://hub.test/ok')], 30, 200)
    // The quick hub's message was acknowledged before the hanging one's timeout fired.
    expect(events).toEqual(['ack http://hub.test/ok', 'retry http://hub.test/hang'])
  })
})

describe('pings waiting for their purge', () => {
  it('are ready once their tag is purged for the second time, one per topic and slot', async () => {
    await runInDurableObject(desk(), (_, state) => {
      const sql = state.storage.sql
      const purges = new Purges(sql, new Settings(sql))
      const pings = new Pings(sql)
      const t = Date.parse('2026-12-01T10:00:00Z')
      purges.schedule(['all'], t, 90_000)
      const due = purges.secondPassDue(t, 90_000)
      const topic = { topic: `${SITE}/feed.xml`, tag: 'all' }
      pings.schedule([topic, topic], due)
      pings.schedule([topic], due) // another write in the same slot
      expect(pings.ready(due)).toEqual([]) // both purges of `all` are still to send
      sql.exec("DELETE FROM purges WHERE tag = 'all'")
      expect(pings.ready(due - 1)).toEqual([]) // not due yet
      expect(pings.ready(due)).toEqual([{ topic: topic.topic, due }])
    })
  })
})

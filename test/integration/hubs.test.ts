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
import { DEAD_LETTER_QUEUE, retryDelay, type HubPing } from '../../src/fanout/websub'
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
  body: { hub, topic: `${SITE}/feed.xml` } satisfies HubPing,
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
    expect(JSON.parse(warnings.mock.calls[0]![0] as string)).toMatchObject({
      websub: { hub: 'http://hub.test/down', status: 503 },
    })
  })

  it('logs what reaches the dead-letter queue, so nothing is dropped silently', async () => {
    const batch = createMessageBatch<HubPing>(DEAD_LETTER_QUEUE, [message('z', 7)])
    const ctx = createExecutionContext()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    await new Site(ctx, env).queue(batch)
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['z'])
    expect(JSON.parse(errors.mock.calls[0]![0] as string)).toEqual({
      websub_undelivered: { hub: 'http://hub.test/down', topic: `${SITE}/feed.xml` },
    })
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

/**
 * Purging within Workers Cache's limits (5 requests a minute, a burst of 25, 100 tags each),
 * against the model of Workers Cache, with the clock in the test's hands.
 */
import { reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { edge } from '../support/edge'
import { onPurgeLine } from '../support/purge-log'
import { client, desk } from '../helpers'
import { setTestClock } from '../support/clock'

afterEach(async () => {
  await reset()
})

/** Runs the coordinator's alarm while it has a purge to send now, as the runtime would. */
async function runDue(): Promise<void> {
  for (let i = 0; i < 10 && (await desk().status()).purge_due_now; i++) {
    if (!(await runDurableObjectAlarm(desk()))) await runInDurableObject(desk(), (d) => d.alarm())
  }
}

describe('purge batching', () => {
  it('keeps 100 publishes in a minute within the limits, and purges every change twice', async () => {
    const start = Date.parse('2036-12-01T10:00:00Z')
    setTestClock(start)
    const e = edge()
    const sent: { at: number; tags: string[] }[] = []
    const stop = onPurgeLine((line) => sent.push({ at: Date.now(), tags: line.purge.tags ?? [] }))
    const written: number[] = []
    try {
      const c = client()
      for (let i = 0; i < 100; i++) {
        setTestClock(start + i * 600)
        const res = await c.post({
          id: `p${i}`,
          title: `第${i}則`,
          content_text: 'x',
          tags: [`t${i % 5}`],
        })
        expect(res.status).toBe(201)
        written.push(Date.now())
        await runDue()
      }
      for (let t = start + 60_000; t <= start + 300_000; t += 1000) {
        setTestClock(t)
        await runDue()
      }
    } finally {
      stop()
      e.stop()
    }
    expect(e.cache.refused).toBe(0)
    expect(sent.every((s) => s.tags.length <= 100)).toBe(true)
    const purgedAt = (tag: string) => sent.filter((s) => s.tags.includes(tag)).map((s) => s.at)
    for (let i = 0; i < 100; i++) {
      const times = purgedAt(`a:p${i}`)
      expect(
        times.some((t) => t >= written[i]!),
        `first purge of p${i}`,
      ).toBe(true)
      expect(
        times.some((t) => t >= written[i]! + 90_000),
        `second purge of p${i}`,
      ).toBe(true)
    }
    // The burst's last change is purged within seconds of its end.
    expect(Math.min(...purgedAt('a:p99')) - written[99]!).toBeLessThanOrEqual(15_000)
    // `all` changed with every publish: purged far fewer times than that.
    expect(purgedAt('all').length).toBeLessThan(40)
  })
})

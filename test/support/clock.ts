/**
 * The integration tests' clock. Only `Date` is faked, so the Worker and its coordinator (which
 * run in the tests' isolate) read the time the test sets, and nothing moves it but the test.
 *
 * It starts at TEST_EPOCH, years ahead of the real clock, because workerd fires a Durable
 * Object's alarm by the real clock: an alarm set for a time the real clock has passed would
 * run on its own, at a moment no test chose, racing the test that runs it. Set ahead, every
 * alarm waits for the test to run it (`settleDesk`, `runDurableObjectAlarm`).
 */
import { vi } from 'vitest'

export const TEST_EPOCH = Date.parse('2036-01-01T00:00:00Z')

/** Puts the test clock at TEST_EPOCH: each test file and each test starts there. */
export function useTestClock(): void {
  if (TEST_EPOCH <= vi.getRealSystemTime()) {
    throw new RangeError('the real clock has passed TEST_EPOCH: move it years ahead again')
  }
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(TEST_EPOCH)
}

/** Moves the test clock to `at`; it never goes back, nor behind the real clock. */
export function setTestClock(at: number): void {
  if (!vi.isFakeTimers()) throw new Error('the test clock is not in use')
  if (at < Date.now()) {
    throw new RangeError(`the test clock does not go back (to ${new Date(at).toISOString()})`)
  }
  vi.setSystemTime(at)
}

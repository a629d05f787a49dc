import { reset } from 'cloudflare:test'
import { beforeAll, beforeEach } from 'vitest'
import { useTestClock } from './support/clock'
import { capturePurgeLines } from './support/purge-log'

capturePurgeLines()
// The test files share one isolate (`isolate: false` in vitest.config.ts): each starts with
// nothing stored, whatever the file before it left.
beforeAll(() => reset())
// From the start, so that a file's beforeAll writes on the test clock too; each test starts
// at the same instant.
useTestClock()
beforeEach(() => useTestClock())

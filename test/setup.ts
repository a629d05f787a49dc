import { beforeEach } from 'vitest'
import { useTestClock } from './support/clock'
import { capturePurgeLines } from './support/purge-log'

capturePurgeLines()
// From the start, so that a file's beforeAll writes on the test clock too; each test starts
// at the same instant.
useTestClock()
beforeEach(() => useTestClock())

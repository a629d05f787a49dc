import { describe, expect, it } from 'vitest'
import {
  parseTimestamp,
  timestampProblem,
  timestampIn,
  toMillis,
  toRfc822,
  zoneOffset,
  type Timestamp,
} from '../../src/time'

describe('parseTimestamp', () => {
  it('keeps the offset a publisher gave', () => {
    expect(parseTimestamp('2022-04-08T10:30:00+08:00', 'UTC')).toBe('2022-04-08T10:30:00+08:00')
    expect(parseTimestamp('2022-04-08T02:30:00Z', 'Asia/Taipei')).toBe('2022-04-08T02:30:00Z')
    expect(parseTimestamp('2022-04-08T10:30:00.123-05:00', 'UTC')).toBe('2022-04-08T10:30:00-05:00')
  })

  it('reads dates without an offset in the given zone', () => {
    expect(parseTimestamp('2022-04-08T10:30:00', 'Asia/Taipei')).toBe('2022-04-08T10:30:00+08:00')
    expect(parseTimestamp('2022-04-08', 'Asia/Taipei')).toBe('2022-04-08T00:00:00+08:00')
    // Daylight saving time: New York is -04:00 in July and -05:00 in January.
    expect(parseTimestamp('2022-07-01T12:00', 'America/New_York')).toBe('2022-07-01T12:00:00-04:00')
    expect(parseTimestamp('2022-01-01T12:00', 'America/New_York')).toBe('2022-01-01T12:00:00-05:00')
  })

  it('refuses what is not a date', () => {
    for (const bad of [
      '',
      'yesterday',
      '2022-02-30',
      '2022-13-01',
      '2022-04-08T25:00:00Z',
      '2022-04-08T10:30:00+25:00',
      '1969-12-31T00:00:00Z',
      '2022-04-08T10:30:00+0800x',
    ]) {
      expect(parseTimestamp(bad, 'UTC'), bad).toBeUndefined()
    }
  })
})

describe('formatting', () => {
  it('writes RFC 822 with the numeric offset', () => {
    expect(toRfc822('2022-04-08T10:30:00+08:00' as Timestamp)).toBe(
      'Fri, 08 Apr 2022 10:30:00 +0800',
    )
    expect(toRfc822('2022-04-08T10:30:00Z' as Timestamp)).toBe('Fri, 08 Apr 2022 10:30:00 +0000')
  })

  it('computes instants from the offset', () => {
    expect(toMillis('2022-04-08T10:30:00+08:00' as Timestamp)).toBe(Date.UTC(2022, 3, 8, 2, 30))
  })

  it('shows now in a zone', () => {
    const ms = Date.UTC(2022, 3, 8, 2, 30, 15, 999)
    expect(timestampIn(ms, 'Asia/Taipei')).toBe('2022-04-08T10:30:15+08:00')
    expect(timestampIn(ms, 'UTC')).toBe('2022-04-08T02:30:15Z')
    expect(zoneOffset('Asia/Kolkata', ms)).toBe(330)
  })
})

describe('timestampProblem', () => {
  it('says why a date is refused: its shape, an impossible date, or the range', () => {
    expect(timestampProblem('2022-04-08T10:30:00+08:00')).toBeUndefined()
    expect(timestampProblem('8 April 2022')).toMatch(/RFC 3339/)
    expect(timestampProblem('2022-02-30')).toMatch(/does not exist|not a date that exists/)
    expect(timestampProblem('1969-12-31T23:59:59Z')).toBe('must be between 1970 and 2199')
    expect(timestampProblem('2200-01-01')).toBe('must be between 1970 and 2199')
    expect(timestampProblem('2022-04-08T10:30:00+25:00')).toMatch(/not a date that exists/)
  })
})

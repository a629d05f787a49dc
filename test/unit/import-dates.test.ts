/** The grammar of dates as pages print them (src/articles/import/dates.ts). */
import { describe, expect, it } from 'vitest'
import { lineTime } from '../../src/articles/import/clock'
import { findDate, isRelativeTime } from '../../src/articles/import/dates'
import { standaloneDate } from '../../src/articles/import/metadata'

const ZONE = 'Asia/Taipei'

describe('news dates', () => {
  it.each([
    ['2022年04月08日', '2022-04-08', 'date'],
    ['2022年4月8日 10:30', '2022-04-08T10:30:00+08:00', 'time'],
    ['2022-04-08', '2022-04-08', 'date'],
    ['2022/04/08 10:30:00', '2022-04-08T10:30:00+08:00', 'time'],
    ['2022.04.08', '2022-04-08', 'date'],
    ['2024.02.22', '2024-02-22', 'date'],
    ['2024/03/05 14:32', '2024-03-05T14:32:00+08:00', 'time'],
    ['2022年4月8日10時30分', '2022-04-08T10:30:00+08:00', 'time'],
    ['2024年03月05日08:27', '2024-03-05T08:27:00+08:00', 'time'],
    ['２０２４年３月５日', '2024-03-05', 'date'],
    ['2024年3月5日（星期二）14:32', '2024-03-05T14:32:00+08:00', 'time'],
    ['2024-03-05 HKT 14:32', '2024-03-05T14:32:00+08:00', 'time'],
    // A time the page gave with its offset is that instant, as the site's readers see it.
    ['2024-03-05T14:32:00Z', '2024-03-05T22:32:00+08:00', 'time'],
    ['2024-03-05 14:32 HKT', '2024-03-05T14:32:00+08:00', 'time'],
    ['2024 03/05 09:30:12', '2024-03-05T09:30:12+08:00', 'time'],
  ])('reads %s in the site zone, keeping its precision', (input, value, precision) => {
    expect(findDate(input, ZONE)).toMatchObject({ value, precision })
  })

  it.each([
    ['2024年3月5日 下午3:42', '2024-03-05T15:42:00+08:00'],
    ['2024年3月5日 上午10:30', '2024-03-05T10:30:00+08:00'],
    ['2024年3月5日 中午12:15', '2024-03-05T12:15:00+08:00'],
    ['2024年3月5日 晚上8點', '2024-03-05T20:00:00+08:00'],
    ['2024年3月5日 凌晨12:10', '2024-03-05T00:10:00+08:00'],
    ['Mar 5, 2024, 03:42 PM', '2024-03-05T15:42:00+08:00'],
    ['Mar 5, 2024 12:05 a.m.', '2024-03-05T00:05:00+08:00'],
    ['3:42pm, 5 Mar, 2024', '2024-03-05T15:42:00+08:00'],
    ['2024年3月5日 下午15:00', '2024-03-05T15:00:00+08:00'],
  ])('reads the 12-hour time of %s', (input, value) => {
    expect(findDate(input, ZONE)?.value).toBe(value)
  })

  it.each([
    ['113-03-05', '2024-03-05'],
    ['113年3月5日', '2024-03-05'],
    ['05/03/2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['Tuesday, March 5, 2024', '2024-03-05'],
    ['5 March 2024', '2024-03-05'],
  ])('reads %s: the Republic of China calendar, day first, English', (input, value) => {
    expect(findDate(input, ZONE)?.value).toBe(value)
  })

  it.each([
    ['3 June 2025 14:32 AEST', '2025-06-03T12:32:00+08:00'],
    ['June 3, 2025 2:32 PM EDT', '2025-06-04T02:32:00+08:00'],
    ['2025-06-03 14:32 (GMT+8)', '2025-06-03T14:32:00+08:00'],
    ['2025-06-03 14:32 UTC-05:00', '2025-06-04T03:32:00+08:00'],
    ['2025-06-03 14:32 JST', '2025-06-03T13:32:00+08:00'],
    // A city's zone has the offset of that day: summer time in June, not in January.
    ['2025年6月3日 柏林时间10时15分', '2025-06-03T16:15:00+08:00'],
    ['2025年1月3日 柏林时间10时15分', '2025-01-03T17:15:00+08:00'],
    ['14:32, 3 Jun 2025', '2025-06-03T14:32:00+08:00'],
  ])('reads %s with the zone it names, or its time before it', (input, value) => {
    expect(findDate(input, ZONE)).toMatchObject({ value, precision: 'time' })
  })

  it('can fail: a zone name that stands for more than one zone is not read as one', () => {
    // `CST` is China's, and America's Central: the time stays in the site's zone.
    expect(findDate('2025-06-03 14:32 CST', ZONE)?.value).toBe('2025-06-03T14:32:00+08:00')
    expect(findDate('2025-06-03 14:32 ESTIMATED', ZONE)?.value).toBe('2025-06-03T14:32:00+08:00')
  })

  it('reads a month and day alone only with the year of a date beside it', () => {
    expect(findDate('（3/2 15:10 更新）', ZONE)).toBeUndefined()
    expect(findDate('（3/2 15:10 更新）', ZONE, 0, 2024)?.value).toBe('2024-03-02T15:10:00+08:00')
  })

  it('refuses what is not a date', () => {
    expect(findDate('不詳', ZONE)).toBeUndefined()
    expect(findDate('2022年13月40日', ZONE)).toBeUndefined()
    expect(findDate('2022年2月30日', ZONE)).toBeUndefined()
    expect(findDate('2022年2月3日 25:00', ZONE)).toBeUndefined()
    expect(findDate('Mar 5, 2024 13:00 PM', ZONE)).toBeUndefined()
    expect(findDate('20240305', ZONE)).toBeUndefined()
    expect(findDate('11410000/2024-00012', ZONE)).toBeUndefined()
  })

  it('reads a date standing alone on a line', () => {
    expect(standaloneDate('2024年3月5日', ZONE)).toMatchObject({
      value: '2024-03-05',
      precision: 'date',
    })
    expect(standaloneDate(' 2024-03-05 09:00 ', ZONE)?.value).toBe('2024-03-05T09:00:00+08:00')
    expect(standaloneDate('2024年3月5日 星期二', ZONE)?.value).toBe('2024-03-05')
    expect(standaloneDate('2024年3月5日（週二）', ZONE)?.value).toBe('2024-03-05')
  })

  it('can fail: a date that begins a sentence does not stand alone', () => {
    expect(standaloneDate('2024年3月5日，市府宣布新政策', ZONE)).toBeUndefined()
    expect(standaloneDate('2024年3月5日下午', ZONE)).toBeUndefined()
    expect(standaloneDate('20240305', ZONE)).toBeUndefined()
  })

  it('reads a time alone on a line, and knows a relative time', () => {
    expect(lineTime('香港時間14時32分')).toMatchObject({ hour: 14, minute: 32, offset: '+08:00' })
    expect(lineTime('Issued at HKT 14:32')).toMatchObject({ hour: 14, minute: 32 })
    expect(lineTime('14:32 市府開會')).toBeUndefined()
    expect(isRelativeTime('3小時前')).toBe(true)
    expect(isRelativeTime('2 hours ago')).toBe(true)
    expect(isRelativeTime('3小時前，市府宣布新政策，引發熱議')).toBe(false)
  })
})

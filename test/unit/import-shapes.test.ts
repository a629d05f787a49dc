/**
 * Every parser on the import path is linear in its input. Each pathological shape is fed at
 * 1 MiB and the answer is checked; how long it takes belongs in the benchmark, which times
 * `importShape` on the same shapes (src/articles/import/shapes.ts).
 */
import { describe, expect, it } from 'vitest'
import { findAnnotations } from '../../src/articles/import/annotations'
import { readDateline } from '../../src/articles/import/dateline'
import { furnitureRule } from '../../src/articles/import/furniture'
import { MAX_LINE_CHARS } from '../../src/articles/import/limits'
import {
  authorNames,
  metadataLine,
  parseNewsDate,
  standaloneDate,
} from '../../src/articles/import/metadata'
import { IMPORT_SHAPES, importShape, shapeText } from '../../src/articles/import/shapes'
import { storySummary } from '../../src/articles/import/story-summary'

const MiB = 1024 * 1024
const ZONE = 'Asia/Taipei'
const bytes = (s: string) => new TextEncoder().encode(s).length
const tooLong = (line: number) => expect.stringMatching(new RegExp(`^line ${line} has \\d+ char`))

describe('pathological shapes at 1 MiB', () => {
  const answers: Record<string, (r: ReturnType<typeof importShape>) => void> = {
    'source-brackets': (r) => {
      expect(r.fields.source).toBeUndefined()
      expect(r.report.notes).toEqual([tooLong(2)])
      expect(r.report.body).toEqual({ first_line: 2, last_line: 4 })
    },
    'leading-spaces': (r) => expect(r.report.notes).toEqual([tooLong(2)]),
    'label-spaces': (r) => expect(r.fields.source).toBeUndefined(),
    'byline-spaces': (r) => expect(r.fields.authors).toBeUndefined(),
    'author-spaces': (r) => expect(r.fields.authors).toBeUndefined(),
    'open-brackets': (r) => expect(r.report.annotations.found).toBe(0),
    annotations: (r) => {
      expect(r.report.annotations.annotated).toBe(true)
      expect(r.fields.content_text).toMatch(/^國+$/)
    },
    'date-spaces': (r) => expect(r.fields.published).toBeUndefined(),
    'date-digits': (r) => expect(r.fields.published).toBeUndefined(),
    'open-tag': (r) => expect(r.report.dropped).toEqual([]),
    'question-marks': (r) => expect(r.report.body).toEqual({ first_line: 2, last_line: 2 }),
    dateline: (r) => expect(r.fields.authors).toBeUndefined(),
    'furniture-lines': (r) => {
      expect(r.report.dropped.length).toBeGreaterThan(40_000)
      expect(r.fields.content_text).toBe('正文。')
    },
    'blank-lines': (r) => expect(r.report.body).toBeNull(),
    'news-page': (r) => {
      expect(r.fields.published).toBe('2022-04-08T10:30:00+08:00')
      expect(r.fields.content_text).toMatch(/^　　經開區昨日舉辦/)
      expect(r.report.dropped.map((d) => d.rule)).toEqual([
        'print-controls',
        'qr-code',
        'previous-next',
      ])
    },
    'one-paragraph': (r) => expect(r.fields.summary).toMatch(/^經開區舉辦論壇，.{100,}…?$/u),
  }

  it('has an answer for every shape', () => {
    expect(Object.keys(answers).sort()).toEqual(Object.keys(IMPORT_SHAPES).sort())
  })

  for (const [name, check] of Object.entries(answers)) {
    it(`${name}: imported with a clear answer`, () => {
      const text = shapeText(name, MiB)
      expect(bytes(text)).toBeGreaterThan(MiB - 64)
      expect(bytes(text)).toBeLessThanOrEqual(MiB)
      check(importShape(text))
    })
  }
})

describe('each parser at 1 MiB answers', () => {
  const run = (ch: string) => ch.repeat(MiB)

  it('metadata lines: none past the cap', () => {
    expect(metadataLine('來源：' + run(']') + 'x')).toBeUndefined()
    expect(metadataLine(run(' ') + '來源：x')).toBeUndefined()
    expect(metadataLine('By Jane' + run(' ') + 'Doe')).toBeUndefined()
    // The same shapes at the cap are read, and quickly: the patterns do not backtrack.
    const room = MAX_LINE_CHARS - 10
    expect(metadataLine('來源：' + ']'.repeat(room) + 'x')).toEqual([
      { field: 'source', label: '來源', value: ']'.repeat(room) + 'x' },
    ])
    expect(metadataLine(' '.repeat(room) + '來源：x')).toHaveLength(1)
  })

  it('furniture, dates, authors, datelines, annotations and summaries', () => {
    expect(furnitureRule('分享到' + run('?'))).toBeUndefined()
    expect(parseNewsDate('2022' + run(' ') + '年4月8日', ZONE)).toBeUndefined()
    expect(parseNewsDate(run('2'), ZONE)).toBeUndefined()
    expect(standaloneDate('2022-04-08' + run(' ') + 'x', ZONE)).toBeUndefined()
    expect(authorNames('Jane' + run(' ') + 'x')).toEqual([])
    expect(readDateline('本報訊（' + run('記'))).toBeUndefined()
    expect(readDateline('本報訊　' + run('記'))).toEqual({ authors: [], end: 4, credit: false })
    expect(findAnnotations(run('國(')).annotations).toEqual([])
    expect(findAnnotations('國' + run('(')).han).toBe(1)
    expect(storySummary([run('<')]).length).toBeLessThanOrEqual(121)
    expect(storySummary(['<span ' + run('a')]).length).toBeLessThanOrEqual(121)
  })
})

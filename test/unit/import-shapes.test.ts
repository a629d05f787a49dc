/**
 * Every parser on the import path is linear in its input. Each pathological shape is fed at
 * 1 MiB and the answer is checked; how long it takes belongs in the benchmark, which times
 * `importShape` on the same shapes (src/articles/import/shapes.ts).
 */
import { describe, expect, it } from 'vitest'
import { findAnnotations } from '../../src/articles/import/annotations'
import { authorNames, readByline } from '../../src/articles/import/byline'
import { readDateline } from '../../src/articles/import/dateline'
import { findDate } from '../../src/articles/import/dates'
import { furnitureCue } from '../../src/articles/import/furniture'
import { MAX_LINE_CHARS } from '../../src/articles/import/limits'
import { readMetadataLine, standaloneDate } from '../../src/articles/import/metadata'
import { FieldRefusal } from '../../src/articles/errors'
import { importHtml } from '../../src/articles/import/html-import'
import {
  IMPORT_HTML_SHAPES,
  IMPORT_SHAPES,
  htmlShapeText,
  importShape,
  shapeText,
} from '../../src/articles/import/shapes'
import { storySummary } from '../../src/articles/import/story-summary'

const MiB = 1024 * 1024
const ZONE = 'Asia/Taipei'
const bytes = (s: string) => new TextEncoder().encode(s).length
const tooLong = (line: number) => expect.objectContaining({ code: 'long-line', line })
const noDate = expect.objectContaining({ code: 'no-date' })
const furniture = (r: ReturnType<typeof importShape>) =>
  r.report.lines.filter((l) => l.class === 'furniture').map((l) => l.reason)

describe('pathological shapes at 1 MiB', () => {
  const answers: Record<string, (r: ReturnType<typeof importShape>) => void> = {
    'source-brackets': (r) => {
      expect(r.fields.source).toBeUndefined()
      expect(r.report.notes).toEqual([tooLong(2), noDate])
      expect(r.report.body).toEqual({ first_line: 2, last_line: 4 })
    },
    'leading-spaces': (r) => expect(r.report.notes).toEqual([tooLong(2), noDate]),
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
    'open-tag': (r) => expect(furniture(r)).toEqual([]),
    'question-marks': (r) => expect(r.report.body).toEqual({ first_line: 2, last_line: 2 }),
    dateline: (r) => expect(r.fields.authors).toBeUndefined(),
    'furniture-lines': (r) => {
      expect(furniture(r)).toEqual(Array(1000 - 1).fill('font-size'))
      expect(r.report.notes.map((n) => n.code).sort()).toEqual(['lines-not-listed', 'no-date'])
      expect(r.fields.content_text).toBe('正文。')
    },
    'blank-lines': (r) => expect(r.report.body).toBeNull(),
    'short-lines': (r) => {
      expect(r.fields.title).toBe('標題')
      expect(r.fields.content_text).toMatch(/^字0\n字1\n/)
      expect(r.report.lines).toHaveLength(1000)
    },
    'news-page': (r) => {
      expect(r.fields.published).toBe('2022-04-08T10:30:00+08:00')
      expect(r.fields.content_text).toMatch(/^　　經開區昨日舉辦/)
      // The report lists the first REPORT_LINES lines; the footer's furniture is past them.
      expect(furniture(r)).toEqual(['print-controls'])
      expect(r.fields.content_text).not.toMatch(/掃描二維碼|上一篇/)
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

describe('pathological HTML pages at 1 MiB', () => {
  type Answer = (page: () => ReturnType<typeof importHtml>) => void
  const refused: Answer = (page) => expect(page).toThrow(FieldRefusal)
  const answers: Record<string, Answer> = {
    'html-page': (page) => {
      const { fields, report } = page()
      expect(fields.title).toBe('經開區舉辦創新論壇')
      expect(fields.published).toBe('2022-04-08T10:30:00+08:00')
      expect(fields.source).toEqual({ name: '經開區管委會' })
      expect(fields.content_html).toMatch(/^<p style="text-indent: 2em;">經開區昨日舉辦/)
      expect(report.notes.map((n) => n.code)).toEqual(['lines-not-listed'])
    },
    'html-one-paragraph': (page) =>
      expect(page().fields.summary).toMatch(/^經開區舉辦論壇，.{100,}…$/u),
    'html-nested-divs': refused,
    'html-br-lines': refused,
    'html-ruby': refused,
  }

  it('has an answer for every shape', () => {
    expect(Object.keys(answers).sort()).toEqual(Object.keys(IMPORT_HTML_SHAPES).sort())
  })

  for (const [name, check] of Object.entries(answers)) {
    it(`${name}: imported or refused with a clear answer`, () => {
      const html = htmlShapeText(name, MiB)
      expect(bytes(html)).toBeGreaterThan(MiB - 128)
      expect(bytes(html)).toBeLessThanOrEqual(MiB)
      check(() => importHtml(html, ZONE))
    })
  }
})

describe('each parser at 1 MiB answers', () => {
  const run = (ch: string) => ch.repeat(MiB)

  it('metadata lines: none past the cap', () => {
    expect(readMetadataLine('來源：' + run(']') + 'x', ZONE)).toBeUndefined()
    expect(readMetadataLine(run(' ') + '來源：x', ZONE)).toBeUndefined()
    expect(readMetadataLine('By Jane' + run(' ') + 'Doe', ZONE)).toBeUndefined()
    // The same shapes at the cap are read, and quickly: the patterns do not backtrack.
    const room = MAX_LINE_CHARS - 10
    expect(readMetadataLine('來源：' + ']'.repeat(room) + 'x', ZONE)?.[0]).toMatchObject({
      field: 'source',
      label: '來源',
    })
    expect(readMetadataLine(' '.repeat(room) + '來源：x', ZONE)).toHaveLength(1)
  })

  it('furniture, dates, bylines, datelines, annotations and summaries', () => {
    expect(furnitureCue('分享到' + run('?'))).toBeUndefined()
    expect(findDate('2022' + run(' ') + '年4月8日', ZONE)).toBeUndefined()
    expect(findDate(run('2'), ZONE)).toBeUndefined()
    expect(standaloneDate('2022-04-08' + run(' ') + 'x', ZONE)).toBeUndefined()
    expect(authorNames('Jane' + run(' ') + 'x')).toEqual([])
    expect(readByline('記者' + run('王'))).toBeUndefined()
    expect(readDateline('本報訊（' + run('記'))).toBeUndefined()
    expect(readDateline('本報訊　' + run('記'))).toEqual({ authors: [], end: 4, credit: false })
    expect(findAnnotations(run('國(')).annotations).toEqual([])
    expect(findAnnotations('國' + run('(')).han).toBe(1)
    expect(storySummary([run('<')]).length).toBeLessThanOrEqual(121)
    expect(storySummary(['<span ' + run('a')]).length).toBeLessThanOrEqual(121)
  })
})

import { describe, expect, it } from 'vitest'
import { textParagraphs } from '../../src/articles/content'
import { importPlainText } from '../../src/articles/import/plaintext'
import { pastedPages } from '../corpus/pasted'

const ZONE = 'Asia/Taipei'

describe('pasted pages corpus', () => {
  for (const page of pastedPages()) {
    it(`${page.name}: ${page.description}`, () => {
      const text = page.text.join('\n')
      const { fields, extras, report } = importPlainText(text, 'text', ZONE, page.annotations)
      const want = page.expect
      expect(fields.title).toBe(want.title)
      expect((fields.authors ?? []).map((a) => a.name)).toEqual(want.authors)
      expect(fields.published).toBe(want.published)
      const published = report.fields.find((f) => f.field === 'published')
      expect(published?.precision).toBe(want.precision)
      expect(fields.source?.name).toBe(want.source)
      expect(fields.summary!.startsWith(want.summary_starts), fields.summary).toBe(true)
      expect(textParagraphs(fields.content_text!)).toEqual(want.paragraphs)
      expect(report.dropped.map((d) => [d.line, d.rule])).toEqual(want.report.dropped)
      expect(report.annotations.annotated).toBe(want.report.annotated)
      expect(report.annotations.removed > 0).toBe(want.report.annotated)
      expect(extras.source_text).toBe(text.normalize('NFC'))
    })
  }

  it('removes nothing from a page without annotations: the body is the lines as posted', () => {
    for (const page of pastedPages().filter((p) => !p.expect.report.annotated)) {
      const { fields, report } = importPlainText(page.text.join('\n'), 'text', ZONE)
      const { first_line, last_line } = report.body!
      expect(fields.content_text).toBe(page.text.slice(first_line - 1, last_line).join('\n'))
      expect(report.annotations.removed).toBe(0)
    }
  })
})

/**
 * The pasted-page corpus (test/corpus/pasted/): every page imported, every field and
 * paragraph as expected. `node scripts/import-score.mjs test/corpus/pasted` scores the same
 * pages field by field.
 */
import { parseFragment, serializeOuter } from 'parse5'
import { describe, expect, it } from 'vitest'
import { htmlToText, textParagraphs } from '../../src/articles/content'
import { importHtml } from '../../src/articles/import/html-import'
import { importPlainText } from '../../src/articles/import/plaintext'
import { readsAsSentence } from '../../src/articles/import/sentence'
import { detectLanguage } from '../../src/articles/language'
import { pastedPages, type PastedPage } from '../corpus/pasted'

const ZONE = 'Asia/Taipei'

function imported(page: PastedPage) {
  const text = page.text.join('\n')
  const zone = page.timezone ?? ZONE
  return page.format === 'html'
    ? importHtml(text, zone, page.annotations)
    : importPlainText(text, page.format ?? 'text', zone, page.annotations)
}

/** The top-level elements of an HTML body. */
const blocks = (html: string) => parseFragment(html).childNodes.filter((n) => 'tagName' in n)

/**
 * The paragraphs of the body: of its text, or its HTML's top-level elements but figures and
 * pictures (`<p><img></p>`, which have no text).
 */
function paragraphs(fields: ReturnType<typeof imported>['fields']): string[] {
  if (fields.content_html !== undefined && fields.content_text === undefined) {
    return blocks(fields.content_html)
      .filter((n) => n.nodeName !== 'figure')
      .map((n) => htmlToText(serializeOuter(n)))
      .filter((text) => text !== '')
  }
  return textParagraphs(fields.content_text ?? fields.content_markdown ?? '')
}

describe('pasted pages corpus', () => {
  const pages = pastedPages()

  it('has at least 40 pages from at least 20 site styles, several of them HTML', () => {
    expect(pages.length).toBeGreaterThanOrEqual(40)
    expect(new Set(pages.map((p) => p.style)).size).toBeGreaterThanOrEqual(20)
    expect(pages.filter((p) => p.format === 'html').length).toBeGreaterThanOrEqual(5)
  })

  for (const page of pages) {
    it(`${page.name}: ${page.description}`, () => {
      const { fields, extras, report } = imported(page)
      const want = page.expect
      expect(fields.title).toBe(want.title)
      expect((fields.authors ?? []).map((a) => a.name)).toEqual(want.authors)
      expect(fields.published).toBe(want.published)
      const published = report.fields.find(
        (f) => f.field === 'published' && f.value === fields.published,
      )
      expect(published?.precision).toBe(want.precision)
      if (!want.published) expect(report.notes.map((n) => n.code)).toContain('no-date')
      if ('updated' in want) expect(fields.updated).toBe(want.updated)
      expect(fields.source?.name).toBe(want.source)
      expect(fields.summary!.startsWith(want.summary_starts), fields.summary).toBe(true)
      if (want.paragraphs) expect(paragraphs(fields)).toEqual(want.paragraphs)
      if (want.figures !== undefined) {
        const figures = blocks(fields.content_html ?? '').filter((n) => n.nodeName === 'figure')
        expect(figures).toHaveLength(want.figures)
      }
      if (want.report.dropped) {
        const dropped = report.lines.filter((l) => l.class === 'furniture')
        expect(dropped.map((l) => [l.line, l.reason])).toEqual(want.report.dropped)
      }
      expect(report.annotations.annotated).toBe(want.report.annotated)
      expect(report.annotations.removed > 0).toBe(want.report.annotated)
      if (want.language) {
        const body = fields.content_text ?? fields.content_html ?? ''
        // As an article that names no language is tagged on a site whose language is `und`.
        expect(detectLanguage(`${fields.title}\n${htmlToText(body)}`, 'und')).toBe(want.language)
      }
      const source = page.text.join('\n')
      expect(extras.source_text).toBe(page.format === 'html' ? source : source.normalize('NFC'))
    })
  }

  it('keeps every story sentence of the corpus wherever it stands in another story', () => {
    // Two paragraphs of another story, and the sentence first, between them, or last: where a
    // furniture cue once took a story's sentence for an app's promotion (`…手機App、官網…購票`).
    const A =
      '联合国世界粮食计划署周二表示，今年上半年该机构在萨赫勒地区5个国家为约210万名小学生提供了在校供餐。'
    const B =
      '粮食署负责西非事务的官员在日内瓦举行的例行记者会上介绍，校餐所用的谷物已有四成从当地采购。'
    // A site's promotion that its page prints inside the story, which is furniture anywhere else.
    const PROMOTION =
      'DW中文有Instagram！歡迎搜尋dw.chinese，或點擊這裡進入DW最新動態和精彩圖片分享。'
    const sentences = pages
      .flatMap((p) => p.expect.paragraphs ?? [])
      .filter((p) => p.length >= 30 && readsAsSentence(p) && p !== PROMOTION)
    expect(sentences.length).toBeGreaterThan(1000)
    for (const order of [
      (s: string) => [s, A, B],
      (s: string) => [A, s, B],
      (s: string) => [A, B, s],
    ]) {
      const lost = sentences.filter((sentence) => {
        const text = ['粮食署扩大萨赫勒校餐计划', '2025-06-01 10:00', ...order(sentence)].join(
          '\n\n',
        )
        const { fields } = importPlainText(text, 'text', ZONE)
        return !textParagraphs(fields.content_text ?? '').includes(sentence)
      })
      expect(lost).toEqual([])
    }
  })

  it('removes nothing from the story of a text page without annotations: its lines as posted', () => {
    for (const page of pages.filter((p) => p.format !== 'html' && !p.expect.report.annotated)) {
      const { fields, report } = imported(page)
      const kept = report.lines.filter((l) => l.kept).map((l) => page.text[l.line - 1])
      const body = (fields.content_text ?? '').split('\n').filter((l) => l.trim() !== '')
      expect(body, page.name).toEqual(kept)
    }
  })
})

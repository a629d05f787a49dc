import fc from 'fast-check'
import { describe, expect, inject, it } from 'vitest'
import { findAnnotations, withoutAnnotations } from '../../src/articles/import/annotations'
import { applyAnnotationChoice } from '../../src/articles/import/annotation-choice'
import { importPlainText } from '../../src/articles/import/plaintext'
import { storySummary } from '../../src/articles/import/story-summary'
import { cleanText } from '../../src/articles/text'

const runs = { numRuns: inject('fuzzRuns'), seed: inject('fuzzSeed') }
const han = (s: string) => [...s].filter((ch) => /\p{Script=Han}/u.test(ch)).join('')

/** Pieces of pasted Chinese: characters, readings that fit or not, brackets, Latin, breaks. */
const piece = fc.oneof(
  fc.constantFrom('國', '務', '院', '行', '總', '統', '期', '𠀋', '了', '一', '們', '京'),
  fc.constantFrom('(guó)', '（wù）', '(yuàn)', '(xíng)', '(háng)', '（ㄗㄨㄥˇ）', '(ㄊㄨㄥˇ)'),
  fc.constantFrom('(qí)', '(le)', '(yí)', '(men)', '(Beijing)', '(WHO)', '(笑)', '(Q3)', '('),
  fc.constantFrom(')', '（', '）', '，', '。', ' ', '　', '\n', '\n\n', 'e\u0301', 'a', '?'),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
)
const text = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(''))

describe(
  `annotations and the import (property-based, seed ${runs.seed})`,
  { timeout: 10_000 + runs.numRuns * 10 },
  () => {
    it('removing them never removes a Han character', () => {
      fc.assert(
        fc.property(text, (input) => {
          expect(han(withoutAnnotations(input))).toBe(han(input))
        }),
        runs,
      )
    })

    it('removing them removes only what was found, in order', () => {
      fc.assert(
        fc.property(text, (input) => {
          const { annotations } = findAnnotations(input)
          const removed = annotations.reduce((n, a) => n + a.end - a.start, 0)
          expect(withoutAnnotations(input).length).toBe(input.length - removed)
        }),
        runs,
      )
    })

    it('a text without annotations comes out byte for byte (after NFC)', () => {
      const plain = text.filter((t) => findAnnotations(cleanText(t)).annotations.length === 0)
      fc.assert(
        fc.property(plain, plain, (title, body) => {
          const t = cleanText(title) || '標題'
          const b = cleanText(body)
          expect(applyAnnotationChoice({ title: t, content_text: b })).toEqual({
            title: t,
            content_text: b,
          })
          const page = `${t.replace(/\n/g, ' ')}\n\n${b}`
          const { fields, report } = importPlainText(page, 'text', 'Asia/Taipei')
          expect(report.annotations.removed).toBe(0)
          if (report.body) {
            const lines = cleanText(page).split(/\r\n|\r|\n/)
            expect(fields.content_text).toBe(
              lines.slice(report.body.first_line - 1, report.body.last_line).join('\n'),
            )
          }
        }),
        runs,
      )
    })

    it('the import keeps every story paragraph whole, whatever furniture and metadata surround it', () => {
      const han = fc.constantFrom(
        ...'經開區昨日舉辦創新論壇逾百家企業代表出席與會者表示前景可期市府宣布'.split(''),
      )
      const clause = fc.array(han, { minLength: 4, maxLength: 12 }).map((c) => c.join(''))
      // A paragraph of the story: sentences of several clauses, as stories are written.
      const paragraph = fc
        .array(clause, { minLength: 3, maxLength: 6 })
        .map((c) => `　　${c.join('，')}。`)
      const around = fc.constantFrom(
        '分享到：微信 微博',
        '【打印】【關閉】　字體：大 中 小',
        '相关新闻',
        '延伸閱讀',
        '►冷氣團報到　週末回暖',
        '扫一扫，在手机打开当前页',
        '下载星洲APP，随时掌握最新资讯',
        '责任编辑：张三',
        '来源：新华网',
        '2024-03-05 14:32',
        '首页 > 新闻 > 正文',
        'Copyright © 2000-2024 All Rights Reserved.',
        '图为3月4日，农民在田间作业。新华社记者 赵启明 摄',
        '記者王小明／台北報導',
        '热门',
        '',
      )
      const block = fc.tuple(fc.array(around, { maxLength: 3 }), paragraph)
      fc.assert(
        fc.property(
          fc.array(around, { maxLength: 4 }),
          fc.array(block, { minLength: 1, maxLength: 5 }),
          fc.array(around, { maxLength: 4 }),
          (head, blocks, foot) => {
            const lines = [
              '市府宣布新措施',
              ...head,
              ...blocks.flatMap(([a, p]) => [...a, p]),
              ...foot,
            ]
            const { fields } = importPlainText(lines.join('\n'), 'text', 'Asia/Taipei')
            const body = fields.content_text!.split('\n')
            for (const [, p] of blocks) expect(body).toContain(p)
          },
        ),
        runs,
      )
    })

    it('summaries of imported stories are whole graphemes, and never end in an open reading', () => {
      fc.assert(
        fc.property(text, (input) => {
          const summary = storySummary(input.split('\n'))
          expect(summary.isWellFormed()).toBe(true)
          expect(summary).not.toMatch(/\p{Script=Han}[(（][^)）]{0,10}…?$/u)
        }),
        runs,
      )
    })
  },
)

import { describe, expect, it } from 'vitest'
import { deriveId } from '../../src/articles/ids'
import {
  ANNOTATED_MIN,
  carriesAnnotations,
  findAnnotations,
  removeAnnotations,
  rubyMarkup,
  withoutAnnotations,
} from '../../src/articles/import/annotations'
import { applyAnnotationChoice } from '../../src/articles/import/annotation-choice'
import { importPlainText } from '../../src/articles/import/plaintext'
import { pinyinKey, readingMatch, syllableOf, zhuyinKey } from '../../src/articles/import/readings'
import { storySummary } from '../../src/articles/import/story-summary'

const ZONE = 'Asia/Taipei'
const TITLE = '國(guó)務(wù)院辦(bàn)公廳關(guān)於進(jìn)一步優(yōu)化營(yíng)商環(huán)境的通知'
const BODY =
  '　　為(wèi)進(jìn)一步優(yōu)化營(yíng)商環(huán)境，激發(fā)市場(chǎng)主體(tǐ)活力，經(jīng)國(guó)務(wù)院同意，現(xiàn)就有關(guān)事項(xiàng)通知如下。'
const annotated = (text: string) => findAnnotations(text).annotations.map((a) => a.base + a.reading)

describe('syllables', () => {
  it('reads pinyin with tone marks, tone numbers or neither into one form', () => {
    expect(pinyinKey('guó')).toBe('guo2')
    expect(pinyinKey('guo2')).toBe('guo2')
    expect(pinyinKey('Guó')).toBe('guo2')
    expect(pinyinKey('lǜ')).toBe('lü4')
    expect(pinyinKey('lv4')).toBe('lü4')
    expect(pinyinKey('de')).toBe('de0')
    expect(pinyinKey('de5')).toBe('de0')
    expect(pinyinKey('·de')).toBe('de0')
  })

  it('can fail: what is not one syllable has no key', () => {
    for (const text of ['guó2', 'gu2o', '2', 'Guangzhou1', 'ā́', 'a-b', '']) {
      expect(pinyinKey(text), text).toBeUndefined()
    }
  })

  it('reads zhuyin with its tone wherever it is written', () => {
    expect(zhuyinKey('ㄗㄨㄥˇ')).toBe('ㄗㄨㄥˇ')
    expect(zhuyinKey('˙ㄉㄜ')).toBe('ㄉㄜ˙')
    expect(zhuyinKey('ㄉㄜ˙')).toBe('ㄉㄜ˙')
    expect(zhuyinKey('ㄊㄨㄥˉ')).toBe('ㄊㄨㄥ')
    expect(zhuyinKey('ㄗˇㄨ')).toBeUndefined()
    expect(zhuyinKey('ㄅㄆㄇㄈㄉ')).toBeUndefined()
  })
})

describe('readings', () => {
  it('match a character the dictionary reads that way', () => {
    expect(readingMatch('國', syllableOf('guó')!)).toBe('exact')
    expect(readingMatch('行', syllableOf('háng')!)).toBe('exact')
    expect(readingMatch('總', syllableOf('ㄗㄨㄥˇ')!)).toBe('exact')
    // Traditional characters also get their Simplified form's readings (們: men).
    expect(readingMatch('們', syllableOf('men')!)).toBe('exact')
    // Sandhi that annotations write out.
    expect(readingMatch('一', syllableOf('yí')!)).toBe('exact')
    // Taiwan's tone for 期 differs from the dictionary's: a match, but not an exact one.
    expect(readingMatch('期', syllableOf('ㄑㄧˊ')!)).toBe('tone')
  })

  it('can fail: another character, or a Latin name without a tone, is not a reading', () => {
    expect(readingMatch('國', syllableOf('wù')!)).toBeUndefined()
    expect(readingMatch('李', syllableOf('Li')!)).toBeUndefined()
    expect(readingMatch('安', syllableOf('An')!)).toBeUndefined()
  })
})

describe('finding annotations', () => {
  it('finds pinyin and zhuyin after Han characters, in ASCII or full-width brackets', () => {
    expect(annotated('國(guó)務（wù）院')).toEqual(['國guó', '務wù'])
    expect(annotated('國(guo2)務(wu4)')).toEqual(['國guo2', '務wu4'])
    expect(annotated('總(ㄗㄨㄥˇ)統（ㄊㄨㄥˇ）')).toEqual(['總ㄗㄨㄥˇ', '統ㄊㄨㄥˇ'])
    expect(annotated('𠀋(qiū)')).toHaveLength(0)
  })

  it('can fail: brackets that hold real content are not annotations', () => {
    for (const text of [
      '北京(Beijing)',
      '世界衛生組織(WHO)',
      '他說(笑)',
      '饕餮(tāotiè)',
      '第三季(Q3)',
      '李(Li)先生',
      '國 (guó)',
      '(guó)',
      '國(\nguó)',
      '國(wù)',
    ]) {
      expect(annotated(text), text).toEqual([])
    }
  })

  it('counts Han characters, bases included', () => {
    expect(findAnnotations('國(guó)務院 A').han).toBe(3)
  })

  it('removes readings and nothing else', () => {
    const text = TITLE + '北京(Beijing)'
    expect(removeAnnotations(text, findAnnotations(text).annotations)).toBe(
      '國務院辦公廳關於進一步優化營商環境的通知北京(Beijing)',
    )
    expect(withoutAnnotations('來（ㄌㄞˊ）源（ㄩㄢˊ）')).toBe('來源')
  })

  it('writes ruby with the brackets as <rp>, escaping the rest', () => {
    expect(rubyMarkup('<國(guó)>')).toBe('&lt;<ruby>國<rp>(</rp><rt>guó</rt><rp>)</rp></ruby>&gt;')
  })
})

describe('whether a text carries annotations', () => {
  it(`needs ${ANNOTATED_MIN} exact readings on a tenth of the Han characters`, () => {
    expect(carriesAnnotations(ANNOTATED_MIN, ANNOTATED_MIN * 10)).toBe(true)
    expect(carriesAnnotations(20, 40)).toBe(true)
  })

  it('can fail: a few readings, or readings on a small share, are the text', () => {
    expect(carriesAnnotations(ANNOTATED_MIN - 1, ANNOTATED_MIN)).toBe(false)
    expect(carriesAnnotations(ANNOTATED_MIN, ANNOTATED_MIN * 10 + 1)).toBe(false)
  })
})

describe('the import and annotations', () => {
  const page = [TITLE, '發布時間：2022-04-08 10:30', '', BODY].join('\n')

  it('strips them from every field by default, and counts them', () => {
    const { fields, extras, report } = importPlainText(page, 'text', ZONE)
    expect(fields.title).toBe('國務院辦公廳關於進一步優化營商環境的通知')
    expect(fields.content_text).toBe(
      '　　為進一步優化營商環境，激發市場主體活力，經國務院同意，現就有關事項通知如下。',
    )
    expect(fields.summary).toBe(
      '為進一步優化營商環境，激發市場主體活力，經國務院同意，現就有關事項通知如下。',
    )
    expect(report.annotations).toMatchObject({ mode: 'strip', found: 22, exact: 22, removed: 22 })
    expect(extras).toEqual({ source_text: page })
  })

  it('keeps them verbatim with keep', () => {
    const { fields, extras, report } = importPlainText(page, 'text', ZONE, 'keep')
    expect(fields.title).toBe(TITLE)
    expect(fields.content_text).toBe(BODY)
    expect(report.annotations).toMatchObject({ mode: 'keep', annotated: true, removed: 0 })
    expect(extras.content_html).toBeUndefined()
  })

  it('shows them as ruby with ruby, the plain fields holding the base text', () => {
    const { fields, extras, report } = importPlainText(page, 'text', ZONE, 'ruby')
    expect(fields.title).toBe('國務院辦公廳關於進一步優化營商環境的通知')
    expect(fields.content_text).not.toContain('(')
    expect(fields.summary).not.toContain('(')
    expect(extras.content_html).toContain('<p><ruby>為<rp>(</rp><rt>wèi</rt><rp>)</rp></ruby>')
    expect(report.annotations).toMatchObject({ mode: 'ruby', removed: 22, ruby: 22 })
  })

  it('never makes a summary end in half an annotation it keeps', () => {
    const long = '　　' + '國(guó)務(wù)院'.repeat(40)
    const summary = storySummary([long.trim()])
    expect(summary).toMatch(/(院|國|務)…$/)
    expect(summary).not.toMatch(/[(（][^)）]*…$/)
  })

  it('gives a title of readings the date-based id, even when they are kept', async () => {
    expect(await deriveId(TITLE, '2022-04-08T10:30:00+08:00')).toMatch(/^2022-04-08-[0-9a-f]{6}$/)
    // Can fail: real Latin words in brackets still make a slug.
    expect(await deriveId('北京(Beijing)論壇', '2022-04-08T10:30:00+08:00')).toMatch(
      /^beijing-[0-9a-f]{6}$/,
    )
  })
})

describe('the JSON API and annotations', () => {
  const input = { title: TITLE, content_text: BODY }

  it('strips them by default and keeps the content as posted', () => {
    const out = applyAnnotationChoice(input)
    expect(out.title).toBe('國務院辦公廳關於進一步優化營商環境的通知')
    expect(out.content_text).not.toContain('(')
    expect(out.source_text).toBe(BODY)
    expect('annotations' in out).toBe(false)
  })

  it('keeps them with keep, and renders ruby with ruby', () => {
    expect(applyAnnotationChoice({ ...input, annotations: 'keep' })).toEqual(input)
    const ruby = applyAnnotationChoice({ ...input, annotations: 'ruby' })
    expect(ruby.content_html).toContain('<ruby>為<rp>(</rp><rt>wèi</rt>')
    expect(ruby.content_text).not.toContain('(')
    expect(ruby.summary).not.toContain('wèi')
  })

  it('renders ruby from Markdown as inline HTML', () => {
    const md = applyAnnotationChoice({ title: TITLE, content_markdown: `**${BODY.trim()}**` })
    expect(md.content_markdown).toMatch(/^\*\*為進一步/)
    const ruby = applyAnnotationChoice({
      title: TITLE,
      content_markdown: `**${BODY.trim()}**`,
      annotations: 'ruby',
    })
    expect(ruby.content_html).toMatch(/^<p><strong><ruby>為<rp>\(<\/rp><rt>wèi<\/rt>/)
  })

  it('can fail: a text without annotations comes out as it went in', () => {
    const plain = { title: '北京(Beijing)論壇', content_text: '世界衛生組織(WHO)代表出席。' }
    expect(applyAnnotationChoice(plain)).toEqual(plain)
    expect(applyAnnotationChoice({ title: 'x', content_html: '<p>國(guó)</p>' })).toEqual({
      title: 'x',
      content_html: '<p>國(guó)</p>',
    })
  })
})

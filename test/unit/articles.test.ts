import fc from 'fast-check'
import { describe, expect, inject, it } from 'vitest'
import { htmlToText, textToHtml } from '../../src/articles/content'
import { deriveId, isValidId } from '../../src/articles/ids'
import { sanitize } from '../../src/articles/sanitize'
import { deriveSummary } from '../../src/articles/summary'
import TSCharacters from 'opencc-js/dict/TSCharacters'
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev'
import { foldScript } from '../../src/articles/script-fold'
import { foldTag, uniqueTags } from '../../src/articles/tags'
import { cleanText, isMostlyCjk } from '../../src/articles/text'

describe('cleanText', () => {
  it('removes what XML forbids, zero-width spaces and a leading BOM, and applies NFC', () => {
    expect(cleanText('\uFEFFa\u0000b\u0008c\uFFFF\u200Bd\uD800e')).toBe('abcde')
    expect(cleanText('e\u0301')).toBe('\u00E9')
  })

  it('keeps everything else, including broken-looking characters', () => {
    const kept = '發布時間:2022年04月08日 ? \uFFFD 👨‍👩‍👧 🇹🇼 \u200D \t\r\n'
    expect(cleanText(kept)).toBe(kept)
  })
})

describe('textToHtml', () => {
  it('makes a paragraph of each line of a block whose lines end sentences, not of a wrapped one', () => {
    expect(textToHtml('第一段。\n第二段！\n第三段：\n（一）甲；\n（二）乙。')).toBe(
      '<p>第一段。</p>\n<p>第二段！</p>\n<p>第三段：</p>\n<p>（一）甲；</p>\n<p>（二）乙。</p>',
    )
    // Can fail: text wrapped at a width ends most lines mid-sentence, and stays one paragraph.
    const wrapped =
      '市府今天宣布，老舊公寓加裝電梯補\n助計畫首批二十案審查通過。每案最\n高補助兩百五十萬元。'
    expect(textToHtml(wrapped)).toBe(`<p>${wrapped}</p>`)
    // Nor does a block whose indentation says where its paragraph starts.
    expect(textToHtml('　　第一段。\n續行。')).toBe('<p>第一段。\n續行。</p>')
  })

  it('makes a paragraph of a short line among them, a subheading or a caption', () => {
    const long = '據記者不完全統計，今年上半年國內公開的儲能系統集採項目規模合計超過八十吉瓦時。'
    expect(textToHtml(`${long}\n訂單回暖 招標規模創新高\n${long}\n${long}`)).toBe(
      `<p>${long}</p>\n<p>訂單回暖 招標規模創新高</p>\n<p>${long}</p>\n<p>${long}</p>`,
    )
    // A marker and a subheading between each paragraph, more short lines than long ones.
    expect(
      textToHtml(`${long}\nPART.01\n解决“充电难”\n${long}\nPART.02\n守护“家门口”\n${long}`),
    ).toBe(
      [long, 'PART.01', '解决“充电难”', long, 'PART.02', '守护“家门口”', long]
        .map((p) => `<p>${p}</p>`)
        .join('\n'),
    )
    // Can fail: a wrapped block's lines are all as long, and its short last line ends it.
    const wrapped =
      '市府今天宣布，老舊公寓加裝電梯補\n助計畫首批二十案審查通過，每案最\n高補助兩百五十萬元'
    expect(textToHtml(wrapped)).toBe(`<p>${wrapped}</p>`)
  })

  it('makes paragraphs of blank-line and indented blocks, escaping markup', () => {
    expect(textToHtml('　　第一段。\n　　第二段<span id="x">&nbsp;\n續行\n\nthird')).toBe(
      '<p>第一段。</p>\n<p>第二段&lt;span id=&quot;x&quot;&gt;&amp;nbsp;\n續行</p>\n<p>third</p>',
    )
  })
})

describe('sanitize', () => {
  it('removes scripts, handlers and javascript: URLs, and marks external links', () => {
    const out = sanitize(
      '<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">j</a><a href="https://e.example">e</a><img src="x" onerror="y"><iframe src="https://e.example"></iframe></p>',
    )
    expect(out).toBe(
      '<p>a<a>j</a><a href="https://e.example" rel="noopener noreferrer nofollow">e</a></p>',
    )
  })
})

describe('htmlToText', () => {
  it('reads text with entities decoded and blocks separated', () => {
    expect(htmlToText('<p>a &amp; b</p><p>c<br>d</p>')).toBe('a & b c d')
  })
})

describe('deriveSummary', () => {
  it('keeps short text whole', () => {
    expect(deriveSummary('短文。')).toBe('短文。')
  })

  it('cuts CJK text at a sentence end near 120 characters', () => {
    const sentence = '經開區舉辦創新論壇，逾百家企業參與。'
    const summary = deriveSummary(sentence.repeat(20))
    expect(summary.endsWith('。')).toBe(true)
    expect([...summary].length).toBeLessThanOrEqual(120)
    expect([...summary].length).toBeGreaterThan(60)
  })

  it('cuts Latin text near 50 words with an ellipsis when no sentence ends', () => {
    const summary = deriveSummary('word '.repeat(200))
    expect(summary.endsWith('…')).toBe(true)
    expect(summary.split(' ').length).toBeLessThanOrEqual(51)
  })

  it('never splits an emoji sequence', () => {
    const family = '👨‍👩‍👧‍👦'
    const summary = deriveSummary(family.repeat(200))
    expect(summary.replace('…', '').split(family).join('')).toBe('')
  })
})

describe('ids', () => {
  it('accepts slugs and refuses the rest', () => {
    expect(isValidId('2022-04-08-a1b2c3')).toBe(true)
    for (const bad of ['Hello', 'a b', 'a/b', '-a', 'a-', '', 'a'.repeat(129), '經開區']) {
      expect(isValidId(bad), bad).toBe(false)
    }
  })

  it('derives a stable id from title and date', async () => {
    expect(await deriveId('經開區', '2022-04-08T10:30:00+08:00')).toBe(
      await deriveId('經開區', '2022-04-08T10:30:00+08:00'),
    )
    expect(await deriveId('經開區', '2022-04-08T10:30:00+08:00')).not.toBe(
      await deriveId('經開區 ', '2022-04-08T10:30:00+08:00'),
    )
    expect(await deriveId('2022年 5G 發展', '2022-04-08T10:30:00+08:00')).toMatch(
      /^2022-5g-[0-9a-f]{6}$/,
    )
    expect(await deriveId('第2期', '2022-04-08T10:30:00+08:00')).toMatch(/^2022-04-08-[0-9a-f]{6}$/)
  })
})

describe('tags', () => {
  it('fold case and whitespace for matching, keep the first spelling', () => {
    expect(foldTag(' Rust  Lang ')).toBe('rust lang')
    expect(uniqueTags(['Rust', 'rust', ' 經開區 ', '經開區', 'a  b'])).toEqual([
      'Rust',
      '經開區',
      'a b',
    ])
  })

  it('fold Traditional, Simplified and mixed spellings to one, phrase-level words apart', () => {
    for (const spelling of ['經開區', '经开区', '經开区', ' 經開區 ']) {
      expect(foldTag(spelling)).toBe('经开区')
    }
    // 麼 folds to 么, which OpenCC folds on to 幺: both land on the same fixed point.
    expect(foldTag('什麼')).toBe(foldTag('什么'))
    expect(foldTag('軟體')).not.toBe(foldTag('软件'))
    expect(foldTag('Ｒust')).toBe('ｒust') // full-width letters are a spelling of their own
    expect(uniqueTags(['經開區', '经开区', '軟體', '软件'])).toEqual(['經開區', '軟體', '软件'])
  })

  it("fold every character of OpenCC's tables to a fixed point", () => {
    const chars = [...new Set((TSCharacters + TWVariantsRev).replace(/[| ]/g, ''))].join('')
    const once = foldScript(chars)
    expect(once).not.toBe(chars)
    expect(foldScript(once)).toBe(once)
  })
})

describe('CJK summaries', () => {
  it('join paragraphs without the space Latin text would need', () => {
    expect(deriveSummary('第一段。 第二段。')).toBe('第一段。第二段。')
    expect(deriveSummary('經開區　論壇 Tech 論壇')).toBe('經開區　論壇 Tech 論壇')
  })
})

describe('isMostlyCjk', () => {
  /** The definition: every character read with the regular expressions. */
  const reference = (text: string) => {
    let cjk = 0
    let letters = 0
    for (const ch of text) {
      if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch)) cjk++
      else if (/\p{L}/u.test(ch)) letters++
    }
    return cjk > 0 && cjk * 4 >= letters
  }

  it('agrees with its definition on any text, ASCII read without regular expressions', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('a', 'Z', ' ', '經', 'か', '한', '\uD800'),
        fc.string({ unit: 'binary', maxLength: 1 }),
      ),
      maxLength: 60,
    })
    fc.assert(
      fc.property(text, (t) => {
        expect(isMostlyCjk(t), JSON.stringify(t)).toBe(reference(t))
      }),
      { seed: inject('fuzzSeed'), numRuns: 2000 },
    )
  })
})

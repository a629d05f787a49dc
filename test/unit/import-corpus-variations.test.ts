/**
 * The corpus printed another way (issue 26): each page of test/corpus/pasted/ changed as
 * another site, another browser or another editor would print or paste the same article (a
 * space between a reporter's role and the name, an ASCII colon, no blank lines, `\r\n`, a date
 * with slashes, the metadata on one line or on several…), and still read to the same five
 * fields. A rule that holds only for the shape it was written from fails here.
 */
import { describe, expect, it } from 'vitest'
import { ROLES } from '../../src/articles/import/byline-words'
import { importHtml } from '../../src/articles/import/html-import'
import { importPlainText } from '../../src/articles/import/plaintext'
import { pastedPages, type PastedPage } from '../corpus/pasted'

const ZONE = 'Asia/Taipei'

/** The five scored fields of a page's import, as the scorer compares them. */
function fiveFields(page: PastedPage, text: string) {
  const zone = page.timezone ?? ZONE
  const { fields, report } =
    page.format === 'html' ? importHtml(text, zone) : importPlainText(text, 'text', zone)
  const published = report.fields.find(
    (f) => f.field === 'published' && f.value === fields.published,
  )
  return {
    title: fields.title,
    published: `${fields.published} ${published?.precision}`,
    authors: (fields.authors ?? []).map((a) => a.name).sort(),
    source: fields.source?.name,
    summary: fields.summary?.slice(0, 12),
  }
}

/** Labels whose colon an editor's paste may print another way. */
const LABEL =
  '(?:来源|來源|作者|记者|記者|编辑|編輯|责任编辑|責任編輯|发布时间|發布時間|发布日期|發布日期|时间|時間|日期|更新时间|更新時間|稿源|出处|出處)'
const LABELLED = new RegExp(`^${LABEL}[：:]`, 'u')
const role = ROLES.join('|')

/** Each way of printing a page, as a change of its text (the same text when it does not apply). */
const VARIATIONS: Record<string, (text: string, page: PastedPage) => string> = {
  'a role glued to the name': (t, p) => byName(t, p, ''),
  'a space between a role and the name': (t, p) => byName(t, p, ' '),
  'a full-width space between a role and the name': (t, p) => byName(t, p, '\u3000'),
  'an ASCII colon after a label': (t) => t.replace(new RegExp(`(${LABEL})：`, 'gu'), '$1:'),
  'a space after a label’s colon': (t) =>
    t.replace(new RegExp(`(${LABEL})：(?=\\S)`, 'gu'), '$1： '),
  'spaces at the end of every line': (t) => t.replace(/^(.*\S)$/gmu, '$1  '),
  'Windows line ends': (t) => t.replace(/\n/g, '\r\n'),
  'no blank lines': (t) => t.replace(/\n(?:[ \t\u3000]*\n)+/g, '\n'),
  'two blank lines for one': (t) => t.replace(/\n\n/g, '\n\n\n'),
  'a date with slashes': (t) => t.replace(/(20\d\d)-(\d\d)-(\d\d)/u, '$1/$2/$3'),
  'a date with dots': (t) => t.replace(/(20\d\d)-(\d\d)-(\d\d)/u, '$1.$2.$3'),
  'a date in characters': (t) =>
    t.replace(/(20\d\d)-(\d\d)-(\d\d)/u, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`),
  'seconds on the time': (t) =>
    t.replace(/(20\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?[ \u3000]*)(\d{1,2}:\d\d)(?!:)/u, '$1$2:00'),
  'two labelled lines on one': (t) => {
    const out: string[] = []
    for (const line of t.split('\n')) {
      const last = out.at(-1)
      if (
        last !== undefined &&
        last.length < 60 &&
        LABELLED.test(last.trim()) &&
        LABELLED.test(line.trim())
      ) {
        out[out.length - 1] = `${last}　　${line.trim()}`
      } else out.push(line)
    }
    return out.join('\n')
  },
  'two labelled lines the other way round': (t) => {
    const lines = t.split('\n')
    const i = lines.findIndex(
      (l, k) => LABELLED.test(l.trim()) && LABELLED.test(lines[k + 1]?.trim() ?? ''),
    )
    if (i !== -1) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!]
    return lines.join('\n')
  },
  'a closing credit in square brackets': (t) =>
    t.replace(/（((?:记者|記者)[^）]{2,30})）/u, '【$1】'),
  // (Two names, not a name and the next reporter's role.)
  'reporters’ names set apart by 、': (t) =>
    t.replace(
      new RegExp(
        `((?:记者|記者|通讯员|通訊員)[ \\u3000]?)(\\p{Script=Han}{2,3}) (?!${role})(\\p{Script=Han}{2,3})(?=[ \\u3000）)】]|$)`,
        'mu',
      ),
      '$1$2、$3',
    ),
}

/** `text` with what separates each role word from an expected author's name made `gap`. */
function byName(text: string, page: PastedPage, gap: string): string {
  let out = text
  for (const name of page.expect.authors) {
    if (!/^\p{Script=Han}{2,4}$/u.test(name)) continue
    out = out.replace(new RegExp(`(${role})[ \\u3000]*(${name})`, 'gu'), `$1${gap}$2`)
  }
  return out
}

describe('the corpus printed another way', () => {
  const pages = pastedPages()

  for (const [name, vary] of Object.entries(VARIATIONS)) {
    it(`reads the same five fields with ${name}`, () => {
      let varied = 0
      const changed: string[] = []
      for (const page of pages) {
        const text = page.text.join('\n')
        const other = vary(text, page)
        if (other === text) continue
        varied++
        const want = fiveFields(page, text)
        const got = fiveFields(page, other)
        const fields = Object.keys(want).filter(
          (k) =>
            JSON.stringify(want[k as keyof typeof want]) !==
            JSON.stringify(got[k as keyof typeof got]),
        )
        if (fields.length) changed.push(`${page.name}: ${fields.join(', ')}`)
      }
      // The variation says something about the corpus: it changes some pages.
      expect(varied).toBeGreaterThan(0)
      expect(changed).toEqual([])
    })
  }
})

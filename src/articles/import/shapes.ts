/**
 * Inputs shaped to make a careless parser quadratic (a regex that backtracks over a long
 * run, a scan that restarts at every character), built at any size. The unit tests import
 * each at 1 MiB and check the answer; the benchmark times `importShape` on each. Not part of
 * the Worker: nothing in the request path imports this module.
 *
 * To time one: `const text = shapeText(name, bytes)`, then time `importShape(text)`.
 */
import { applyAnnotationChoice } from './annotation-choice'
import { importPlainText } from './plaintext'

/** A repeated unit, cut to at most `bytes` of UTF-8 (whole units only). */
function repeatTo(unit: string, bytes: number, prefix = '', suffix = ''): string {
  const size = (s: string) => new TextEncoder().encode(s).length
  const room = bytes - size(prefix) - size(suffix)
  return prefix + unit.repeat(Math.max(0, Math.floor(room / size(unit)))) + suffix
}

/** Each shape: a page of about `bytes` bytes whose one long run is the hard part. */
export const IMPORT_SHAPES: Record<string, (bytes: number) => string> = {
  /** `來源：` then a run of `]` (the old value trimming backtracked over it). */
  'source-brackets': (n) => repeatTo(']', n, '標題\n來源：', 'x\n\n正文。'),
  /** Spaces where a label may start (the old `^\s*[【\[]?\s*` traded spaces between runs). */
  'leading-spaces': (n) => repeatTo(' ', n, '標題\n', 'x\n\n正文。'),
  /** A label, then spaces with no colon. */
  'label-spaces': (n) => repeatTo(' ', n, '標題\n來源', 'x\n\n正文。'),
  /** An English byline whose names are separated by a run of spaces. */
  'byline-spaces': (n) => repeatTo(' ', n, 'Title\nBy Jane', 'Doe\n\nBody.'),
  /** A Latin author list with a run of spaces before a separator that never comes. */
  'author-spaces': (n) => repeatTo(' ', n, 'Title\nAuthor: Jane', 'x\n\nBody.'),
  /** Brackets after Han characters that never close. */
  'open-brackets': (n) => repeatTo('國(', n, '標題\n\n'),
  /** Annotations on every character. */
  annotations: (n) => repeatTo('國(guó)', n, '標題\n\n'),
  /** A date's year, then spaces before the 年 that would continue it. */
  'date-spaces': (n) => repeatTo(' ', n, '標題\n日期：2022', '年4月8日\n\n正文。'),
  /** Digits where a date is looked for. */
  'date-digits': (n) => repeatTo('2', n, '標題\n日期：', '\n\n正文。'),
  /** A tag that never closes, in the furniture zone. */
  'open-tag': (n) => repeatTo('a', n, '標題\n<span class="', '\n\n正文。'),
  /** Characters a broken encoding turned into `?`. */
  'question-marks': (n) => repeatTo('?', n, '標題\n'),
  /** A dateline whose byline brackets never close. */
  dateline: (n) => repeatTo('記者', n, '標題\n\n本報訊（'),
  /** Every line a furniture line: the zones are long, not the lines. */
  'furniture-lines': (n) => repeatTo('字體：大 中 小\n', n, '標題\n', '正文。'),
  /** Short lines, each a little different: the per-line work, a hundred thousand times. */
  'short-lines': (n) => {
    const lines: string[] = ['標題']
    for (let size = 0, i = 0; size < n - 32; i++) {
      const line = `字${i % 1000}`
      lines.push(line)
      size += new TextEncoder().encode(line).length + 1
    }
    return lines.join('\n')
  },
  /** Blank lines only. */
  'blank-lines': (n) => repeatTo('\n', n, '標題'),
  /** An ordinary page: title, metadata, furniture and paragraphs, the paragraphs repeated. */
  'news-page': (n) =>
    repeatTo(
      '　　經開區昨日舉辦「創新論壇」，逾百家企業代表出席，與會者表示前景可期。\n',
      n,
      '經開區舉辦創新論壇\n發布時間：2022年04月08日 10:30　來源：經開區管委會\n【打印】【關閉】\n\n',
      '\n掃描二維碼\n上一篇：市長視察經開區\n',
    ),
  /** One paragraph of 1 MiB, for the summary. */
  'one-paragraph': (n) => repeatTo('經開區舉辦論壇，', n, '標題\n\n　　本報訊　'),
}

/** Pages pasted as HTML, each about `bytes` bytes: the HTML import's hard parts. */
export const IMPORT_HTML_SHAPES: Record<string, (bytes: number) => string> = {
  /** A clipboard page whose story paragraphs are repeated: an ordinary page, only long. */
  'html-page': (n) =>
    repeatTo(
      '<p style="text-indent: 2em;">經開區昨日舉辦「創新論壇」，逾百家企業代表出席，與會者表示前景可期。</p>\n',
      n,
      '<html><body><!--StartFragment--><div class="crumb"><a href="/">首頁</a> &gt; <a href="/n">新聞</a></div>\n<h1>經開區舉辦創新論壇</h1>\n<div class="meta"><time datetime="2022-04-08T10:30:00+08:00">2022-04-08 10:30</time> 來源：經開區管委會</div>\n<article>',
      '</article><ul class="related"><li><a href="/1">上一篇</a></li></ul><!--EndFragment--></body></html>',
    ),
  /** One paragraph of text of 1 MiB. */
  'html-one-paragraph': (n) => repeatTo('經開區舉辦論壇，', n, '<h1>標題</h1><p>', '</p>'),
  /** Blocks inside one another, past the depth bound. */
  'html-nested-divs': (n) => repeatTo('<div>', n, '<h1>標題</h1>'),
  /** Line breaks in one block: one line each, past the element bound. */
  'html-br-lines': (n) => repeatTo('字<br>', n, '<h1>標題</h1><p>', '</p>'),
  /** Readings on every character of one paragraph. */
  'html-ruby': (n) =>
    repeatTo('<ruby>國<rp>(</rp><rt>guó</rt><rp>)</rp></ruby>', n, '<h1>標題</h1><p>', '</p>'),
}

/** The HTML page of shape `name` at about `bytes` bytes. */
export function htmlShapeText(name: string, bytes: number): string {
  const shape = IMPORT_HTML_SHAPES[name]
  if (!shape) throw new RangeError(`no HTML import shape "${name}"`)
  return shape(bytes)
}

/** The text of shape `name` at about `bytes` bytes. */
export function shapeText(name: string, bytes: number): string {
  const shape = IMPORT_SHAPES[name]
  if (!shape) throw new RangeError(`no import shape "${name}"`)
  return shape(bytes)
}

/**
 * Runs a text through everything the import path does with it: the plain-text import, and
 * the annotation choice the JSON API applies to `content_text`. Returns the import's answer.
 */
export function importShape(text: string, timeZone = 'Asia/Taipei') {
  const imported = importPlainText(text, 'text', timeZone)
  applyAnnotationChoice({ title: 'x', content_text: text })
  return imported
}

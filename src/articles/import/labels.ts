/**
 * The labels of metadata lines (`發布時間：`, `来源：`, `撰文：`, `Updated`), and the field each
 * one fills. A label not in this table is still read as a label, by its shape (a short run of
 * letters before a colon, above or below the story), and reported as `other`; only these fill
 * the article's fields. Editors (`責任編輯`) and photographers are reported, never authors.
 * `labels` finds them on a line: each read from a bounded stretch, so a line costs linear time.
 */

export type LabelField =
  | 'published'
  | 'updated'
  | 'source'
  | 'author'
  | 'editor'
  | 'photographer'
  | 'views'
  | 'keywords'
  | 'other'

/** Each field's labels, Traditional and Simplified, separated by `|`. */
const TABLE: [LabelField, string][] = [
  [
    'published',
    '發布時間|发布时间|發佈時間|發表時間|发表时间|發布日期|发布日期|發佈日期|發表日期|发表日期|公布日期|公佈日期|刊登日期|刊出日期|上稿時間|上稿日期|發稿時間|发稿时间|見報日期|出版時間|出版|發布|发布|發佈|時間|时间|日期|Published|Posted|Date|Published on|Posted on',
  ],
  [
    'updated',
    '更新時間|更新时间|更新日期|最後更新|最后更新|修改時間|修改时间|修訂日期|修订日期|更新|Updated|Last updated|Modified',
  ],
  [
    'source',
    '來源|来源|資料來源|资料来源|信息來源|信息来源|消息來源|消息来源|新聞來源|新闻来源|稿源|出處|出处|發文機關|发文机关|發布機構|发布机构|發布單位|发布单位|來源單位|来源单位|供稿單位|供稿单位|Source',
  ],
  [
    'author',
    '作者|記者|记者|撰文|撰稿|撰稿人|文字|報道|报道|報導|报导|採訪|采访|文|Author|Authors|Reporter|Writer',
  ],
  [
    'editor',
    '責任編輯|责任编辑|值班編輯|值班编辑|圖片編輯|图片编辑|責編|责编|編輯|编辑|編譯|编译|校對|校对|審核|审核|審校|审校|監製|监制|終審|终审|美編|美编|翻譯|翻译|Editor|Edited by',
  ],
  ['photographer', '攝影|摄影|圖片|图片|圖|图|Photo|Photos|Photographer'],
  [
    'views',
    '瀏覽次數|浏览次数|閱讀次數|阅读次数|點擊數|点击数|點擊量|点击量|閱讀數|阅读数|閱讀量|阅读量|瀏覽量|浏览量|訪問量|访问量|點閱數|人氣|人气|Views',
  ],
  [
    'keywords',
    '關鍵字|关键字|關鍵詞|关键词|標籤|标签|相關字詞|相关字词|相關標籤|相关标签|主題分類|主题分类|Tags|Keywords',
  ],
]

const FIELD = new Map(
  TABLE.flatMap(([field, labels]) =>
    labels.split('|').map((l) => [l.toLowerCase(), field] as const),
  ),
)

/** The field a label fills, by its text with spaces taken out (`標　　題` is `標題`). */
export function labelField(label: string): LabelField | undefined {
  return FIELD.get(label.replace(/[\s\u3000]+/g, ' ').toLowerCase())
}

/** Labels that may be written with a slash instead of a colon: `文／`, `发布/`, `圖／`. */
const SLASH_LABELS = new Set(
  '文 圖 图 攝影 摄影 撰文 發布 发布 發佈 更新 出版 來源 来源'.split(' '),
)

/** True for a label that may take a slash for its colon. */
function takesSlash(label: string): boolean {
  return SLASH_LABELS.has(label)
}

/** English labels that may be followed by their value without a colon: `Published Mar 5`. */
const BARE_LABELS = ['Published', 'Updated', 'Posted', 'Last updated']

const COLONS = ':：﹕'
const SLASHES = '/／'
/** Where a label may start: the line's start, or after a space, bar or bracket. */
const LABEL_BEFORE = /[\s\u3000|｜丨│【[（(·・,，]/
const LABEL_LETTER = /[\p{L}]/u

/** A label starting at `at`: its text, and where its value starts; undefined when none. */
function labelAt(
  text: string,
  at: number,
): { label: string; field: LabelField | 'other'; valueAt: number } | undefined {
  let i = at
  if (text[i] === '【' || text[i] === '[') i++
  const start = i
  let letters = 0
  while (i < text.length && i - start < 16) {
    const ch = text[i]!
    if (LABEL_LETTER.test(ch)) letters++
    else if (!((ch === ' ' || ch === '\u3000') && letters > 0)) break
    i++
  }
  const raw = text.slice(start, i).trimEnd()
  if (!letters) return undefined
  // Spaces inside a label only spread it out, one character at a time: `標　　題`, `有  效  性`.
  const segments = raw.split(/[ \u3000]+/)
  const latinWords = /^[A-Za-z ]+$/.test(raw) && segments.length <= 3
  if (segments.length > 1 && !latinWords && segments.some((s) => [...s].length > 1))
    return undefined
  let label = latinWords ? raw.replace(/\s+/g, ' ') : segments.join('')
  // `Published Mar 5, 2024`: an English label the date follows without a colon.
  const bare = latinWords && BARE_LABELS.find((b) => label.startsWith(b + ' '))
  if (bare && !labelField(label)) label = bare
  let j = start + (bare && label === bare ? bare.length : raw.length)
  while (text[j] === ' ' || text[j] === '\u3000') j++
  const field = labelField(label)
  const sep = text[j]
  if (sep && COLONS.includes(sep)) {
    if (field) return { label, field, valueAt: j + 1 }
    const han = /^[\p{Script=Han}]{2,8}$/u.test(label)
    const latin = /^[A-Za-z]+(?: [A-Za-z]+)?$/.test(label)
    return han || latin ? { label, field: 'other', valueAt: j + 1 } : undefined
  }
  if (sep && SLASHES.includes(sep) && takesSlash(label)) {
    // `文／圖　記者…`: the credit names two jobs before its names.
    const both = /^\s{0,2}(?:圖|图|文|攝影|摄影)(?=[\s\u3000:：])/.exec(text.slice(j + 1))
    return { label, field: field!, valueAt: j + 1 + (both?.[0].length ?? 0) }
  }
  if (field && BARE_LABELS.includes(label) && j > start + label.length) {
    return { label, field, valueAt: j }
  }
  return undefined
}

/** Every label on the line, in order. */
export function labels(text: string) {
  const found: { at: number; label: string; field: LabelField | 'other'; valueAt: number }[] = []
  for (let at = 0; at < text.length; at++) {
    if (at > 0 && !LABEL_BEFORE.test(text[at - 1]!) && !isDigit(text[at - 1]!)) continue
    const label = labelAt(text, at)
    if (!label) continue
    found.push({ at, ...label })
    at = label.valueAt - 1
  }
  return found
}

const isDigit = (ch: string) => ch >= '0' && ch <= '9'

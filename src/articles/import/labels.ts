/**
 * The labels of metadata lines (`發布時間：`, `来源：`, `撰文：`, `Updated`), and the field each
 * one fills. A label not in this table is still read as a label, by its shape (a short run of
 * letters before a colon, above or below the story), and reported as `other`; only these fill
 * the article's fields. Editors (`責任編輯`), photographers and press contacts (`新聞聯絡人`) are
 * reported, never authors.
 * `labels` finds them on a line: each read from a bounded stretch, so a line costs linear time.
 */
import { isOrganisation, isPersonName, isShortName } from './byline'
import { foldScript } from '../script-fold'

export type LabelField =
  | 'published'
  | 'updated'
  | 'source'
  | 'author'
  | 'editor'
  | 'photographer'
  | 'views'
  | 'keywords'
  | 'contact'
  | 'other'

/** Each field's labels, Traditional and Simplified, separated by `|`. */
const TABLE: [LabelField, string][] = [
  [
    'published',
    '發布時間|发布时间|發佈時間|發表時間|发表时间|發布日期|发布日期|發佈日期|發表日期|发表日期|公布日期|公佈日期|刊登日期|刊出日期|刊登|刊出|上稿時間|上稿日期|發稿時間|发稿时间|發稿日期|发稿日期|見報日期|出版時間|出版时间|出版日期|出版|發布|发布|發佈|發表|发表|時間|时间|日期|Published|Posted|Date|Published on|Posted on|輸入|输入|掲載日|公開日|投稿日|Diterbitkan|Diterbitkan pada|Diposting pada|Dipublikasikan|Tarikh|Tanggal|โพสต์เมื่อ|เผยแพร่|เผยแพร่เมื่อ|วันที่',
  ],
  [
    'updated',
    '更新時間|更新时间|更新日期|最後更新|最后更新|修改時間|修改时间|修訂日期|修订日期|更新|修改|已更新|最終更新日|更新日|Updated|Updated on|Last updated|Modified|Dikemaskini|Diperbarui|อัปเดต',
  ],
  [
    'source',
    '來源|来源|來源於|来源于|公告單位|公告单位|文章來源|文章来源|資料來源|资料来源|信息來源|信息来源|消息來源|消息来源|新聞來源|新闻来源|稿源|出處|出处|發文機關|发文机关|發布機關|发布机关|發布機構|发布机构|發布單位|发布单位|發佈部門|發布部門|发布部门|發稿單位|发稿单位|來源單位|来源单位|供稿單位|供稿单位|供稿|稿件來源|稿件来源|轉載來源|转载来源|原文來源|原文来源|內容來源|内容来源|新聞引據|新闻引据|媒體來源|媒体来源|Source|Sumber',
  ],
  [
    'author',
    '作者|原作者|故事作者|記者署名|记者署名|撰文者|撰稿者|執筆者|执笔者|撰稿編輯|撰稿编辑|專欄作者|专栏作者|專欄作家|专栏作家|特約撰稿人|特约撰稿人|特約作者|特约作者|客席作者|記者|记者|通訊員|通讯员|特約記者|特约记者|見習記者|见习记者|實習記者|实习记者|實習生|实习生|執筆|执笔|撰寫|撰写|撰文|撰稿|撰稿人|主笔|主筆|采写|採寫|文字|文字記者|文字记者|報道|报道|報導|报导|採訪|采访|文|由|小記者|小记者|學生記者|学生记者|校園記者|校园记者|公民記者|公民记者|Author|Authors|Reporter|Writer|Penulis|Wartawan|Oleh|ผู้เขียน',
  ],
  [
    'editor',
    '責任編輯|责任编辑|值班編輯|值班编辑|圖片編輯|图片编辑|責編|责编|編輯|编辑|編譯|编译|校對|校对|審核|审核|審校|审校|監製|监制|終審|终审|編審|编审|初審|初审|複審|复审|二審|二审|三審|三审|審簽|审签|簽發|签发|複核|复核|監審|监审|校審|校审|責任校對|责任校对|值班主任|美編|美编|翻譯|翻译|Editor|Edited by|Penyunting|Editor Berita',
  ],
  [
    'photographer',
    '攝影|摄影|攝影記者|摄影记者|攝像|摄像|攝像記者|摄像记者|攝|摄|圖片|图片|圖|图|Photo|Photos|Photographer',
  ],
  [
    'views',
    '瀏覽次數|浏览次数|觀看次數|观看次数|瀏覽數|浏览数|瀏覽|浏览|閱讀次數|阅读次数|閱讀|阅读|點擊數|点击数|點擊量|点击量|閱讀數|阅读数|閱讀量|阅读量|瀏覽量|浏览量|訪問量|访问量|點閱數|人氣|人气|Views|Dibaca|อ่าน|เข้าชม',
  ],
  [
    'contact',
    '新聞聯絡人|新闻联络人|新聞聯繫人|新闻联系人|媒體聯絡人|媒体联络人|聯絡人|联络人|聯繫人|联系人|發言人|发言人|Media contact|Media enquiries|Contact',
  ],
  [
    'keywords',
    '關鍵字|关键字|關鍵詞|关键词|標籤|标签|相關字詞|相关字词|相關標籤|相关标签|主題分類|主题分类|Tags|Keywords',
  ],
]

/** Labels by their Simplified spelling, so that any mix of scripts is read (`發佈機構`, `发布機構`). */
const FIELD = new Map(
  TABLE.flatMap(([field, labels]) =>
    labels.split('|').map((l) => [foldScript(l.toLowerCase()), field] as const),
  ),
)

/** An outlet's name before a label: `界面新闻记者`, `新京报编辑`, `本報記者`, `大河报·豫视频记者`. */
const OUTLET_BEFORE =
  /^(?:本[報报]|[\p{Script=Han}]{1,8}?(?:新聞|新闻|日報|日报|時報|时报|晚報|晚报|早報|早报|社|報|报|網|网|台)(?:[·・]?[\p{Script=Han}A-Za-z0-9]{2,8}?(?=(?:首席|特约|特約|见习|見習|实习|實習|全媒体|全媒體)?(?:记者|記者|编辑|編輯|通讯员|通訊員)))?)(?=.)/u

/**
 * The field a label fills, by its text with spaces taken out (`標　　題` is `標題`), with 于
 * after it (`发布于`), or with an outlet's name before it (`界面新闻记者` is `记者`).
 */
export function labelField(label: string): LabelField | undefined {
  const key = folded(label.replace(/[\s\u3000]+/g, ' ').toLowerCase())
  const field = FIELD.get(key)
  if (field) return field
  // `发布于：`, `更新於：`: a label as a phrase, with 于 (on) after it.
  if (/^\p{Script=Han}{2,6}[于於]$/u.test(key)) return FIELD.get(key.slice(0, -1))
  const outlet = OUTLET_BEFORE.exec(key)
  if (outlet) return FIELD.get(key.slice(outlet[0].length))
  // `文告来源：`: what came from where, before 来源, is where the page came from (a picture's
  // source is not).
  if (SOURCE_OF.test(key)) return 'source'
  // `網上刊登：`, `线上发布：`: where it was published, before the word for publishing.
  const online = ONLINE.exec(key)
  if (online) return FIELD.get(key.slice(online[0].length))
  // `每经记者`, `中青网编辑`: a newsroom's short name before a reporter's or an editor's role.
  const role = SHORT_NAME_ROLE.exec(key)
  return role && isShortName(key.slice(0, -role[1]!.length)) ? FIELD.get(role[1]!) : undefined
}
/** Labels folded to Simplified, remembered: a page asks about the same few words again and again. */
const FOLDED = new Map<string, string>()
/** The most folded labels remembered at once. */
const FOLDED_LABELS = 4_096

function folded(label: string): string {
  let key = FOLDED.get(label)
  if (key === undefined) {
    if (FOLDED.size >= FOLDED_LABELS) FOLDED.clear()
    key = foldScript(label)
    FOLDED.set(label, key)
  }
  return key
}

/** A thing's source (folded to Simplified): `文告来源`, but not `图片来源`. */
const SOURCE_OF = /^(?!.*(?:图|照片|影像|视频|音频))\p{Script=Han}{1,4}来源$/u
/** Where a page was published, before a label (folded to Simplified): `網上刊登`, `线上发布`. */
const ONLINE = /^(?:网上|线上|网路|网络|在线)(?=.)/u
/** A short name, not itself a kind of work, before 记者 or 编辑. */
const SHORT_NAME_ROLE =
  /^(?!摄影|攝影|摄像|攝像|图片|圖片|视频|視頻|文字|美术|美術)\p{Script=Han}{2,4}?(记者|記者|编辑|編輯)$/u

/** The outlet a label opens with (`红星新闻记者` is 红星新闻's), not `本報`, which names none. */
export function labelOutlet(label: string): string | undefined {
  const outlet = OUTLET_BEFORE.exec(label.replace(/[\s\u3000]+/g, ''))?.[0]
  return outlet && !/^本[報报]$/.test(outlet) ? outlet : undefined
}

/** Labels that may be written with a slash (or a dot) instead of a colon: `文／`, `发布/`, `圖・`. */
const SLASH_LABELS = new Set(
  '文 圖 图 攝影 摄影 撰文 發布 发布 發佈 更新 出版 來源 来源 責任編輯 责任编辑 編輯 编辑'.split(
    ' ',
  ),
)

/** True for a label that may take a slash for its colon. */
function takesSlash(label: string): boolean {
  return SLASH_LABELS.has(label)
}

/**
 * English labels that may be followed by their value without a colon: `Published Mar 5`,
 * `Posted on June 3`; longest first.
 */
const BARE_LABELS = [
  'Published on',
  'Posted on',
  'Diposting pada',
  'Diterbitkan pada',
  'Last updated',
  'Updated on',
  'Published',
  'Updated',
  'Posted',
]

/** Colons, as pages print them: ASCII, full-width, small, and the vertical form (`文︰何詠琪`). */
const COLONS = ':：﹕︰'
/** True for a colon; a line's end is none (`''.includes` would say it is). */
const isColon = (ch: string | undefined) => !!ch && COLONS.includes(ch)
/** Labels read only before a colon. */
const COLON_ONLY = new Set(
  // A reporter's role before a name is a byline's own grammar (byline.ts) without its colon.
  (
    '由 通訊員 通讯员 特約記者 特约记者 見習記者 见习记者 實習記者 实习记者 實習生 实习生 執筆 执笔 ' +
    '撰寫 撰写 主笔 主筆'
  ).split(' '),
)
const SLASHES = '/／'
/**
 * What a label this service reads may take for its colon: `来源｜…`, `作者, …` (BBC), a tab
 * (`發佈機構` and `衛生局` in a table's cells, copied as text).
 */
const KNOWN_SEPARATORS = '|｜丨,，\t'
/**
 * Where a label may start: the line's start, or after a space, bar, dot, bracket, semicolon or
 * slash (`撰稿：林佳穎／攝影：黃柏翰`).
 */
const LABEL_BEFORE = /[\s\u3000|｜丨│【[（(·・．.,，；;/／]/
/** A label's letters: Thai's vowel and tone marks (`โพสต์เมื่อ`) are marks, not letters. */
const LABEL_LETTER = /[\p{L}\p{M}]/u

/** A label starting at `at`: its text, and where its value starts; undefined when none. */
function labelAt(
  text: string,
  at: number,
): { label: string; field: LabelField | 'other'; valueAt: number; spaced?: true } | undefined {
  let i = at
  if (text[i] === '【' || text[i] === '[') i++
  const start = i
  let letters = 0
  // Long enough for a bilingual label: `发布时间 Release Date`.
  while (i < text.length && i - start < 24) {
    const ch = text[i]!
    // `文丨周默`: 丨 is a Han character, but pages print it as a bar.
    if (LABEL_LETTER.test(ch) && ch !== '丨') letters++
    // `大河报·豫视频记者`: a paper and its app, joined by a dot, before the role (a label before a
    // dot is one of two jobs: `撰稿‧編輯：`, jointLabel's).
    else if (
      (ch === '·' || ch === '・') &&
      letters > 0 &&
      LABEL_LETTER.test(text[i + 1] ?? '') &&
      !labelField(text.slice(start, i))
    ) {
      letters++
    } else if (!((ch === ' ' || ch === '\u3000') && letters > 0)) break
    i++
  }
  const raw = text.slice(start, i).trimEnd()
  if (!letters) return undefined
  // Spaces inside a label only spread it out, one character at a time: `標　　題`, `有  效  性`.
  const segments = raw.split(/[ \u3000]+/)
  // `撰文 Text：`, `發佈日期 Date:`: a bilingual label is read by its Chinese half.
  const bilingual = /^(\p{Script=Han}{1,8})[ \u3000]+[A-Za-z]+(?: [A-Za-z]+)?$/u.exec(raw)?.[1]
  const bilingualField = bilingual && labelField(bilingual)
  // `Tel 電話:`, `Email 電郵:`: or by its Chinese half after the English one, a label of its own
  // (set apart from what comes before it: `51.CA  作者：` is no label `CA 作者`).
  const apart = start === 0 || /[\s\u3000|｜]/.test(text[start - 1]!)
  const chinese = apart
    ? /^[A-Za-z]+(?: [A-Za-z]+)?[ \u3000]+(\p{Script=Han}{1,8})$/u.exec(raw)?.[1]
    : undefined
  if (bilingualField || chinese) {
    let colon = start + raw.length
    while (text[colon] === ' ' || text[colon] === '\u3000') colon++
    if (isColon(text[colon])) {
      if (bilingualField) return { label: bilingual, field: bilingualField, valueAt: colon + 1 }
      return { label: chinese!, field: labelField(chinese!) ?? 'other', valueAt: colon + 1 }
    }
  }
  const latinWords = /^[A-Za-z ]+$/.test(raw) && segments.length <= 3
  if (segments.length > 1 && !latinWords && segments.some((s) => [...s].length > 1)) {
    return spacedLabel(text, start, segments[0]!)
  }
  let label = latinWords ? raw.replace(/\s+/g, ' ') : segments.join('')
  // `Published Mar 5, 2024`: an English label the date follows without a colon.
  // `PUBLISHED ON May 19, 2025`: in capitals too.
  const bare =
    latinWords && BARE_LABELS.find((b) => label.toLowerCase().startsWith(b.toLowerCase() + ' '))
  if (bare && !labelField(label)) label = bare
  let j = start + (bare && label === bare ? bare.length : raw.length)
  while (text[j] === ' ' || text[j] === '\u3000') j++
  const field = labelField(label)
  const sep = text[j]
  // `报道/摄影：郭明辉`: two jobs before one colon, joined by a dot or (where the first job
  // takes no slash of its own, as `文／` does) a slash.
  const joins = sep && (JOINED_ROLES.includes(sep) || (SLASHES.includes(sep) && !takesSlash(label)))
  const joined = joins && field ? jointLabel(text, j, label, field) : undefined
  if (joined) return joined
  // `http://www.crntt.com`: an address's scheme, not a label.
  if (sep === ':' && text.startsWith('//', j + 1)) return undefined
  // `由：吳若凡` (RFI's "by"): a word too common to be a label without its colon.
  if (COLON_ONLY.has(label) && !isColon(sep)) return undefined
  if (isColon(sep)) {
    if (field) return { label, field, valueAt: j + 1 }
    const han = /^[\p{Script=Han}]{2,8}$/u.test(label)
    // An unknown label is one Latin word: in `Source: CRI Online   Editor: Zhang Wei` the label
    // is `Editor`, not `Online Editor`, and its value's words stay with the value before it.
    const latin = /^[A-Za-z]+$/.test(label)
    return han || latin ? { label, field: 'other', valueAt: j + 1 } : undefined
  }
  if (sep && field && KNOWN_SEPARATORS.includes(sep)) {
    return { label, field, valueAt: j + 1 }
  }
  // `文・江培倫　圖・莊詠晴`: a dot, as magazines print it, where no second job follows.
  if (sep && (SLASHES.includes(sep) || DOTS.includes(sep)) && takesSlash(label)) {
    // `文／圖　記者…`, `文/图：国际日报记者 许美玲`: the credit names two jobs before its names.
    const both = /^\s{0,2}(?:圖|图|文|攝影|摄影)(?:\s*[:：]|(?=[\s\u3000）)】\]]|$))/.exec(
      text.slice(j + 1),
    )
    return { label, field: field!, valueAt: j + 1 + (both?.[0].length ?? 0) }
  }
  if (field && BARE_LABELS.includes(label) && j > start + label.length) {
    return { label, field, valueAt: j }
  }
  return spacedLabel(text, start, label)
}

/**
 * Dots that join two roles one person did (`撰稿‧編輯`, `攝影·撰文`), or stand for a colon
 * (`文・江培倫`).
 */
const DOTS = '‧·・'
/** What joins two jobs' labels before one colon: a dot, or `、` (`文、图：`). */
const JOINED_ROLES = DOTS + '、'

/**
 * Two labels joined by a dot or a `、` before one colon (`撰稿‧編輯：林雅雯`, `文、图：李慧敏`): one
 * person did both jobs,
 * and the writer's job is the one that counts.
 */
function jointLabel(
  text: string,
  dot: number,
  first: string,
  field: LabelField,
): { label: string; field: LabelField; valueAt: number } | undefined {
  const second = /^\p{L}{1,6}/u.exec(text.slice(dot + 1, dot + 8))?.[0]
  const colon = dot + 1 + (second?.length ?? 0)
  // `文、攝影／王怡蓁`: a slash for the colon, where the first job takes one (`文／`).
  const colonLike =
    isColon(text[colon]) || (SLASHES.includes(text[colon] ?? '') && takesSlash(first))
  const other = second && colonLike ? labelField(second) : undefined
  if (!other) return undefined
  const both: LabelField = field === 'author' || other === 'author' ? 'author' : field
  return { label: first + text[dot] + second, field: both, valueAt: colon + 1 }
}

/**
 * A label printed with a space for its colon (`编辑 何晓 校对 郑宇`, `来源于 财新网`, `阅读 3.2万`):
 * read only when what follows is what that label names (a person's name, an organisation, a
 * count), since a space after a word is otherwise just a space. Dates are read with their own
 * labels (metadata.ts), where the date says so.
 */
function spacedLabel(
  text: string,
  start: number,
  label: string,
): { label: string; field: LabelField; valueAt: number; spaced: true } | undefined {
  const field = labelField(label)
  if (COLON_ONLY.has(label)) return undefined
  const after = start + label.length
  const space = /^[ \u3000]{1,3}/.exec(text.slice(after, after + 3))
  if (!field || !space) return undefined
  const valueAt = after + space[0].length
  const token = /^[^\s\u3000|｜丨│,，、]{1,16}/.exec(text.slice(valueAt, valueAt + 16))?.[0] ?? ''
  // `作者 Hannah Whitford`: a Latin name is two words.
  const latin = /^\p{Lu}[\p{L}'’.-]*\s\p{Lu}[\p{L}'’.-]*/u.exec(
    text.slice(valueAt, valueAt + 40),
  )?.[0]
  const fits =
    field === 'author' || field === 'editor' || field === 'photographer'
      ? isPersonName(token) || (latin !== undefined && isPersonName(latin))
      : field === 'views'
        ? /^\d/.test(token)
        : field === 'source'
          ? token.startsWith('《') || isOrganisation(token)
          : false
  return fits ? { label, field, valueAt, spaced: true } : undefined
}

/** Every label on the line, in order. */
export function labels(text: string) {
  const found: { at: number; label: string; field: LabelField | 'other'; valueAt: number }[] = []
  for (let at = 0; at < text.length; at++) {
    if (at > 0 && !LABEL_BEFORE.test(text[at - 1]!) && !isDigit(text[at - 1]!)) continue
    const label = labelAt(text, at)
    if (!label) continue
    // `文／圖　記者 林美華`: a word right after a label is its value, whatever it looks like.
    const previous = found.at(-1)
    if (label.spaced && previous && text.slice(previous.valueAt, at).trim() === '') continue
    // `撰稿：林佳穎／攝影：黃柏翰`: after a slash, a label follows a value (in `文/广州日报新花城记者：`
    // the slash is the first label's own).
    if (at > 0 && SLASHES.includes(text[at - 1]!)) {
      if (!previous || text.slice(previous.valueAt, at - 1).trim() === '') continue
    }
    const { spaced: _, ...read } = label
    found.push({ at, ...read })
    at = label.valueAt - 1
  }
  return found
}

const isDigit = (ch: string) => ch >= '0' && ch <= '9'

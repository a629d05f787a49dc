/**
 * Chinese stories name their reporters in the dateline rather than on an author line:
 *
 *   本報訊（記者 王小明 通訊員 李四）…        荊州網訊（全媒體記者 趙六）…
 *   新華社北京4月7日電（記者張三、李四）…     中新網上海4月8日電 (記者 陳靜)…
 *   文／圖　記者 林美華                         (a line of its own)
 *
 * The dateline stays in the text; its names become authors, with their roles (記者,
 * 全媒體記者, 通訊員, 實習生...) stripped. Only the first DATELINE_CHARS characters of a
 * paragraph are read, so the work per article is bounded.
 */
import { DATELINE_CHARS } from './limits'
import { readsAsSentence } from './sentence'

/** Roles that precede reporters' names, longest first so 全媒體記者 is not read as 記者. */
const ROLES = [
  '全媒體記者',
  '全媒体记者',
  '融媒體記者',
  '融媒体记者',
  '本報記者',
  '本报记者',
  '特約記者',
  '特约记者',
  '見習記者',
  '见习记者',
  '實習記者',
  '实习记者',
  '首席記者',
  '首席记者',
  '攝影記者',
  '摄影记者',
  '通訊員',
  '通讯员',
  '實習生',
  '实习生',
  '記者',
  '记者',
].sort((a, b) => b.length - a.length)

/**
 * Where a story says where it comes from: `本報訊`, `荊州網訊`, `央視網消息`, or a wire
 * service's place and date, `新華社北京4月7日電`, `中新網上海4月8日電`.
 */
const DATELINE =
  /^(?:本(?:報|报|刊|台|網|网|站)?(?:訊|讯)|[\p{Script=Han}A-Za-z]{1,10}(?:網|网|社|報|报|台|站|端)(?:訊|讯|消息)|[\p{Script=Han}A-Za-z]{1,10}(?:社|網|网|報|报|台)[\p{Script=Han}]{0,8}(?:\d{1,2}月)?\d{1,2}日(?:電|电))/u
const BRACKETS = /^[ \t\u3000]*[（(]([^（）()]{1,60})[）)]/
/** A credit line of its own: `文／圖　記者 林美華`, `文/图 记者 王小明`. */
const CREDIT =
  /^(?:文|圖|图|攝影|摄影)(?:\s*[／/、]\s*(?:文|圖|图|攝影|摄影))*(?:\s*[:：]\s*|[\s\u3000]+)/
const SEPARATORS = /^[\s\u3000、，,;；:：/／]+/
const NAME = /^[\p{Script=Han}·•]{2,8}/u
/** Words that may close a byline after the names: `（記者 王小明 報道）`. */
const CLOSING_WORDS = ['報道', '报道', '報導', '报导']
const CLOSING = /^(?:報道|报道|報導|报导|攝|摄)$/
/** Where a name ends when nothing separates it from what follows. */
const STOPS = [...ROLES, ...CLOSING_WORDS]

export interface Dateline {
  /** The reporters named, roles stripped; empty when the brackets hold no byline. */
  authors: string[]
  /** Index just after the dateline and its byline: where the story's first sentence starts. */
  end: number
  /** True when the whole paragraph is a credit line (`文／圖　記者 林美華`). */
  credit: boolean
}

/** The dateline at the start of a paragraph, or undefined when it has none. */
export function readDateline(paragraph: string): Dateline | undefined {
  const head = paragraph.slice(0, DATELINE_CHARS)
  const credit = CREDIT.exec(head)
  if (credit && paragraph.length <= 60 && !readsAsSentence(paragraph)) {
    const authors = bylineNames(paragraph.slice(credit[0].length), false)
    if (authors?.length) return { authors, end: paragraph.length, credit: true }
  }
  const place = DATELINE.exec(head)
  if (!place) return undefined
  let end = place[0].length
  let authors: string[] = []
  const brackets = BRACKETS.exec(head.slice(end))
  const gap = (at: number) => SEPARATORS.exec(paragraph.slice(at, at + 20))?.[0].length ?? 0
  // A dateline is set apart from the story (`本報訊　`, `電（記者…）`); `本報訊息…` is not one.
  if (!brackets && gap(end) === 0 && end < paragraph.length) return undefined
  if (brackets) {
    const names = bylineNames(brackets[1]!, true)
    if (names) authors = names
    end += brackets[0].length
  }
  end += gap(end)
  return { authors, end, credit: false }
}

/**
 * The names in a byline such as `記者 王小明 通訊員 李四` or `記者張三、李四`, or undefined
 * when it is not one (no role before the first name, or something that is not a name).
 * `needRole`: a credit line may name its reporter without a role (`文／圖　林美華`).
 */
function bylineNames(byline: string, needRole: boolean): string[] | undefined {
  const names: string[] = []
  let rest = byline.trim()
  let sawRole = false
  while (rest) {
    const gap = SEPARATORS.exec(rest)
    if (gap) rest = rest.slice(gap[0].length)
    if (!rest) break
    const role = ROLES.find((r) => rest.startsWith(r))
    if (role) {
      sawRole = true
      rest = rest.slice(role.length)
      continue
    }
    if (needRole && !sawRole) return undefined
    const name = readName(rest)
    if (!name) return undefined
    rest = rest.slice(name.length)
    if (!CLOSING.test(name)) names.push(name)
  }
  return names.length ? names : undefined
}

/** A name at the start of `text`, up to the next role or separator. */
function readName(text: string): string | undefined {
  const run = NAME.exec(text)?.[0]
  if (!run) return undefined
  // `記者王小明通訊員李四`, `王小明報道`: a name ends where the next role or word starts.
  for (let i = 2; i < run.length; i++) {
    if (STOPS.some((r) => run.startsWith(r, i))) return run.slice(0, i)
  }
  return run
}

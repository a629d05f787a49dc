/**
 * Chinese stories name their reporters where the story starts rather than on an author line:
 *
 *   本報訊（記者 王小明 通訊員 李四）…        新華社北京4月7日電（記者張三、李四）…
 *   （中央社記者林美華台北2日電）…            〔記者王小明／台北報導〕…   【财新网】…
 *   （新山5日讯）…   【明報專訊】…            文／圖　記者 林美華   (a line of its own)
 *
 * The dateline stays in the text; its names become authors. The pieces (outlet, place, day,
 * kind of report, roles, names) are read by byline.ts's table; this module knows only where a
 * dateline sits: at the very start of the story, unbracketed (`本報訊`, `新華社…電`) and then
 * perhaps a byline in brackets, or wholly in brackets of any kind. Only the first
 * DATELINE_CHARS characters are read, so the work per article is bounded.
 */
import { isNewsroomShortName, isOutlet, isPersonName, readByline, type Byline } from './byline'
import { NEWS_WORDS, ROLES } from './byline-words'
import { findDate } from './dates'
import { DATELINE_CHARS } from './limits'
import { readsAsSentence } from './sentence'

export interface Dateline {
  /** The reporters named; empty when the dateline names nobody. */
  authors: string[]
  /** Index just after the dateline and its byline: where the story's first sentence starts. */
  end: number
  /** True when the whole paragraph is a credit line (`文／圖　記者 林美華`). */
  credit: boolean
  /** The wire service of a wire dateline (`新華社…電`, `中央社記者…電`), which is the source. */
  wire?: string
  /** The newsroom a dateline names as its own (`【明報專訊】`, `荊州網訊`): the source, failing all else. */
  outlet?: string
  /**
   * A short name before the day and 讯 (`虎扑03月12日讯`): a newsroom's, or a place's (`新山5日讯`);
   * the page tells which, by printing it as its masthead.
   */
  named?: string
}

/**
 * A newsroom's own dateline (`本報訊`, `荊州網訊`, `1905电影网讯`, `长江日报-长江网讯`: a paper
 * and its site), a place and day (`…4月7日電`, a wire's; `…10月9日消息`, the newsroom's;
 * `…7月10日16时20分讯`; `吉隆坡3日电 -- `, a wire's that names no agency), or a short name and
 * `讯`, perhaps with its day between, followed by a space or a bracket (`南都讯 `, `虎扑03月12日讯 `),
 * which `最新消息，` is not; a name and `讯`
 * before a comma (`证券时报e公司讯，`), which a word ending in 讯 is not (NEWS_WORDS: `快讯，`,
 * `通讯，`); or a place and a dash, as wires abroad print it (`華盛頓 — `).
 */
const DATELINE =
  /^(?:(本(?:報|报|刊|台|網|网|站)?(?:\p{Script=Han}{2,6}?)?|(?:[\p{Script=Han}A-Za-z]{1,10}?(?:網|网|社|報|报|台|站|端|媒體|媒体|云|雲)[-－·・/／])?(?:\d{2,4}(?=\p{Script=Han}))?[\p{Script=Han}A-Za-z]{1,10}?(?:網|网|社|報|报|台|站|端|媒體|媒体))(?:訊|讯|消息|專訊|专讯)|((?:[\p{Script=Han}A-Za-z]{1,10}?(?:社|網|网|報|报|台|端)[-－·・、])?[\p{Script=Han}A-Za-z]{1,10}?(?:社|網|网|報|报|台|端))[\p{Script=Han}]{0,8}?(?:\d{1,2}月)?\d{1,2}日(?:\d{1,2}[时時](?:\d{1,2}分)?)?(電|电|消息|訊|讯)|[\p{Script=Han}]{2,6}?(?:\d{1,2}月)?\d{1,2}日(?:電|电)(?=\s*(?:--|—|－－)\s)|(?<short>[\p{Script=Han}]{2,4}?)(?<day>(?:\d{1,2}月)?\d{1,2}日)?(?:訊|讯)(?=[ \u3000（(【])|(?<comma>[\p{Script=Han}A-Za-z]{2,10}?)(?:訊|讯)(?=[，,])|(?<dash>[\p{Script=Han}]{2,6}) ?[—–]{1,2}(?= ))/u
/** A newsroom's brand in letters: `VOVWORLD`, `Reuters`, `AFP`. */
const LATIN_BRAND = /^[A-Z][A-Za-z0-9.&]{1,15}$/
/** A place in capitals opening an English story, perhaps with its day, before a dash or a colon. */
const LATIN_DATELINE =
  /^[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3}(?: \([^()]{2,30}\)(?: [—–-]{1,2}|:)| [—–-]{1,2}) /
/**
 * A release's place and day before a dash (`新加坡，2025年3月14日——`), perhaps with the agency in
 * brackets (`金边，6月10日（AKP）——`, as Cambodia's and Laos's agencies print it).
 */
const PLACE_DAY_DASH =
  /^\p{Script=Han}{2,6}[，,]\s?(?:\d{4}年)?\d{1,2}月\d{1,2}日\s?(?:[（(]([A-Z]{2,8}|\p{Script=Han}{2,3}社)[）)])?\s?[—–]{1,2}\s?/u
/**
 * An agency and its place before a dash, as agencies abroad print it: `越通社胡志明市——`,
 * `越通社河内——` (the agencies by name: `和平里社区居民——` is none).
 */
const AGENCY_PLACE_DASH =
  /^(越通社|新华社|新華社|中新社|马新社|馬新社|中央社|韩联社|韓聯社|共同社|塔斯社|柬新社|老通社|缅通社|緬通社)\p{Script=Han}{2,6}\s?[—–]{1,2}\s?/u
/** Outlets' names before a role: `观海新闻/青岛日报记者`. */
const OUTLETS_ROLE = new RegExp(`^(.{2,16}?)(?=${ROLES.join('|')})`, 'u')
/** How a story's first sentence may open with its day: `8月21日晚，`, `近日，`. */
const STORY_DAY = /^(?:\d{1,2}月\d{1,2}日|\d{1,2}日|近日|日前|昨天|昨日|今天|今日|当天|當天)/
/** Brackets of every kind that set a dateline or a byline apart. */
const OPEN = '（(【〔［[《'
const CLOSE: Record<string, string> = {
  '（': '）',
  '(': ')',
  '【': '】',
  '〔': '〕',
  '［': '］',
  '[': ']',
  // `《經濟通通訊社6日專訊》`
  '《': '》',
}
/** Words that credit a line's writer or photographer: `文／圖　`, `攝影：`, `撰文：`. */
const CREDIT =
  /^(?:文|圖|图|攝影|摄影|撰文|文字|採訪|采访)(?:\s*[／/、]\s*(?:文|圖|图|攝影|摄影))*(?:\s*[:：／/]\s*|[\s\u3000]+)/
const GAP = /^[\s\u3000、，,;；:：\-－—–]+/

/** The bracketed piece at `at`, `（…）`, with its content; undefined when none opens there. */
function bracketAt(text: string, at: number): { content: string; end: number } | undefined {
  const open = text[at]
  if (!open || !OPEN.includes(open)) return undefined
  const close = text.indexOf(CLOSE[open]!, at + 1)
  if (close === -1 || close - at > 60) return undefined
  return { content: text.slice(at + 1, close), end: close + 1 }
}

const gapAt = (text: string, at: number) => GAP.exec(text.slice(at, at + 20))?.[0].length ?? 0

/** The dateline at the start of a paragraph, or undefined when it has none. */
export function readDateline(paragraph: string): Dateline | undefined {
  const head = paragraph.slice(0, DATELINE_CHARS)
  const credit = creditLine(paragraph)
  if (credit) return credit
  const bracket = bracketAt(head, 0)
  if (bracket) {
    const end = bracket.end + gapAt(paragraph, bracket.end)
    // `【财新网】`: the newsroom's name alone in brackets, which says the report is its own
    // (`《联合早报》报道，…` names a paper the story quotes).
    const title = head[0] === '《'
    // `(VOVWORLD) - `, `(Reuters) -`: a newsroom's brand in brackets before a dash.
    const brand =
      LATIN_BRAND.test(bracket.content) && /^[\s\u3000]*[-–—]/.test(head.slice(bracket.end))
    if ((isOutlet(bracket.content) || brand) && !title) {
      // `【大河报·豫视频】（记者 王小明）`: its reporters may follow in brackets of their own.
      const credit = bracketedAfter(paragraph, end)
      const outlet = bracket.content.trim()
      return { authors: credit?.authors ?? [], end: credit?.end ?? end, credit: false, outlet }
    }
    // `(Hong Kong, 15 September 2025)`, `（2025年9月15日，香港）`: a release's place and day.
    if (placeAndDay(bracket.content)) return { authors: [], end, credit: false }
    // `（本报雅加达讯）`: the paper's own report from a place.
    const own = bracket.content.replace(/^本[報报](?=\p{Script=Han}{2,6}(?:訊|讯|專訊|专讯)$)/u, '')
    const byline = readByline(own, false, true)
    if (!byline?.kind && !byline?.authors.length) return undefined
    // `【大公報訊】特約記者馮子軒深圳報道：`: the reporters may follow the brackets, up to a colon,
    // or in brackets of their own (`【新京报讯】（记者 王小明）`).
    const credit = byline.authors.length
      ? undefined
      : (bracketedAfter(paragraph, end) ?? creditAfter(paragraph, end))
    if (credit) return withWire({ authors: credit.authors, end: credit.end, credit: false }, byline)
    return withWire({ authors: byline.authors, end, credit: false }, byline)
  }
  // `记者王卓然通讯员吕思涵报道　今年以来…`: the reporters and 报道 open the story.
  const opening = openingCredit(head, 0)
  if (opening) return { ...opening, credit: false }
  // `观海新闻/青岛日报记者 于晓 通讯员 邵学聪 8月21日晚，…`: or the reporters alone, and the
  // story's day right after them.
  const led = rolesAfter(head, 0, true)
  if (led && STORY_DAY.test(head.slice(led.end).trimStart())) {
    return { authors: led.authors, end: led.end + gapAt(paragraph, led.end), credit: false }
  }
  // `SINGAPORE — `, `KUALA LUMPUR (July 8): `: an English story's place in capitals; `新加坡，
  // 2025年3月14日——`: a release's place and day before a dash.
  const latin =
    LATIN_DATELINE.exec(head) ?? PLACE_DAY_DASH.exec(head) ?? AGENCY_PLACE_DASH.exec(head)
  if (latin) {
    const wire = latin[1]
    return { authors: [], end: latin[0].length, credit: false, ...(wire ? { wire } : {}) }
  }
  const place = DATELINE.exec(head)
  // `快讯，`, `通讯，`: words ending in 讯 before a comma are no dateline.
  if (!place || NEWS_WORDS.test(place.groups?.comma ?? '')) return undefined
  let end = place[0].length
  let authors: string[] = []
  const spaces = /^[ \t\u3000]*/.exec(head.slice(end))![0].length
  const byline = bracketAt(head, end + spaces)
  // A dateline is set apart from the story (`本報訊　`, `電（記者…）`); `本報訊息…` is not one.
  if (!byline && gapAt(paragraph, end) === 0 && end < paragraph.length) return undefined
  if (byline) {
    authors = readByline(byline.content, false, true)?.authors ?? []
    end = byline.end
  } else {
    // `南都讯 记者刘思远 通讯员陈晓岚 3月11日下午…`: reporters after it, each with a role, or
    // closed by 报道 (`…网讯 记者 王卓然 通讯员 吕思涵 报道　`).
    const credited = openingCredit(head, end + spaces) ?? rolesAfter(head, end + spaces)
    if (credited) ({ authors, end } = credited)
  }
  end += gapAt(paragraph, end)
  const dateline: Dateline = { authors, end, credit: false }
  // `荊州網訊`: the newsroom names itself (`本報訊` names none).
  const own = place[1] ?? (place[2] && !/^[電电]$/.test(place[3]!) ? place[2] : undefined)
  if (own && !own.startsWith('本') && isOutlet(own)) dateline.outlet = own
  // `交汇点讯　`: a short name and 讯 set apart from the story name the newsroom, as `南都讯` does
  // (`快讯`, `通讯` are words).
  const short = place.groups?.short
  if (short && !dateline.outlet && isNewsroomShortName(short)) {
    if (place.groups?.day) dateline.named = short
    else dateline.outlet = short
  }
  // `人民报网 – 河内市…`: an outlet before a dash names itself, as a place there does not.
  const dash = place.groups?.dash
  if (dash && !dateline.outlet && isOutlet(dash)) dateline.outlet = dash
  // `新華社北京4月7日電` is a wire's; `央广网北京10月9日消息` is the newsroom's own report.
  if (place[2] && /^[電电]$/.test(place[3]!) && !/^本[報报]$/.test(place[2])) {
    dateline.wire = place[2]
  }
  return dateline
}

/**
 * Reporters and 报道 opening a story: `记者王卓然通讯员吕思涵报道　`, `本报记者 李明 报道：`, a paper
 * and its site before them (`天山网-新疆日报记者马宁 通讯员阿依古丽·买买提报道：`),
 * `东方网记者徐程10月14日报道：`, `中国民航网 通讯员黄诗琪 报道：`.
 */
const OPENING_CREDIT = new RegExp(
  String.raw`^((?:本[报報]|[\p{Script=Han}A-Za-z](?:[\p{Script=Han}A-Za-z]|[-－·・](?=\p{Script=Han})){1,14}?[ \u3000]?)?(?:${ROLES.join('|')})[^，,。：:]{2,30}?(?:报道|報道|報導|报导))(?:[ \u3000]+|[：:][ \u3000]*)(?=\S)`,
  'u',
)

/**
 * Reporters and 报道 at `at`, set apart from the story by a space or a colon, and where the
 * story goes on.
 */
function openingCredit(
  head: string,
  at: number,
): { authors: string[]; end: number; outlet?: string } | undefined {
  const opening = OPENING_CREDIT.exec(head.slice(at))
  const byline = opening ? readByline(opening[1]!) : undefined
  if (!byline?.authors.length) return undefined
  // `东方网记者徐程…报道：`: the newsroom names its own report.
  return { authors: byline.authors, end: at + opening![0].length, outlet: byline.outlet }
}

/** Reporters in brackets at `at` (`（记者 王小明）`), and where the story goes on. */
function bracketedAfter(
  paragraph: string,
  at: number,
): { authors: string[]; end: number } | undefined {
  const bracket = bracketAt(paragraph.slice(0, DATELINE_CHARS), at)
  const authors = bracket && readByline(bracket.content, false, true)?.authors
  if (!bracket || !authors?.length) return undefined
  return { authors, end: bracket.end + gapAt(paragraph, bracket.end) }
}

/** Reporters from `at` up to a colon (`特約記者馮子軒深圳報道：`), and where the story goes on. */
function creditAfter(
  paragraph: string,
  at: number,
): { authors: string[]; end: number } | undefined {
  // `記者 鄧穎芝 報道：`: single spaces may set the words apart.
  const credit = /^((?:[^：:，,。\s]|[ \u3000](?=[^\s\u3000])){4,30})[：:]/u.exec(
    paragraph.slice(at, at + 32),
  )
  if (!credit) return undefined
  const authors = readByline(credit[1]!, false, true)?.authors
  if (!authors?.length) return undefined
  const end = at + credit[0].length
  return { authors, end: end + gapAt(paragraph, end) }
}

/**
 * Reporters after a dateline, each a role and a name (`记者刘思远`, `记者 刘思远`), from `at`,
 * and where they end.
 */
function rolesAfter(
  head: string,
  at: number,
  outletFirst = false,
): { authors: string[]; end: number } | undefined {
  const words = /^(?:[^\s\u3000，,。]{2,20}[ \u3000]{1,2}){1,8}/.exec(head.slice(at))?.[0]
  if (!words) return undefined
  let length = 0
  // A role alone waits for its name in the next word.
  let waiting = false
  for (const word of words.matchAll(/[^ \u3000]+/g)) {
    // `观海新闻/青岛日报记者`: the first role may follow its outlets' names.
    const outlets = outletFirst && word.index === 0 ? OUTLETS_ROLE.exec(word[0]) : null
    const text =
      outlets && outlets[1]!.split(/[/／·・]/).every(isOutlet)
        ? word[0].slice(outlets[1]!.length)
        : word[0]
    const role = ROLES.find((r) => text.startsWith(r))
    if (outletFirst && word.index === 0 && !role) return undefined
    if (role) waiting = text === role
    else if (waiting && isPersonName(word[0])) waiting = false
    else break
    if (!waiting) length = word.index + word[0].length
  }
  const byline = length ? readByline(head.slice(at, at + length), false, true) : undefined
  return byline?.authors.length ? { authors: byline.authors, end: at + length } : undefined
}

/** A credit line of its own: `文／圖　記者 林美華`, `記者王小明／台北報導`. */
function creditLine(paragraph: string): Dateline | undefined {
  if (paragraph.length > 60 || readsAsSentence(paragraph)) return undefined
  const credit = CREDIT.exec(paragraph)
  const byline = credit
    ? readByline(paragraph.slice(credit[0].length), true)
    : readByline(paragraph)
  if (!byline?.authors.length) return undefined
  // `南都讯 记者刘思远`: a credit line may open with the newsroom's own dateline.
  return withWire({ authors: byline.authors, end: paragraph.length, credit: true }, byline)
}

function withWire(dateline: Dateline, byline: Byline): Dateline {
  if (byline.outlet && byline.kind && /^[電电]$/.test(byline.kind)) dateline.wire = byline.outlet
  // `【明報專訊】`: the newsroom's own report names the newsroom.
  const own = byline.kind && OWN_REPORT.exec(byline.kind) && byline.outlet
  if (own) dateline.outlet = own
  return dateline
}

/** The kinds of report a newsroom files as its own: `專訊`, `讯`, `報道` (`【星島日報報道】`). */
const OWN_REPORT = /^(?:專訊|专讯|訊|讯|報道|报道|報導|报导)$/

/** A place and a day, and nothing else: `Hong Kong, 15 September 2025`, `2025年9月15日，香港`. */
function placeAndDay(content: string): boolean {
  const date = content.length <= 40 ? findDate(content, 'UTC') : undefined
  if (!date || date.precision !== 'date') return false
  const place = (content.slice(0, date.index) + content.slice(date.end)).replace(/[\s,，、]+/g, '')
  return /^(?:\p{Script=Han}{2,6}|\p{Lu}[\p{L} ]{1,20})$/u.test(place)
}

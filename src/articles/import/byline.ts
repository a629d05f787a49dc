/**
 * The grammar of bylines, as a table of parts rather than a list of whole shapes. A byline is
 * a sequence of pieces set apart by separators (／ / ｜ 、 ， spaces):
 *
 * - an outlet, `聯合報`, `中央社`, `大众网`, `公視新聞網`: a short run ending in a word that
 *   names a newsroom (社 報 网 台 新聞…), or `本報`;
 * - a role before names, `記者`, `通訊員`, `實習生`, `特約記者`… (OUTLET + ROLE is one piece:
 *   `新华社记者`);
 * - names: two to four Han characters (more with `·`), or capitalised Latin words;
 * - a place and the kind of report after them, `台北報導`, `济南报道`, `台北2日電`;
 * - a closing word, `報道`, or `攝` / `摄影` for a photographer.
 *
 * `聯合報／ 記者林佳慧／台北即時報導`, `公視新聞網 王小明、李華 / 台北報導`,
 * `中央社記者林美華台北2日電`, `新华社记者 赵启明 摄` and `陈丽华　报道` are all read by the same
 * table, whose words are in byline-words.ts. Callers pass short strings (a line of at most
 * MAX_LINE_CHARS, a bracket's content), and each step is a bounded pass over them.
 */

import {
  BYLINE_PLACES,
  CLOSINGS,
  DOUBLE_SURNAME,
  JOINERS,
  KINDS,
  LATIN_ROLES,
  MENU_WORDS,
  NEWS_WORDS,
  NOT_NAMES,
  NOT_WRITING,
  OUTLET_END,
  OWN_KINDS,
  PHOTO_CLOSINGS,
  ROLES,
  SURNAME,
  TITLE_AFTER,
  JOB_END,
} from './byline-words'
import { romanises } from './readings'

/** How many pieces from `i` spell an English role, or 0. */
function latinRoleAt(pieces: string[], i: number): number {
  for (const role of LATIN_ROLES) {
    if (role.every((word, k) => pieces[i + k]?.toLowerCase() === word)) return role.length
  }
  return 0
}

/** The first role word in `piece` and where it is, the longest at that place. */
function roleIn(piece: string): { role: string; at: number } | undefined {
  let best: { role: string; at: number } | undefined
  for (const role of ROLES) {
    const at = piece.indexOf(role)
    if (at !== -1 && (!best || at < best.at)) best = { role, at }
  }
  return best
}

const HAN_RUN = /^[\p{Script=Han}]+$/u
/** A newsroom's desk: `生活中心`, `國際組`, `新聞部`. */
const DESK = /^\p{Script=Han}{2,4}(?:中心|組|组|部)$/u
/** A newsroom's short name before a role (`南都`, `每经`), not a count or a pronoun (`两名`, `该`). */
const SHORT_NAME = /^(?![一二三四五六七八九十几多数两该此这這那某名位个個各])\p{Script=Han}{2,4}$/u

/** True for a newsroom's short name as bylines print it before a role: `南都`, `每经`. */
export function isShortName(text: string): boolean {
  return SHORT_NAME.test(text)
}
/**
 * True for a newsroom's short name as its own dateline prints it before 讯 (`南都讯`,
 * `交汇点讯`): not `本报`, and not a word that ends in 讯 (`快讯`, `通讯`).
 */
export function isNewsroomShortName(text: string): boolean {
  return isShortName(text) && !text.startsWith('本') && !NEWS_WORDS.test(text)
}
const HAN_NAME = /^[\p{Script=Han}][\p{Script=Han}·•]{1,9}$/u
/** A Latin name has two words at least: `The Reporter` is not `The` and a role. */
const LATIN_NAME =
  /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|bin|binti|bte|bt))+$/u
const SEPARATORS = /[／/｜|、，,;；\s\u3000]+/u
/** One Han character, a space or two, then another, alone: `柯　岚`, `王 佳`. */
const PADDED_NAME =
  /(?<!\p{Script=Han})(\p{Script=Han})[ \u3000\u00a0]{1,2}(\p{Script=Han})(?!\p{Script=Han})/gu
/** One-character words a byline prints alone: `文 图`, `摄`, `电`, a font size's `大 中 小`. */
const LONE_WORDS = new Set(
  [...CLOSINGS, ...PHOTO_CLOSINGS, ...KINDS, '大', '中', '小'].filter((w) => w.length === 1),
)
/** The last of names set apart by 、, glued to the word for a report: `、黃思穎報道`. */
const LISTED_LAST = /、[ \u3000]?(\p{Script=Han}{2,3}?)(報道|报道|報導|报导)(?=$|[：:\s\u3000])/u
/** A name, a day, then perhaps a place: `陈雅琳11月4日洛杉矶`, `徐程10月14日`. */
const NAME_DATE_PLACE = /^(\p{Script=Han}{2,3})(?:\d{1,2}月)?\d{1,2}日(?:\p{Script=Han}{2,6})?$/u
/** Where a report was filed from, perhaps after the reporter's name: `发自成都`, `王小明發自東京`. */
const FILED_FROM = /^(\p{Script=Han}{2,4}?)?(?:发自|發自)\p{Script=Han}{2,8}$/u
/**
 * A reporter of pictures or film, who wrote nothing: `摄影记者`, `攝像記者 戴锦辉` (a broadcaster's
 * credit under its script names both the text's reporter and the camera's).
 */
const CAMERA_ROLE = /^(?:攝影|摄影|攝像|摄像|圖片|图片|視頻|视频|影像)(?:記者|记者)$/u
/**
 * A student reporter's class, printed before the name: `中五仁班`, `高二3班`, `六年级2班`, or a
 * grade and its stream (`高一文商`, `高二理1`; `高一文` may be a name).
 */
const SCHOOL_CLASS =
  /^(?:[初高中小][一二三四五六]|[一二三四五六七八九]年[级級])(?:[\p{Script=Han}\d()（）]{0,4}?班|(?:文商|理科|文科|商科|理工|美術|美术)\d{0,2}|[理文商]\d{1,2})$/u
/** An e-mail address. */
const EMAIL = /^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}$/u
/** A name in two parts, as Uyghur and Tibetan names are written: `阿依古丽·买买提`. */
const DOTTED_NAME = /^(\p{Script=Han}{1,6}[·•]\p{Script=Han}{1,6})$/u
/** A photographer's job glued to a name: `攝影王建銘`. */
const GLUED_PHOTOGRAPHER = /^(?:攝影|摄影)(\p{Script=Han}{2,3})$/u
/** A picture's job after a name: `陈明/图`. */
const PICTURE_JOB = new Set(['图', '圖'])
/**
 * A body of four characters or more (`镇党政办`, `南湖分局`, `環境資訊中心`), or of three that no
 * surname starts (`教務處`), as bylines print it.
 */
const isOffice = (text: string) =>
  isOrganisation(text) &&
  ([...text].length >= 4 || ([...text].length === 3 && !SURNAME.test(text[0]!)))
/** A place then a day: `台北2日`, `吉隆坡5日`, `北京3月4日`. */
const PLACE_DATE =
  /^([\p{Script=Han}]{0,8}?)((?:\d{1,2}月)?\d{1,2}日|[一二三四五六七八九十廿卅]{1,3}日)?$/u

/** What a byline names. */
export interface Byline {
  /** Writers: reporters, correspondents, interns. */
  authors: string[]
  /** Photographers, from a caption's `攝` (they are credited, not authors). */
  photographers: string[]
  /** The outlet the byline names, if any (`聯合報`, `中央社`). */
  outlet?: string
  /** True when the byline says what kind of report it is (`台北報導`, `2日電`). */
  kind?: string
}

/** A brand's name, as a byline's first piece may print its outlet: `新頭殼newtalk`, `CNA`. */
const BRAND = /^(?=.*(?:\p{Script=Han}|[A-Z]{2}|[a-z]))[\p{Script=Han}A-Za-z0-9]{2,16}$/u
/** A brand in letters, then its Chinese name. */
const BRAND_AND_NAME = /^[A-Za-z][A-Za-z0-9.]{1,15}\s(\p{Script=Han}{2,8})$/u
/**
 * An outlet's name and a word in letters glued after it: `好房網News` (`新闻 News`, spaced, is a
 * bilingual menu's section).
 */
const NAME_AND_WORD = /^(\p{Script=Han}{2,8})(?:News|TV|Online|Daily|Plus)$/u
/** What joins a paper and its app or website in one name: `齐鲁晚报·齐鲁壹点`, `长江日报-长江网`. */
const JOINED = /[·・\-－]/

/** An outlet's own name, not a menu's word that ends like one (`新闻`). */
const isNamedOutlet = (name: string) => isOutlet(name) && !MENU_WORDS.has(name)

/**
 * True for a short run that names a newsroom: `聯合報`, `中央社`, `大众网`, `國語日報`, or such a
 * name and its app's joined by a middle dot (`齐鲁晚报·齐鲁壹点`).
 */
export function isOutlet(word: string): boolean {
  const w = word.trim()
  if (!w) return false
  // `更多三立新聞網`, `下载新花城APP`: a link to the newsroom, not its name.
  if (/^(?:看?更多|下[载載]|打[开開])/.test(w)) return false
  const [paper, app, ...more] = w.split(JOINED)
  if (app !== undefined) {
    return !more.length && isOutlet(paper!) && /^[\p{Script=Han}A-Za-z0-9]{2,8}$/u.test(app)
  }
  return (
    w === '本報' ||
    w === '本报' ||
    ([...w].length >= 2 &&
      [...w].length <= 10 &&
      /^[\p{Script=Han}A-Za-z0-9]+$/u.test(w) &&
      OUTLET_END.test(w)) ||
    /^[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,3}\s(?:News|Times|Post|Daily|Online)$/.test(w) ||
    // An app's brand: `南方+`.
    /^[\p{Script=Han}]{2,6}[+＋]$/u.test(w) ||
    // A broadcaster's Chinese service: `SBS中文`, `DW中文网`, `RFI 华语`.
    /^[A-Z][A-Za-z]{1,9}\s?(?:中文|华语|華語)(?:[网網台臺])?$/u.test(w) ||
    // A brand in letters and its Chinese name: `NOWnews 今日新聞`, `ETtoday 新聞雲`; or the name
    // and a word in letters: `好房網News`.
    isOutlet(BRAND_AND_NAME.exec(w)?.[1] ?? '') ||
    isNamedOutlet(NAME_AND_WORD.exec(w)?.[1] ?? '')
  )
}

/**
 * The byline in `text`, or undefined when it is not one. `labelled`: the text is the value of
 * a label such as `作者：` or `記者：`, so bare names are enough; otherwise a role, a kind of
 * report, a closing word or an outlet must say that the names are a byline. `bracketed`: the
 * text is a dateline's brackets, where a place and `讯` are enough (`（新加坡讯）`).
 */
export function readByline(text: string, labelled = false, bracketed = false): Byline | undefined {
  const pieces = text
    .trim()
    // `柯　岚`: a two-character name padded to a three-character name's width is one name.
    .replace(PADDED_NAME, (padded, surname: string, given: string) =>
      LONE_WORDS.has(surname) || LONE_WORDS.has(given) ? padded : surname + given,
    )
    // `記者陳卓軒、黃思穎報道`: the last of the names listed ends where 報道 starts.
    .replace(LISTED_LAST, (listed, name: string, kind: string) =>
      BYLINE_PLACES.has(name) ? listed : `、${name} ${kind}`,
    )
    .split(SEPARATORS)
    .filter(Boolean)
  if (!pieces.length || pieces.length > 12) return undefined
  const byline: Byline = { authors: [], photographers: [] }
  // What the pieces themselves say (a role, a kind of report, a closing word), not the label.
  let evidence = false
  // A first piece that is neither a name nor a known outlet's: an outlet only if the rest is a byline.
  let brand = false
  let desk = false
  let notWriting = false
  // The last role was a camera's (`摄像记者`): the names after it took pictures or film.
  let camera = false
  let afterRole = false
  // The piece before was a role alone (`通讯员 刘华报道`): this piece starts with its name.
  let roleAlone = false
  let photo = false
  // The first piece names an office (`南湖分局`).
  let office = false
  const names: string[] = []
  // The piece where the last name was read; a name set apart as the pictures' only (`陈明/图`).
  let named = -1
  let wrote = false
  const pictured: string[] = []
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i]!
    const nameDue = roleAlone
    roleAlone = false
    // `Jane Doe and John Roe`, `Jane Doe & John Roe`, `Hannah Whitford 和 张子安`; `朴智贤 记者
    // jhpark@ajunews.com`: the reporter's address, as Korean and Japanese papers print it.
    if (JOINERS.has(piece) || EMAIL.test(piece)) continue
    // `首页　学校要闻　…　专题报道`: a menu, whatever its last item ends with.
    if (!labelled && pieces.length >= 3 && MENU_WORDS.has(piece)) return undefined
    // `文字 | 语音`: a menu's word is no one's name.
    if (MENU_WORDS.has(piece)) continue
    // A Latin name or role is several pieces: `Jane Doe`, `Lin Mei-hua`, `Staff reporter`.
    const latinRole = latinRoleAt(pieces, i)
    if (latinRole) {
      evidence = true
      i += latinRole - 1
      continue
    }
    if (/^\p{Lu}/u.test(piece)) {
      let j = i
      while (
        j + 1 < pieces.length &&
        /^(?:\p{Lu}|van$|de$|bin$)/u.test(pieces[j + 1]!) &&
        !latinRoleAt(pieces, j + 1)
      ) {
        j++
      }
      const latin = pieces.slice(i, j + 1).join(' ')
      if (LATIN_NAME.test(latin) && latin.length <= 40) {
        names.push(latin)
        i = j
        continue
      }
      if (i === 0 && j === 0 && pieces.length > 1 && BRAND.test(piece)) {
        byline.outlet = piece
        brand = true
        continue
      }
      return undefined
    }
    // `編譯 王小明／綜合外電報導`: a translator is credited, not an author.
    if (NOT_WRITING.has(piece)) {
      notWriting = evidence = true
      continue
    }
    const found = roleIn(piece)
    if (found) {
      const { role, at } = found
      const before = piece.slice(0, at)
      camera = CAMERA_ROLE.test(before + role)
      notWriting = false
      // `中青报·中青网记者`: a paper and its website, both the reporter's. `南都记者`, `每经记者`:
      // a newsroom's short name, too short to be the source. `摄像记者`: a job, no newsroom.
      if (before && !camera) {
        if (before.split(/[·・]/).every(isOutlet)) byline.outlet ??= before
        // `環境資訊中心記者`: a body that is no known outlet's name, as a news centre's.
        else if (isOffice(before)) byline.outlet ??= before
        else if (!isShortName(before)) return undefined
      }
      evidence = true
      piece = piece.slice(at + role.length)
      // `记者彭小雨通讯员杜明李娟`: roles and names glued, each role starting a piece of its own.
      const next = roleIn(piece)
      if (next && next.at > 0) {
        pieces.splice(i + 1, 0, piece.slice(next.at))
        piece = piece.slice(0, next.at)
      }
      afterRole = true
      roleAlone = !piece
      // `記者專欄`: a menu's item, not a reporter.
      if (!piece || MENU_WORDS.has(piece)) continue
    } else if (isOutlet(piece) && i === 0 && pieces.length > 1) {
      // `壹蘋新聞網／黃品瑄報導`: a name and the kind glued may follow the outlet, as a desk.
      byline.outlet = piece
      desk = true
      continue
    } else if (DESK.test(piece) && i === 0 && pieces.length > 1) {
      // `生活中心／`, `政治中心／`: the newsroom's desk, which is neither a name nor the source.
      desk = true
      continue
    }
    // `南都讯 记者刘思远`: the newsroom's own dateline opens the byline.
    const own = i === 0 && roleIn(pieces[1] ?? '')?.at === 0 && /^(.+)(?:訊|讯)$/u.exec(piece)
    if (own && isNewsroomShortName(own[1]!)) {
      byline.outlet = own[1]
      byline.kind = piece.slice(-1)
      continue
    }
    // `快讯 记者…`: nor is a word ending in 讯 anyone's name.
    if (own && NEWS_WORDS.test(own[1]!)) continue
    const closing = PHOTO_CLOSINGS.find((c) => piece.endsWith(c))
    if (closing && piece.length > closing.length) {
      photo = evidence = true
      piece = piece.slice(0, -closing.length)
    } else if (closing && piece === closing) {
      photo = evidence = true
      continue
    }
    // `罗宇航 发自成都`, `特派記者王小明發自東京`: where the reporter filed from says it is a byline.
    const filed = FILED_FROM.exec(piece)
    if (filed) {
      evidence = true
      if (filed[1] && !notWriting) names.push(filed[1])
      continue
    }
    // `生活中心／王小明報導`: after a desk's name, a name and the kind with no place between.
    const report =
      desk && !names.length && !found
        ? deskReport(piece)
        : reportKind(piece, names.length === 0 && !found && !nameDue, bracketed, !!found || nameDue)
    // `专题报道`: a section of the site, not a place's report.
    if (report && MENU_WORDS.has(piece.slice(0, -report.kind.length))) return undefined
    if (report) {
      evidence = true
      byline.kind = report.kind
      if (report.name && !notWriting) names.push(report.name)
      if (report.outlet) byline.outlet ??= report.outlet
      continue
    }
    const close = CLOSINGS.find((c) => piece === c)
    if (close) {
      evidence = true
      // `王丽/文 陈明/图`: each name its own job, and the one that only took pictures wrote nothing.
      if (PICTURE_JOB.has(close) && wrote && names.length > 1 && named === i - 1) {
        pictured.push(names.pop()!)
      }
      if (close === '文') wrote = true
      continue
    }
    if (NOT_NAMES.has(piece) || SCHOOL_CLASS.test(piece)) continue
    // `周承翰／高中公民科教師`: what the writer does, after the name, says it is a byline.
    if (
      names.length === 1 &&
      i === pieces.length - 1 &&
      JOB_END.test(piece) &&
      piece.length <= 16
    ) {
      evidence = true
      continue
    }
    // `鉅亨網記者魏宇辰 台北`: the city the reporter wrote from, after the name.
    if (names.length && BYLINE_PLACES.has(piece)) continue
    // `作者：镇党政办 郑立群`: the office the writer works for is no one.
    if (isOffice(piece)) {
      office ||= i === 0
      continue
    }
    // `攝影王建銘／台中報導`: a photographer's job glued to the name.
    const shot = GLUED_PHOTOGRAPHER.exec(piece)?.[1]
    if (shot) {
      pictured.push(shot)
      evidence = true
      continue
    }
    if (!HAN_NAME.test(piece) || [...piece].length > 4 + (piece.includes('·') ? 6 : 0)) {
      // `新頭殼newtalk | 黃雅琪 台北報導`: the outlet as its brand is spelt, before the names.
      if (i === 0 && pieces.length > 1 && BRAND.test(piece)) {
        byline.outlet = piece
        brand = true
        continue
      }
      return undefined
    }
    // `通讯员杜明李娟`: four characters after a role, each half led by a common surname and no
    // double surname, are two names (`泽仁拉姆` is one).
    const pair =
      afterRole &&
      [...piece].length === 4 &&
      SURNAME.test(piece[0]!) &&
      SURNAME.test(piece[2]!) &&
      !DOUBLE_SURNAME.test(piece)
    const people = pair ? [piece.slice(0, 2), piece.slice(2)] : [piece]
    if (camera) pictured.push(...people)
    else if (!notWriting) names.push(...people)
    named = i
  }
  // `工商時報 蔡宜蓁`: a known outlet and one name after it, a surname first, say it is a byline.
  const signed =
    desk &&
    byline.outlet !== undefined &&
    pieces.length === 2 &&
    names.length === 1 &&
    SURNAME.test(names[0]![0]!) &&
    [...names[0]!].length <= 3
  // `（南湖分局 王一鸣 沈佳琪）`: in brackets, an office and its people's names, a surname first.
  const staff = office && bracketed && names.every((n) => SURNAME.test(n[0]!))
  if (brand ? !evidence : !evidence && !labelled && !signed && !staff) return undefined
  if (!names.length && !pictured.length && !byline.kind) return undefined
  // `周晓彤 Zhou Xiaotong`: one person in both scripts is one name.
  const people = names.filter(
    (name) => !/^\p{Script=Latin}/u.test(name) || !names.some((han) => romanises(name, han)),
  )
  if (photo) byline.photographers = people
  else byline.authors = people
  byline.photographers.push(...pictured)
  return byline
}

/**
 * A place and the kind of report, `台北報導`, `台北2日電`, with the name glued before them
 * when nothing separates it (`林美華台北2日電`): Chinese reporters' names have two or three
 * characters, places at least two, so the name is the first three when five or more are left.
 * `alone`: no name may come first (the piece holds only place and kind).
 */
function reportKind(
  piece: string,
  alone: boolean,
  bracketed: boolean,
  afterRole = false,
): { kind: string; name?: string; outlet?: string } | undefined {
  const kind = KINDS.find((k) => piece.endsWith(k))
  if (!kind) return undefined
  const head = piece.slice(0, -kind.length)
  // `【on.cc東網專訊】`: a newsroom's own report under its brand.
  if (
    bracketed &&
    OWN_KINDS.has(kind) &&
    BRAND.test(head.replace(/\./g, '')) &&
    /[A-Za-z]/.test(head)
  ) {
    return { kind, outlet: head }
  }
  // `陈雅琳11月4日洛杉矶报道`: the name, the day, then the place; `通讯员阿依古丽·买买提报道`: a
  // name in two parts, as Uyghur and Tibetan names are written.
  const named = NAME_DATE_PLACE.exec(head) ?? (afterRole ? DOTTED_NAME.exec(head) : null)
  if (named && !alone && afterRole) return { kind, name: named[1]! }
  const m = PLACE_DATE.exec(head)
  if (!m || !HAN_RUN.test(m[1] || '中')) return undefined
  // `記者王小明報道`: right after a role, three characters are the reporter's name (a place
  // there has two: `特派記者東京報導`), and so are two led by a surname that are no place the
  // bylines name (`通讯员刘华报道`).
  const run = [...m[1]!]
  const surnamed = run.length === 2 && SURNAME.test(run[0]!) && !BYLINE_PLACES.has(m[1]!)
  if (afterRole && !m[2] && (run.length === 3 || surnamed)) {
    return { kind, name: m[1]! }
  }
  // `明報專訊`, `中央社電`, `經濟通通訊社6日專訊`: the newsroom whose report it is.
  if (m[1] && isOutlet(m[1]) && !/^本/.test(m[1])) return { kind, outlet: m[1] }
  // `電`, `訊`, `消息` end many words (施政資訊): they say a report only after a day, an
  // outlet, or a place in a dateline's brackets (`（新加坡讯）`).
  const weak = kind.length === 1 || kind === '消息'
  if (weak && !m[2] && !isOutlet(head) && !(bracketed && run.length <= 4)) return undefined
  if (alone || run.length < 4) return { kind }
  const nameLength = run.length >= 5 ? 3 : 2
  return { kind, name: run.slice(0, nameLength).join('') }
}

/** A name and the kind of report glued, after a desk: `王小明報導`; or a place and kind alone. */
function deskReport(piece: string): { kind: string; name?: string; outlet?: string } | undefined {
  const kind = KINDS.find((k) => piece.endsWith(k) && k.length > 1 && k !== '消息')
  const head = kind ? piece.slice(0, -kind.length) : ''
  if (!kind || !head) return kind ? { kind } : undefined
  // `台北報導` after the outlet is a place's report; `黃品瑄報導` a reporter's.
  if (BYLINE_PLACES.has(head) || ([...head].length === 2 && !SURNAME.test(head[0]!)))
    return { kind }
  return HAN_NAME.test(head) && [...head].length <= 4 ? { kind, name: head } : undefined
}

/**
 * The byline of a story's closing brackets that print their writers' names alone (`（周宏 邵丹丹）`):
 * two or three Han characters each, each led by a common surname; undefined for anything else.
 */
export function namesInBrackets(text: string): Byline | undefined {
  const names = text.trim().split(SEPARATORS).filter(Boolean)
  const all = names.length > 0 && names.length <= 4
  return all && names.every((n) => SURNAME.test(n[0]!) && /^\p{Script=Han}{2,3}$/u.test(n))
    ? { authors: names, photographers: [] }
    : undefined
}

/** A person's name as bylines print it: two to four Han characters, or capitalised Latin words. */
export function isPersonName(text: string): boolean {
  const t = text.trim()
  if (MENU_WORDS.has(t)) return false
  return (HAN_NAME.test(t) && [...t].length <= 4) || (LATIN_NAME.test(t) && t.length <= 40)
}

/** True for a Han name a common surname (or a double one) starts: `郭丽娟`, `欧阳明`. */
export function surnamed(name: string): boolean {
  return SURNAME.test(name[0] ?? '') || DOUBLE_SURNAME.test(name)
}

/** The names in an author label's value: `王小明 李四`, `王小明、李四`, `Jane Doe and John Roe`. */
export function authorNames(value: string): string[] {
  // `高橋健太（東京）`: where the reporter wrote from, in brackets, is no part of the name (the
  // value may have lost its closing bracket to the field's end).
  const bare = value.replace(/[（(][\p{Script=Han}]{1,8}[）)]?/gu, ' ')
  // `文/广州日报新花城记者：何颖思`: a reporter's role with its own colon, inside the value.
  const inner = roleIn(bare)
  const colon = inner ? inner.at + inner.role.length : -1
  const trimmed = (
    inner && inner.at <= 16 && /[：:]/.test(bare[colon] ?? '') ? bare.slice(colon + 1) : bare
  ).trim()
  if (!trimmed || trimmed.length > 200) return []
  if (/^[\p{Script=Latin}\s.'’-]+(?:(?:,|&|\band\b)[\p{Script=Latin}\s.'’-]+)*$/u.test(trimmed)) {
    return trimmed
      .split(/,|&|\band\b/)
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter(Boolean)
  }
  const byline = readByline(trimmed, true)
  if (byline) return byline.authors.map(withoutTitle)
  // Names the grammar could not read are kept, but no one's name is one Han character (`文/图`),
  // a count (`0条评论`) or a phrase.
  return trimmed
    .split(/[\s\u3000、,，/／]+/)
    .map((p) => withoutTitle(p.trim()))
    .filter(
      (p) =>
        p &&
        !MENU_WORDS.has(p) &&
        !/^(?:\p{Script=Han}|\d.*)$/u.test(p) &&
        // `记者：浙江队主帅下轮将回归教练席`, a related headline: six characters and more are no name.
        !/^\p{Script=Han}{6,}$/u.test(p),
    )
}

/** A name without the title a church or a temple prints after it: `關子晴傳道`, `释慧明法师`. */
function withoutTitle(name: string): string {
  const titled = TITLE_AFTER.exec(name)
  return titled && isPersonName(titled[1]!) ? titled[1]! : name
}

/** A name in capitals, as some mastheads print bylines: `JESSICA LANGFORD`, `MARY O'NEIL`. */
const CAPITALS_NAME =
  /^\p{Lu}{2,}(?:[-'’]\p{Lu}+)?(?:\s(?:\p{Lu}\.|\p{Lu}{2,}(?:[-'’]\p{Lu}+)?)){1,3}$/u
/** A name in letters, as running text prints it: `Jane Doe`, `Lin Mei-hua`. */
const TITLE_NAME = /^\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)?(?:\s\p{Lu}\p{Ll}*(?:[-'’]\p{L}+)?){1,3}$/u

/**
 * The names of a line of Latin personal names and nothing else: `Jane Doe`,
 * `Jane Doe and John Roe`, `JESSICA LANGFORD, KEVIN LIU`. A single name in capitals could be a
 * place or a kicker (`HONG KONG`), so it counts only where the page marks the line as a byline
 * (`<address>`, `class="byline"`), as does one of four words, as long as a headline. Han names
 * alone are not read here: a byline block's Han lines are as often its labels and places
 * (`报道地点`, `伦敦`).
 */
export function namesAlone(text: string, markedByline: boolean): string[] | undefined {
  // `Goh Wan Ling |`: the bar that sets the name apart from the date beside it.
  const t = text.trim().replace(/^[|｜·•]\s*|\s*[|｜·•]$/g, '')
  if (t.length > 80 || !/^[\p{Script=Latin}\s.,'’&-]+$/u.test(t)) return undefined
  const names = t.split(/\s*(?:,|&|\band\b)\s*/).filter(Boolean)
  if (!names.every((n) => TITLE_NAME.test(n) || CAPITALS_NAME.test(n))) return undefined
  const capitals = names.some((n) => !TITLE_NAME.test(n))
  // `Elderly Visitation Day Concludes`: four words alone are a headline as often as a name.
  const headline = names.length === 1 && names[0]!.split(/\s+/).length >= 4
  return (!capitals && !headline) || (names.length > 1 && !headline) || markedByline
    ? names
    : undefined
}

/**
 * A newsroom's or an app's name of four to seven Han characters (shorter than a headline) that
 * no surname starts (`天下泉城`, `上海闵行`, `广州日报新花城`), as pages print it alone over the
 * date or before it.
 */
export function isAccountName(text: string): boolean {
  const t = text.trim()
  return (
    /^\p{Script=Han}{4,7}$/u.test(t) &&
    !SURNAME.test(t[0]!) &&
    !/^本|[于於在]$/u.test(t) &&
    !isOrganisation(t) &&
    !DOUBLE_SURNAME.test(t) &&
    !MENU_WORDS.has(t)
  )
}

/** Organisation-shaped names that pages print beside a date as the source. */
const ORGANISATION_END =
  /(?:財經|财经|頻道|频道|中心|研究室|辦公室|办公室|實驗室|实验室|工作室|局|署|處|处|部|委|辦|办|廳|厅|府|院|會|会|館|馆|所|團|团|科|組|组)$/u

/** A newsroom's or a public body's name: `新浪财经`, `國語日報`, `衛生局`. */
export function isOrganisation(text: string): boolean {
  const t = text.trim()
  if (isOutlet(t)) return true
  const n = [...t].length
  return n >= 2 && n <= 12 && /^[\p{Script=Han}]+$/u.test(t) && ORGANISATION_END.test(t)
}

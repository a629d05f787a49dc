/**
 * Who wrote a page and which newsroom it is, as self-media and app pages print them on lines of
 * their own around the date: a writer's name over the date (or over a line about them, a
 * columnist's box), an app's or a newsroom's name over the date or before it, a post's account
 * over its follow button. Marks those lines' features (features.ts reads each line alone).
 */
import { isAccountName, isOrganisation, isOutlet, isPersonName } from './byline'
import { MENU_WORDS } from './byline-words'
import { STORY, type LineFeatures } from './features'
import type { FurnitureCue } from './furniture'
import { readMetadataLine, writerBeforeDate, type MetaItem } from './metadata'
import type { PageLine } from './page-lines'

/** What a date line under a writer's name holds: its date, perhaps its update and a time. */
const DATED = new Set<MetaItem['field']>(['date', 'published', 'updated', 'time'])
/** The longest line about a writer between the name and the date. */
const BIO_CHARS = 40
/** The longest name of a newsroom, an app or a body read over the date. */
const NAME_CHARS = 24
/** The lines of a page's head (and of its tail) where its newsroom's name is looked for. */
const HEAD_LINES = 200
/** How a section's name ends: `學院消息`, `校园动态`, `最新资讯`. */
const SECTION_END = /(?:消息|新聞|新闻|動態|动态|資訊|资讯|快訊|快讯|公告|活動|活动|要聞|要闻)$/u
/** A button that follows a writer: `关注`, `+ 关注`, `关注他`, `追蹤`, `Follow`. */
const FOLLOW_BUTTON = /^[+＋]?\s*(?:[关關]注|追蹤|追踪|Follow)(?:[他她]|TA|作者)?$/i

/** Marks the writers' and newsrooms' names on lines of their own in `all`. */
export function markWriters(lines: readonly PageLine[], all: LineFeatures[], timeZone: string) {
  const dated = (j: number) => {
    const meta = all[j]?.meta
    return meta?.some((m) => m.date) === true && meta.every((m) => DATED.has(m.field))
  }
  namesOverDates(lines, all, dated)
  newsroomNames(lines, all, dated, timeZone)
  followedAccounts(lines, all)
  reprintCards(lines, all)
}

/**
 * `李若澄` over `2025年3月4日 22:30`: a writer's name alone over the date they wrote on (and
 * perhaps its update), or over a line about them and then the date (a columnist's box).
 */
function namesOverDates(
  lines: readonly PageLine[],
  all: LineFeatures[],
  dated: (j: number) => boolean,
) {
  all.forEach((f, i) => {
    const about = all[i + 1]
    const boxed = about && !about.meta && !about.blank && about.chars <= BIO_CHARS && dated(i + 2)
    if (f.meta || f.names || f.cue || !(dated(i + 1) || boxed)) return
    const name = writerBeforeDate(lines[i]!.plain)
    if (name) all[i] = { ...f, list: false, names: [name] }
  })
}

/**
 * `上海闵行` over `2025-07-22 18:30`, `天下泉城　2025-12-05 17:50`: the app's or the newsroom's
 * name over the date or before it, a name the page prints elsewhere too (its masthead, its
 * app's banner). Only a page's head is searched, and only its head and tail for the name again
 * (where mastheads, banners and footers are), so a page of a million short lines costs no more.
 */
function newsroomNames(
  lines: readonly PageLine[],
  all: LineFeatures[],
  dated: (j: number) => boolean,
  timeZone: string,
) {
  const tail = Math.max(HEAD_LINES, lines.length - HEAD_LINES)
  const ends = [
    ...lines.slice(0, HEAD_LINES).map((l, j) => [l.plain, j] as const),
    ...lines.slice(tail).map((l, k) => [l.plain, tail + k] as const),
  ]
  const recurs = (name: string, i: number) =>
    ends.some(([text, j]) => j !== i && text.includes(name))
  const recursBelow = (name: string, i: number) =>
    ends.some(([text, j]) => j > i && text.includes(name))
  const paragraph = all.findIndex((f) => f.story >= STORY)
  const firstParagraph = paragraph === -1 ? all.length : paragraph
  all.forEach((f, i) => {
    if (i >= HEAD_LINES || f.meta || f.names || f.cue) return
    const text = lines[i]!.plain.trim()
    const split = /^(\S+?)[\s\u3000]+(\d.*)$/u.exec(text)
    const [name, rest] = split ? [split[1], split[2]] : [text, undefined]
    // `頭條日報` twice over the date: the provider a portal carries the story from, printed as
    // its logo and its name; an outlet's name in the masthead and the footer is the site's own.
    // `學院消息` over the date: a section's name, not a newsroom's.
    // (A newsroom's name is short: a long line is none, and is not read as one.)
    if (!name || name.length > NAME_CHARS || SECTION_END.test(name)) return
    const twice = (j: number) => lines[j]?.plain.trim() === name
    const provider = isOutlet(name) && (twice(i - 1) || twice(i + 1))
    // `长兴传媒集团` over the date, and over its other posts under the story: the body posting it
    // (a paper's name there is its masthead; a body's name over a date under the story is its
    // signature, and one printed again only above it, its masthead too).
    const body =
      i < firstParagraph && isOrganisation(name) && !isOutlet(name) && recursBelow(name, i)
    if (!((isAccountName(name) && recurs(name, i)) || body || provider)) return
    const outlet: MetaItem = { field: 'outlet', value: name }
    const after = rest ? readMetadataLine(rest, timeZone) : undefined
    // `宜宾身边事 2025年08月21日 18:32 四川`: where it was posted from may follow the time.
    if (after?.every((m) => DATED.has(m.field) || m.label === 'place')) {
      all[i] = { ...f, list: false, meta: [outlet, ...after] }
    } else if (!rest && dated(i + 1)) all[i] = { ...f, list: false, meta: [outlet] }
  })
}

/**
 * `陈立衡` over `关注`: a post's writer over the button that follows them, perhaps with a line
 * about them between (`城市规划从业者，关注县域交通`). Self-media pages print it so.
 */
function followedAccounts(lines: readonly PageLine[], all: LineFeatures[]) {
  all.forEach((_, i) => {
    if (!FOLLOW_BUTTON.test(lines[i]!.plain.trim())) return
    const above = [i - 1, i - 2, i - 3, i - 4].filter((j) => j >= 0 && !all[j]!.blank).slice(0, 2)
    for (const j of above) {
      const name = accountName(lines[j]!.plain, all[j]!)
      if (!name) continue
      const byline = { authors: [name], photographers: [] }
      const meta: MetaItem[] = [{ field: 'byline', value: name, byline, account: true }]
      all[j] = { ...all[j]!, list: false, meta }
      return
    }
  })
}

/** A writer's or an account's name: a person's name, or a handle of a few words without marks. */
function accountName(text: string, f: LineFeatures): string | undefined {
  const name = text.trim()
  if (f.meta || f.cue || f.caption || f.path || f.chars > 16 || MENU_WORDS.has(name)) {
    return undefined
  }
  if (isPersonName(name)) return name
  return /^[\p{L}\p{N}_·・.-]{2,16}$/u.test(name) && f.letters >= 2 ? name : undefined
}

/** WeChat's card over an article another account published first. */
const REPRINT_CARD = /^以下文章来源于\s*(\S.{0,29}?)\s*[，,]\s*作者\s*(\S.{0,29}?)$/u
/** The card's own lines: the first account's name under it, and its line about itself. */
const CARD_LINE: FurnitureCue = {
  id: 'reprint-card',
  description: 'the account that first published a reprint, under its card: 宜宾日报 .',
  strong: true,
  sentence: true,
}

/**
 * `以下文章来源于宜宾日报 ，作者李明轩`: the account that first published the article is its
 * source, and the writer the card names (a person, not the account again) its author. The
 * account's name under the card and its line about itself (`宜宾日报社官方微信公众号，…`) are
 * the card's, not the story's.
 */
function reprintCards(lines: readonly PageLine[], all: LineFeatures[]) {
  all.forEach((f, i) => {
    const card = REPRINT_CARD.exec(lines[i]!.plain.trim())
    if (!card) return
    const account = card[1]!
    const writer = card[2]!
    const meta: MetaItem[] = [{ field: 'source', label: '以下文章来源于', value: account }]
    if (isPersonName(writer)) meta.push({ field: 'author', label: '作者', value: writer })
    all[i] = { ...f, list: false, cue: undefined, meta }
    const name = i + 1
    if (all[name]?.blank !== false || !lines[name]!.plain.trim().startsWith(account)) return
    all[name] = { ...all[name], list: false, cue: CARD_LINE }
    const about = all[name + 1]
    if (about && !about.blank && about.chars <= BIO_CHARS) {
      all[name + 1] = { ...about, list: false, cue: CARD_LINE }
    }
  })
}

/**
 * The article's fields, read from the lines the classifier marked as metadata, and from the
 * story's own opening (its dateline, or a credit line above it):
 *
 * - `published`: a labelled publication date first, then a date without a label (above the
 *   story before below it), then the date under a signature; a time alone on the next line
 *   gives a day its time (`2024年3月5日（星期二）` / `香港時間14時32分`); with none, a date a
 *   disclaimer gives the post (`…发布于2025-03-08 09:03，仅代表作者观点`). None: the report says so.
 * - `updated`: `更新時間：`, `Updated`, `（3/2 15:10 更新）`.
 * - `source`: a `來源：` label, then the outlet a byline names (`聯合報／ 記者…`), then an
 *   outlet printed beside the date (`2024年03月05日 17:05 新浪财经`), then a wire dateline's
 *   agency (`（中央社記者…電）`) or the newsroom a dateline names as its own (`【明報專訊】`), then
 *   an agency's sign-off under the story (`-- 马新社`), or the masthead's own short name before
 *   a reporter's role (`體路記者`).
 * - `authors`: every byline, in page order: author labels, bylines, a Latin name alone under
 *   the title, the credit line or dateline opening the story, bylines under it; with none, the
 *   account a post is followed by (`陈立衡` over `关注`), or the photographers the header
 *   credits, a photo story's caption credits, or a caption credits for the text too
 *   (`文／圖：`). Editors are reported, never authors.
 */
import type { Verdict } from './classify'
import { labelOutlet } from './labels'
import { authorNames, isOutlet, isShortName, namesInBrackets, readByline } from './byline'
import { REPORTER_KIND, ROLES, SECTION_NAME } from './byline-words'
import { REPRINTED_IN } from './furniture-words'
import { readDateline } from './dateline'
import type { ClockTime } from './clock'
import { dateValue, findDate, type NewsDate } from './dates'
import type { LineFeatures } from './features'
import type { MetaItem } from './metadata'
import type { PageLine } from './page-lines'
import type { FieldReportSchema } from './report'
import type { z } from 'zod'

/** One value the import read, with the line it came from (1-based), for the report. */
export type FieldReport = z.infer<typeof FieldReportSchema>

export interface PageFields {
  published?: NewsDate
  updated?: NewsDate
  source?: string
  authors: string[]
  reports: FieldReport[]
}

/** Where a date was read: a labelled one first, then unlabelled above, then below, then a signature's. */
const RANK = { label: 0, header: 1, above: 2, footer: 3, signature: 4, smallPrint: 5 }
/** The words before a post's date in its small print: `发布于`, `發布於`, `发布时间：`. */
const POSTED_AT = /(?:发布|發布|發佈|发表|發表)(?:于|於|时间|時間)[：:]?\s*/
/** Where a source was read: a label, a byline's outlet, an outlet beside a date, a wire dateline. */
const SOURCE_RANK = { label: 0, byline: 1, outlet: 2, wire: 3, signOff: 4 }
/**
 * Reporters in brackets closing a paragraph after its last sentence (`。（记者 陈雅婷）`), or
 * closing the story on a line of their own (`（南湖分局 王一鸣 沈佳琪）`), in brackets of any kind
 * (`【记者 陈雅婷】`).
 */
const CLOSING_CREDIT = /(?:^|[。！？」”][\s\u3000]*)[（(【〔]([^（）()【】〔〕]{2,40})[）)】〕]$/u
/** A portal's link to more from the provider of its story: `更多來自 中時新聞網 的內容`, `More from CNA`. */
const MORE_FROM =
  /^(?:更多來自|更多来自|More from)\s*(.{2,20}?)\s*(?:的內容|的内容|的新聞|的新闻)?$/u
/** An agency and its staff's initials after a slash: `CNA/rt(ac)`, `Reuters/mm`. */
const AGENCY_CODE = /^([\p{L}\p{N}][\p{L}\p{N} .&-]{1,29}?)\/[a-z]{1,4}(?:\([a-z]{1,4}\))?$/u
/** A reporter signing off an English broadcast script: `I'm Jonathan Evans.` */
const SIGNED_OFF = /^I['’]m ((?:\p{Lu}[\p{L}'’-]+)(?: \p{Lu}[\p{L}'’-]+){1,2})\.$/u
/** The paper or site itself, as a source label names it: `本报综合`, `本網`, `本站原创`. */
const OWN_PAPER = /^本(?:报|報|网|網|站|台|刊)/
/** A run of Han characters right before a reporter's role: `南方周末记者`. */
const ROLE_AFTER_NAME = new RegExp(`(\\p{Script=Han}{2,6}?)(${ROLES.join('|')})`, 'gu')
/** An agency's sign-off, its name alone after a dash or in brackets: `-- 马新社`, `（越通社）`. */
const SIGN_OFF =
  /^[\s\u3000]*(?:(?:-{1,2}|—{1,2}|－{1,2})[\s\u3000]*(\p{Script=Han}{2,8})|[（(](\p{Script=Han}{2,8})[）)])[\s\u3000]*$/u

interface Candidate<T> {
  value: T
  rank: number
  line: number
}

/** Reads the fields from the classified lines; `firstStory` is where the story's text starts. */
export function readFields(
  lines: readonly PageLine[],
  f: readonly LineFeatures[],
  verdicts: readonly Verdict[],
  firstStory: number,
  timeZone: string,
): PageFields {
  const out: PageFields = { authors: [], reports: [] }
  const dates: Candidate<NewsDate>[] = []
  const sources: Candidate<string>[] = []
  // Bylines under the story are added after the story's own.
  const above: [string[], number, string?][] = []
  const below: [string[], number, string?][] = []
  // Credited only when nobody else is: a photo story's photographer is its author.
  const photographers: [string[], number, string?][] = []
  const accounts: [string[], number][] = []
  let lastDay: { date: Candidate<NewsDate>; report: FieldReport } | undefined
  let menu: Set<string> | undefined
  // A picture's photographer is the author of a photo story (a picture and a paragraph at most),
  // not of a story in paragraphs, unless the credit is for the text too (`（文／圖：…）`).
  const photoStory = verdicts.filter((v) => v.class === 'story' && v.kept).length <= 1
  // The page's first line: its masthead, the site's name over its menu.
  const masthead = verdicts.findIndex((v) => v.class !== 'blank')

  const report = (entry: FieldReport) => {
    out.reports.push(entry)
    return entry
  }
  const addDate = (date: NewsDate, rank: number, i: number, item?: MetaItem) => {
    const candidate = { value: date, rank, line: i }
    dates.push(candidate)
    const entry = report({
      field: 'published',
      value: date.value,
      line: i + 1,
      ...label(item),
      precision: date.precision,
    })
    lastDay = { date: candidate, report: entry }
  }

  const books = bookBoxes(f)
  for (let i = 0; i < lines.length; i++) {
    const v = verdicts[i]!
    const x = f[i]!
    if (x.caption?.photographers.length) {
      report({ field: 'photographer', value: x.caption.photographers, line: i + 1 })
      if (x.caption.wrote || photoStory) photographers.push([x.caption.photographers, i])
    }
    if (v.reason === 'signature' && x.meta?.[0]?.date) addDate(x.meta[0].date, RANK.signature, i)
    // Metadata, and the credit lines kept with the story above or under it.
    if (v.class !== 'metadata' && !(v.kept && (v.zone === 'header' || v.reason === 'credit'))) {
      continue
    }
    const authors = v.zone === 'footer' ? below : above
    if (x.names) authors.push([x.names, i])
    for (const [k, item] of (x.meta ?? []).entries()) {
      if (item.pair) continue
      // A reviewed book's author and day are the book's, not the page's.
      if (books.has(i) && item.field !== 'source' && item.field !== 'editor') {
        report({ field: 'book', value: item.value, line: i + 1, ...label(item) })
        continue
      }
      if (item.field === 'time') {
        // A time alone completes the day on the line above it, a day without its time.
        const open = lastDay?.date.value.precision === 'date' ? lastDay : undefined
        const day = open && withTime(open.date.value, item.time!, timeZone)
        if (day && open) {
          open.date.value = day
          Object.assign(open.report, { value: day.value, precision: day.precision })
        }
      } else if (item.field === 'published' || item.field === 'date') {
        if (item.date) {
          const rank =
            item.field === 'published'
              ? RANK.label
              : v.zone === 'footer'
                ? RANK.footer
                : // `2025年3月23日 星期日` over the menu: the site's today, under the header's day.
                  v.zone === 'above'
                  ? RANK.above
                  : RANK.header
          addDate(item.date, rank, i, item)
        } else {
          report({ field: 'published', value: null, line: i + 1, ...label(item) })
        }
      } else if (item.field === 'updated') {
        if (item.date && !out.updated) out.updated = item.date
        report({
          field: 'updated',
          value: item.date?.value ?? null,
          line: i + 1,
          ...label(item),
          ...(item.date ? { precision: item.date.precision } : {}),
        })
      } else if (item.field === 'source') {
        // `来源：本报综合`: the paper itself, which names no outlet; `Source: CNA/rt(ac)`: the
        // agency, not its staff's initials.
        const value = AGENCY_CODE.exec(item.value)?.[1] ?? item.value
        if (value && !OWN_PAPER.test(value)) {
          // `发布者：党委宣传部`, `供稿：心血管内科`: who posted or supplied it names no outlet;
          // either yields to one the page names, the first of them to the other.
          const rank = item.poster ? SOURCE_RANK.outlet : SOURCE_RANK.label
          sources.push({ value, rank, line: i })
        }
        report({ field: 'source', value: item.value, line: i + 1, ...label(item) })
      } else if (item.field === 'author') {
        authors.push([authorNames(item.value), i, item.label])
        // `红星新闻记者 唐亮`, `撰文：巴士的報記者 鍾卓謙`: the outlet its reporters write for, as a
        // byline names it, in the label or in its value.
        const outlet =
          (item.label && labelOutlet(item.label)) || readByline(item.value, true)?.outlet
        if (outlet) sources.push({ value: outlet, rank: SOURCE_RANK.byline, line: i })
      } else if (item.account) {
        accounts.push([item.byline!.authors, i])
      } else if (item.field === 'byline') {
        authors.push([item.byline!.authors, i, item.label])
        if (item.byline!.outlet)
          sources.push({ value: item.byline!.outlet, rank: SOURCE_RANK.byline, line: i })
        if (item.byline!.photographers.length) {
          report({ field: 'photographer', value: item.byline!.photographers, line: i + 1 })
          photographers.push([item.byline!.photographers, i])
        }
      } else if (item.field === 'photographer') {
        report({ field: 'photographer', value: item.value, line: i + 1, ...label(item) })
        photographers.push([authorNames(item.value), i, item.label])
      } else if (item.field === 'outlet') {
        // `… 11:20 am | 诗巫新闻`: a name the site's menu lists is a section, not the source, as
        // is one named as news of a kind (`24/04/2025 校园新闻`); a
        // name alone on its line over the date is the newsroom's (`上海闵行`), and so is one its
        // reporters follow (`2025-08-14 09:12　中国煤炭报　　记者 乔建华`).
        menu ??= menuItems(lines, verdicts, masthead)
        const next = x.meta![k + 1]?.field
        if (
          x.meta!.length === 1 ||
          next === 'author' ||
          next === 'byline' ||
          !(menu.has(item.value) || SECTION_NAME.test(item.value))
        ) {
          sources.push({ value: item.value, rank: SOURCE_RANK.outlet, line: i })
        }
      } else {
        report({ field: item.field, value: item.value, line: i + 1, ...label(item) })
      }
    }
  }

  // `声明：本文内容由作者原创，发布于2025-03-08 09:03，仅代表作者观点。`: a post whose only date is
  // in its small print.
  if (!dates.length) {
    lines.forEach((l, i) => {
      const at = verdicts[i]!.reason === 'disclaimer' ? POSTED_AT.exec(l.plain) : null
      const date = at && findDate(l.plain, timeZone, at.index + at[0].length)
      if (date && date.index - (at.index + at[0].length) <= 2) addDate(date, RANK.smallPrint, i)
    })
  }
  // `文：體路記者 陳栢熙` under the masthead `體路 Sportsroad`, `南方周末记者 梁思远` over `南方周末
  // 版权所有`: a short name before a reporter's role names the source when the page prints it as
  // its own, in its masthead or its copyright line, as a known outlet's name would.
  if (!sources.length) {
    const own = lines
      .filter((_, i) => i === masthead || verdicts[i]!.reason === 'copyright')
      .map((l) => l.plain)
      .join('\n')
    for (let i = 0; i < lines.length && !sources.length; i++) {
      // A byline, in metadata or kept with the story (`新黄河记者：满雅琪 实习生：袁博`); not a
      // picture's credit (`（資料照，信傳媒記者攝）`).
      const byline = f[i]!.meta?.some((m) => m.field === 'author' || m.field === 'byline')
      const read = byline && (verdicts[i]!.class === 'metadata' || verdicts[i]!.kept)
      const site = read ? ownName(lines[i]!.plain, own) : undefined
      if (site) sources.push({ value: site, rank: SOURCE_RANK.signOff, line: i })
    }
  }
  // `（本文刊载于《三联生活周刊》…）`, `This article was first published in Lianhe Zaobao as …`:
  // where the story was first printed, as its reprint notes; `更多來自 中時新聞網 的內容`: the
  // provider a portal carries it from, as the portal's link to more of it says.
  lines.forEach((l, i) => {
    const reprint = verdicts[i]!.reason === 'reprint-note' && REPRINTED_IN.exec(l.plain)
    const more = verdicts[i]!.zone !== 'header' && MORE_FROM.exec(l.plain.trim())?.[1]
    const outlet =
      (reprint && (reprint[1] ?? reprint[2] ?? reprint[3])) || (more && isOutlet(more) && more)
    if (outlet) sources.push({ value: outlet.trim(), rank: SOURCE_RANK.signOff, line: i })
  })
  const opening = storyOpening(lines, verdicts, firstStory)
  // `虎扑03月12日讯` under the masthead `虎扑`: the short name before the day is the newsroom's.
  const own = opening?.named === lines[masthead]?.plain.trim() ? opening?.named : undefined
  const named = opening?.wire ?? opening?.outlet ?? own
  if (opening && named) sources.push({ value: named, rank: SOURCE_RANK.wire, line: opening.line })
  // `-- 马新社`: an agency's sign-off under the story names it, as its dateline would; so does
  // one agency alone in brackets, which is read as the story's contributors (`（越通社）`).
  lines.forEach((l, i) => {
    const v = verdicts[i]!
    const under = (v.kept || v.reason === 'contributors') && v.zone !== 'header'
    const signed = under && SIGN_OFF.exec(l.plain)
    const agency = signed && (signed[1] ?? signed[2])!
    if (agency && isOutlet(agency)) {
      sources.push({ value: agency, rank: SOURCE_RANK.signOff, line: i })
    }
  })
  // `…让小空间发挥更大作用。（记者 陈雅婷 通讯员 林国栋）`: a short news item's reporters in
  // brackets closing its last paragraph, or on a line of their own under it.
  const last = verdicts.findLastIndex((v) => v.class === 'story' && v.kept)
  const lastText = last === -1 ? '' : lines[last]!.plain.trim()
  // A credit line read as metadata (`（文/柯雨薇　图/黄振南）`) has given its names already.
  const closing = last === -1 || f[last]!.meta ? undefined : CLOSING_CREDIT.exec(lastText)?.[1]
  // `（周宏 邵丹丹）`: under the story, names alone in brackets are its writers'.
  const closed = closing
    ? (readByline(closing, false, true) ?? namesInBrackets(closing))
    : undefined
  // `I'm Jonathan Evans.`: a broadcast script's reporter signs off the story.
  const signer = SIGNED_OFF.exec(lastText)?.[1]
  if (signer) below.push([[signer], last])
  if (closed?.authors.length && !closed.photographers.length) {
    below.push([closed.authors, last])
    if (closed.outlet) sources.push({ value: closed.outlet, rank: SOURCE_RANK.byline, line: last })
  }
  const bylines = [
    ...above,
    ...(opening ? [[opening.authors, opening.line] as [string[], number]] : []),
    ...below,
  ]
  // `文｜财新 王雨辰`: a byline may open with its outlet's short name, which is nobody's.
  const outlets = [
    ...sources.map((c) => c.value),
    ...lines.flatMap((l, i) =>
      verdicts[i]!.zone === 'above' && isOutlet(l.plain) ? [l.plain.trim()] : [],
    ),
  ]
  // The masthead names the site (`石榴云`, `今视频 江西网络广播电视台`), whatever its name ends with.
  const site = verdicts[masthead]?.zone === 'above' ? lines[masthead]!.plain.trim() : undefined
  const siteNames = new Set(site ? [site, ...site.split(/[\s\u3000|｜·・]+/)] : [])
  // A newsroom's name alone over the date (`懂球帝`) is no writer either.
  const nobody = (name: string) => siteNames.has(name) || outlets.some((o) => o.startsWith(name))
  const credited = bylines.some(([names]) => names.some((n) => !nobody(n)))
  // A writer's account over its follow button wrote the post when no byline names anyone.
  for (const [all, line, by] of credited ? bylines : accounts.length ? accounts : photographers) {
    // `Photo : YONHAP News`: an agency's picture credits no person.
    const names = all.filter((n) => !nobody(n) && (credited || !isOutlet(n)))
    if (!names.length) continue
    for (const n of names) if (!out.authors.includes(n)) out.authors.push(n)
    report({ field: 'author', value: [...names], line: line + 1, ...(by ? { label: by } : {}) })
  }
  const first = <T>(list: Candidate<T>[]) =>
    [...list].sort((a, b) => a.rank - b.rank || a.line - b.line)[0]
  const day = first(dates)
  // `2025年7月3日 星期四` over the menu, `2025-07-03 14:15` under the title: a day the page also
  // gives with its time, where it counts as much, is that time.
  const timed =
    day?.value.precision === 'date'
      ? dates.find(
          (c) =>
            c.rank === day.rank &&
            c.value.precision === 'time' &&
            c.value.value.startsWith(day.value.value),
        )
      : undefined
  const published = (timed ?? day)?.value
  if (published) out.published = published
  const source = first(sources)?.value
  if (source) out.source = source
  out.reports.sort((a, b) => a.line - b.line)
  return out
}

/** The short name before a reporter's role on `line` that `own` (the page's own name) prints. */
function ownName(line: string, own: string): string | undefined {
  for (const [, run, role] of line.matchAll(ROLE_AFTER_NAME)) {
    // `查核記者`: the end of a longer role is no name.
    const longer = ROLES.find((r) => r.length > role!.length && (run! + role!).endsWith(r))
    const before = run!.slice(0, run!.length - (longer ? longer.length - role!.length : 0))
    // The longest end of the run before the role that the page names itself by: `南方周末`.
    for (let k = 0; k <= before.length - 2; k++) {
      const name = before.slice(k)
      if (
        isShortName(name) &&
        !name.startsWith('本') &&
        !REPORTER_KIND.test(name) &&
        own.includes(name)
      )
        return name
    }
  }
  return undefined
}

const label = (item?: MetaItem) => (item?.label ? { label: item.label } : {})

/** Labels only a book's data prints: `定價：`, `ISBN：`, `譯者：`. */
const BOOK_LABEL =
  /^(?:定[價价]|售[價价]|ISBN|[譯译]者|[頁页]數|[頁页]数|[裝装][幀帧]|[開开]本|出版社|原文作者)$/u
/** The farthest a book's data runs from its priced or numbered line. */
const BOOK_LINES = 6

/**
 * The lines of a reviewed book's data (`作者：蔡明哲`, `出版：潮間帶文化`, `定價：450元`): the
 * metadata lines set together with one that only a book prints.
 */
function bookBoxes(f: readonly LineFeatures[]): Set<number> {
  const box = new Set<number>()
  f.forEach((x, i) => {
    if (!x.meta?.some((m) => BOOK_LABEL.test(m.label ?? ''))) return
    for (const step of [-1, 1]) {
      for (let j = i; j >= 0 && j < f.length && Math.abs(j - i) <= BOOK_LINES; j += step) {
        if (!f[j]!.meta) break
        box.add(j)
      }
    }
  })
  return box
}

/**
 * The items of the site's menus: lines read as lists of links or short words, a breadcrumb's
 * sections, and the section over the title (`美里新闻`), but for the page's first line, the
 * masthead over them
 * (`三联生活周刊`, then `首页`, `封面故事`…).
 */
function menuItems(
  lines: readonly PageLine[],
  verdicts: readonly Verdict[],
  masthead: number,
): Set<string> {
  const items = new Set<string>()
  lines.forEach((l, i) => {
    const v = verdicts[i]!
    if (i !== masthead && v.class === 'furniture' && (v.reason === 'list' || v.zone === 'above')) {
      items.add(l.plain.trim())
    }
    // `主頁 » 社區新聞 » 海濱`: a breadcrumb's sections.
    if (v.reason === 'path' || v.reason === 'breadcrumb') {
      for (const item of l.plain.split(/[>»›＞→/／|｜]+/)) items.add(item.trim())
    }
  })
  return items
}

function withTime(day: NewsDate, time: ClockTime, timeZone: string): NewsDate | undefined {
  const [y, m, d] = day.value.slice(0, 10).split('-').map(Number)
  const value = dateValue({ year: y!, month: m!, day: d! }, time, timeZone)
  return value ? { ...day, value, precision: 'time' } : undefined
}

/** How many kept lines may open the story before its first paragraph: credit lines, a figure. */
const OPENING_LINES = 4

/** The authors and wire service named where the story opens: a credit line above it, or its dateline. */
function storyOpening(
  lines: readonly PageLine[],
  verdicts: readonly Verdict[],
  firstStory: number,
) {
  // The credit lines above the story and its first paragraph: a few kept lines at most.
  let kept = 0
  for (let i = 0; i < lines.length && kept < OPENING_LINES; i++) {
    if (!verdicts[i]!.kept) continue
    kept++
    const dateline = readDateline(lines[i]!.plain.replace(/^[ \t\u3000]+/, ''))
    if (
      dateline &&
      (dateline.authors.length || dateline.wire || dateline.outlet || dateline.named)
    ) {
      return { ...dateline, line: i }
    }
    if (i === firstStory) return undefined
  }
  return undefined
}

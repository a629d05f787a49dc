/**
 * An HTML paste (what a browser puts on the clipboard: `<!--StartFragment-->`, inline styles
 * and all) as lines for the classifier, with what the DOM knows: each block's text is a line
 * (split at `<br>`), with its tag, whether it is a heading, the share of its text inside links,
 * a `<time datetime>`, whether it is the caption of a figure with an image. `<ruby>` readings
 * are written in brackets after their base (`兒(ㄦˊ)`), so the annotation rules read them as
 * they read a text paste's. Parsed as browsers parse it, with the depth and element bounds of
 * html-tree.ts. `render` gives back the HTML of the lines kept, which the sanitiser then cleans
 * like any publisher HTML.
 */
import { serializeOuter } from 'parse5'
import { escapeHtml } from '../content'
import { parseHtml, type ChildNode, type Element, type ParentNode } from '../html-tree'
import { findAnnotations, removeAnnotations } from './annotations'
import type { DomHints, PageLine } from './page-lines'

const BLOCKS = new Set(
  (
    'address article aside blockquote center dd details dialog div dl dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary ' +
    'table tbody td tfoot th thead tr ul'
  ).split(' '),
)
/** Elements whose text is not the page's: code, controls, embedded things. */
const SKIPPED = new Set(
  (
    'audio button canvas embed head iframe input link map math meta noscript object option ' +
    'script select style svg template textarea title video'
  ).split(' '),
)
/** Marks where two inline elements meet with nothing between them. */
const SEAM = '\u0000'
/** Inline elements that never set items apart: a line break, annotated characters. */
const NO_SEAM = new Set(['br', 'ruby', 'wbr'])
/** The longest line whose elements side by side are read as items apart. */
const SEAM_CHARS = 120
/** Elements rendered whole when one of their lines is kept. */
const UNITS = new Set(['figure', 'ul', 'ol', 'table', 'dl'])

export interface HtmlPage {
  lines: PageLine[]
  /** The HTML of the kept lines' blocks, in page order; `stripRuby` takes the readings out. */
  render: (kept: ReadonlySet<number>, stripRuby: boolean) => string
}

interface Context {
  element?: Element
  /** Set when a block holds other blocks: its own text then goes as paragraphs of its own. */
  nested: boolean
  block: number
  parent: number
  tag: string
  heading?: number
  unit?: Element
  figure: boolean
  link: boolean
  /** Inside `<em>`, `<i>` or `<small>`: an image's caption under it is often set so. */
  emphasis?: boolean
  /** Inside a `<header>` or a block its class names as the article's head or summary. */
  standfirst: boolean
  byline: boolean
  /** Inside an `<article>`, whose own `<footer>` is the article's. */
  article: boolean
  /** Inside the site's footer (DomHints.footer). */
  footer: boolean
}

/** Elements that set a caption apart from the story under an image. */
const EMPHASIS = new Set(['em', 'i', 'small'])
/** The longest line set in italics under an image that is its caption. */
const CAPTION_CHARS = 80

/** How a `<time>`'s class or itemprop marks it as the update's: `updated`, `dateModified`. */
const UPDATED = /updated|modified/i
/**
 * Class names that mark a page's header or a story's summary box (`article-header-summary`), a
 * fact-check's verdict box (`verdict-box`) among them.
 */
const STANDFIRST_CLASS =
  /(?:^|[\s_-])(?:header|summary|dek|standfirst|abstract|excerpt|digest|verdict|highlights|takeaways|tldr)(?:$|[\s_-])/i

/**
 * How a block outside any `<article>` names itself the site's footer, a whole class or id
 * (`site-footer`, `colophon`); `has-footer` on a page's wrapper names no footer.
 */
const FOOTER_NAME = /^(?:footer|site-footer|page-footer|global-footer|main-footer|colophon)$/i

/** True for a block whose class or id names it the site's footer. */
function namesFooter(node: Element): boolean {
  return node.attrs.some(
    (a) =>
      (a.name === 'class' || a.name === 'id') &&
      a.value.split(/\s+/).some((t) => FOOTER_NAME.test(t)),
  )
}

/** Where pages print the article's authors: `<address>`, `class="byline"`, `rel="author"`. */
const BYLINE_MARK = /(?:^|[\s_-])(?:byline|author|authors|writer|reporter)(?:$|[\s_-])/i

/** True for an element that marks its text as the article's authors. */
function marksByline(node: Element): boolean {
  if (node.tagName === 'address') return true
  return node.attrs.some(
    (a) => ['class', 'rel', 'itemprop'].includes(a.name) && BYLINE_MARK.test(a.value),
  )
}

/** Reads a pasted HTML page. Throws HtmlLimitError when it is over the HTML limits. */
export function htmlLines(source: string): HtmlPage {
  const fragment = parseHtml(source)
  const lines: PageLine[] = []
  const units: (Element | string)[] = []
  // Each line's own block, for a list or table only part of which is kept (a layout table).
  const own: (Element | string)[] = []
  let blocks = 0
  let previousParent = -1
  let parts: string[] = []
  let chars = 0
  let linkChars = 0
  let emphasisChars = 0
  // An image since the last line: a short line set in italics right under it is its caption.
  let image = false
  // The images since the last line, outside any figure, list or table.
  let images: Element[] = []
  // Pictures in blocks of their own (`<p><img></p>`), each after the line it follows.
  const pictures: { after: number; html: string; unit?: Element; figure?: Element }[] = []
  let time: string | undefined
  let timeUpdated = false

  const flush = (ctx: Context) => {
    const joined = parts.join('')
    // `<span>来源：河南日报</span><span>浏览次数：…</span>`: side by side, two elements are two
    // items of a metadata line; in a sentence they are one run of text.
    const seam = joined.length <= SEAM_CHARS && !/[。！？!?]/.test(joined) ? ' ' : ''
    const text = joined
      .replaceAll(SEAM, seam)
      .replace(/[ \t\n\r\f]+/g, ' ')
      .trim()
    // `<p><img></p>` between two paragraphs: the story's picture, which has no line of text; or
    // a figure without a caption, whole.
    if (!text && images.length) {
      const figure = ctx.unit?.tagName === 'figure' ? ctx.unit : undefined
      const html = figure
        ? serializeOuter(figure)
        : `<p>${images.map((img) => serializeOuter(img)).join('')}</p>`
      if (!figure || !pictures.some((p) => p.figure === figure)) {
        pictures.push({
          after: lines.length - 1,
          html,
          unit: figure ? undefined : ctx.unit,
          figure,
        })
      }
    }
    images = []
    if (text) {
      const scan = findAnnotations(text)
      const dom: DomHints = { tag: ctx.tag, block: ctx.block }
      if (ctx.heading) dom.heading = ctx.heading
      if (chars) dom.link = linkChars / chars
      if (time) dom.time = time
      if (ctx.figure) dom.figure = true
      // `<p><img></p><p><em>校友会理事与出席校友合影。</em></p>`: a caption without a figure.
      if (image && chars <= CAPTION_CHARS && emphasisChars === chars) dom.tag = 'figcaption'
      image = false
      if (ctx.standfirst) dom.standfirst = true
      if (ctx.byline) dom.byline = true
      if (ctx.footer) dom.footer = true
      lines.push({
        text,
        plain: removeAnnotations(text, scan.annotations),
        annotations: scan.annotations,
        exact: scan.exact,
        han: scan.han,
        gap: ctx.parent !== previousParent,
        dom,
      })
      previousParent = ctx.parent
      const block = ctx.element && !ctx.nested ? ctx.element : `<p>${escapeHtml(text)}</p>`
      units.push(ctx.unit ?? block)
      own.push(block)
    }
    parts = []
    chars = linkChars = emphasisChars = 0
    time = undefined
    timeUpdated = false
  }

  const text = (value: string, ctx: Context) => {
    // Digits in two elements side by side are two fields (`<em>2024</em><em>03</em>`).
    const last = parts.at(-1)
    if (last && /\d$/.test(last) && /^\d/.test(value)) parts.push(' ')
    parts.push(value)
    const visible = value.replace(/\s+/g, '').length
    chars += visible
    if (ctx.link) linkChars += visible
    if (ctx.emphasis) emphasisChars += visible
  }

  const inline = (node: ParentNode, ctx: Context) => {
    let afterElement = false
    for (const child of node.childNodes) {
      // Annotated characters side by side (`<ruby>兒…</ruby><ruby>童…</ruby>`) are one word.
      const element =
        'tagName' in child && !BLOCKS.has(child.tagName) && !NO_SEAM.has(child.tagName)
      if (element && afterElement) parts.push(SEAM)
      visit(child, ctx)
      afterElement = element && !SKIPPED.has(child.tagName)
    }
  }

  // `<time class="published" …> <time class="updated" …>`: a line's first time, unless it is
  // marked as the update's and another is not.
  const readTime = (node: Element) => {
    const datetime = node.attrs.find((a) => a.name === 'datetime')?.value
    const update = node.attrs.some(
      (a) => (a.name === 'class' || a.name === 'itemprop') && UPDATED.test(a.value),
    )
    if (datetime && (time === undefined || (timeUpdated && !update))) {
      time = datetime
      timeUpdated = update
    }
  }

  const visit = (node: ChildNode, ctx: Context): void => {
    if (node.nodeName === '#text') return text((node as { value: string }).value, ctx)
    if (!('tagName' in node) || SKIPPED.has(node.tagName)) return
    const tag = node.tagName
    if (tag === 'br') return flush(ctx)
    if (tag === 'ruby') return ruby(node, ctx)
    if (tag === 'time') readTime(node)
    if (tag === 'img') {
      image = true
      images.push(node)
    }
    if (EMPHASIS.has(tag)) return inline(node, { ...ctx, emphasis: true })
    if (!BLOCKS.has(tag)) return inline(node, tag === 'a' ? { ...ctx, link: true } : ctx)
    flush(ctx)
    ctx.nested = true
    const block: Context = {
      element: node,
      nested: false,
      block: ++blocks,
      parent: ctx.block,
      tag,
      figure: ctx.figure || (tag === 'figure' && hasImage(node)),
      link: ctx.link,
      standfirst:
        ctx.standfirst ||
        tag === 'header' ||
        STANDFIRST_CLASS.test(node.attrs.find((a) => a.name === 'class')?.value ?? ''),
      byline: ctx.byline || marksByline(node),
      article: ctx.article || tag === 'article',
      footer: ctx.footer || (!ctx.article && (tag === 'footer' || namesFooter(node))),
    }
    if (/^h[1-6]$/.test(tag)) block.heading = Number(tag[1])
    block.unit = ctx.unit ?? (UNITS.has(tag) ? node : undefined)
    const before = lines.length
    inline(node, block)
    flush(block)
    // A block that held other blocks is not one unit (a figure or a list is): its own text
    // goes as paragraphs.
    if (block.nested && block.unit !== node) {
      for (let i = before; i < lines.length; i++) {
        if (units[i] === node) units[i] = `<p>${escapeHtml(lines[i]!.text)}</p>`
        if (own[i] === node) own[i] = `<p>${escapeHtml(lines[i]!.text)}</p>`
      }
    } else if (block.unit !== node && lines.length - before > 1 && own[before] === node) {
      // `天文台表示…<br><br>下午5時…`: a block whose lines `<br>` sets apart is that many
      // paragraphs, each kept or left on its own, with its own inline markup; so is a layout
      // table's cell (`<td>【本報消息】…<br><br>市政署指出…</td>`), when its table is not kept whole.
      const pieces = brPieces(node)
      for (let i = before; i < lines.length; i++) {
        const piece = pieces.length === lines.length - before ? pieces[i - before] : undefined
        const paragraph = `<p>${piece ?? escapeHtml(lines[i]!.text)}</p>`
        own[i] = paragraph
        if (units[i] === node) units[i] = paragraph
      }
    }
  }

  const ruby = (node: Element, ctx: Context) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) visit(child, ctx)
      else if (child.tagName === 'rt') text(`(${textOf(child)})`, ctx)
      else if (child.tagName !== 'rp') visit(child, ctx)
    }
  }

  const root: Context = {
    nested: true,
    block: 0,
    parent: -1,
    tag: 'body',
    figure: false,
    link: false,
    standfirst: false,
    byline: false,
    article: false,
    footer: false,
  }
  inline(fragment, root)
  flush(root)

  return {
    lines,
    render(kept, stripRuby) {
      // A table is kept whole only when all of its lines are: an old CMS lays the whole page
      // out in one, its title, metadata and controls too. Otherwise its kept lines go alone, as
      // they do from a table of one cell a row, which lays a page out and holds no data.
      const partial = new Set<Element | string>()
      lines.forEach((_, i) => {
        const unit = units[i]!
        if (typeof unit === 'string' || unit.tagName !== 'table') return
        if (!kept.has(i) || layoutOnly(unit)) partial.add(unit)
      })
      const seen = new Set<Element | string>()
      const html: string[] = []
      // A figure with a caption goes with its caption's line.
      const captioned = new Set(units)
      let picture = 0
      lines.forEach((_, i) => {
        const unit = partial.has(units[i]!) ? own[i]! : units[i]!
        if (kept.has(i) && !seen.has(unit)) {
          seen.add(unit)
          if (typeof unit === 'string') html.push(unit)
          else {
            if (stripRuby) withoutReadings(unit)
            html.push(serializeOuter(unit))
          }
        }
        // A picture between two kept lines is the story's; at its edges, a logo's or an ad's.
        for (; picture < pictures.length && pictures[picture]!.after <= i; picture++) {
          const { after, html: img, unit: whole, figure } = pictures[picture]!
          // In a figure, a list or a table kept whole, the picture is there already.
          const within =
            (whole !== undefined && !partial.has(whole)) ||
            (figure !== undefined && captioned.has(figure))
          if (after === i && kept.has(i) && kept.has(i + 1) && !within) html.push(img)
        }
      })
      return html.join('\n')
    },
  }
}

/** True for a table whose rows hold one cell each (nested tables aside): a page's layout. */
function layoutOnly(table: Element): boolean {
  let wide = false
  const rows = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child) || child.tagName === 'table' || wide) continue
      if (child.tagName === 'tr') {
        const cells = child.childNodes.filter((c) => 'tagName' in c && /^t[dh]$/.test(c.tagName))
        wide ||= cells.length > 1
      } else rows(child)
    }
  }
  rows(table)
  return !wide
}

/**
 * The HTML of a block's children between its `<br>`s, one piece for each stretch with text; a
 * `<br>` deeper down (inside a `<span>`) is not seen here, and the caller falls back to the text.
 */
function brPieces(node: Element): string[] {
  const pieces: string[] = []
  let html = ''
  let text = ''
  const end = () => {
    if (text.trim()) pieces.push(html.trim())
    html = text = ''
  }
  for (const child of node.childNodes) {
    if ('tagName' in child && child.tagName === 'br') end()
    else if (child.nodeName === '#text') {
      const value = (child as { value: string }).value
      html += escapeHtml(value)
      text += value
    } else if ('tagName' in child) {
      html += serializeOuter(child)
      text += SKIPPED.has(child.tagName) ? '' : textOf(child)
    }
  }
  end()
  return pieces
}

function textOf(node: ParentNode): string {
  let out = ''
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') out += (child as { value: string }).value
    else if ('childNodes' in child) out += textOf(child)
  }
  return out.replace(/\s+/g, ' ').trim()
}

function hasImage(node: ParentNode): boolean {
  return node.childNodes.some((c) => 'tagName' in c && (c.tagName === 'img' || hasImage(c)))
}

/** Takes `<rt>` and `<rp>` out of every `<ruby>` under `node`, leaving the base text. */
function withoutReadings(node: ParentNode): void {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue
    if (child.tagName === 'ruby') {
      child.childNodes = child.childNodes.filter(
        (c) => !('tagName' in c) || (c.tagName !== 'rt' && c.tagName !== 'rp'),
      )
    }
    withoutReadings(child)
  }
}

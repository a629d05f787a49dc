/**
 * Marks a line carries that say what it is whatever surrounds it: a photo caption (an HTML
 * figure's, `图为…`, a credit ending in `摄`), and a line of phonetic readings alone over the
 * characters it reads.
 */
import { isOutlet, readByline } from './byline'
import { PICTURE_OWNER } from './furniture-words'
import type { PageLine } from './page-lines'
import { readingMatch, syllableOf } from './readings'

const HAN = /\p{Script=Han}/u
/** Who stands where in a photo: `（左三）`, `（前排左起）`, `(right)`. */
const WHO_IS_WHERE =
  /[（(](?:左|右|中|前排|後排|后排)(?:[一二三四五六七八九十\d]|起)?[）)]|\((?:left|right|centre|center)\)/i
/**
 * A caption's marks (`图说：`, `圖一：`, `▲`, `Top photo via …`), or the placeholder a text paste leaves
 * where an image was, the caption after it (`[图片] …`).
 */
const CAPTION_START =
  /^(?:图说[：:]|圖說[：:]|图为|圖為|(?:资料|資料)?(?:图|圖|图片|圖片|照片?)(?:[来來]源)?[：:]|(?:[图圖]|相片|照片)[一二三四五六七八九十\d]{1,2}[：:]|[（(](?:图|圖|攝|摄)[)）／/]|Photo:|(?:Top |Cover |Header )?(?:Photo|Image|Picture)s? (?:via|by|from|courtesy of) |■|▲|▼|△|▽|●|\[(?:图片|圖片|图|圖|image|img|photo|picture)\]\s*\S)/i
/**
 * A photo's credit alone on its line: `圖像：Markus Feld/dpa`, `图片来源：视觉中国`, `Photo: AP`
 * (or OUTLET_PHOTOGRAPHER's, or PICTURE_OWNER's `© WFP`).
 */
const CREDIT_ALONE =
  /^(?:图片|圖片|图像|圖像|影像|照片|图|圖)(?:[来來]源|提供)?\s*[：:]\s*\S.{0,60}$|^(?:Photo|Image)(?: credit)?\s*:\s*\S.{0,60}$|^(?:图片|圖片|照片)由.{1,16}提供[。.]?$/i
/** An outlet and its photographer, a photo's credit alone on its line: `TODAY/Raj Nadarajan`. */
const OUTLET_PHOTOGRAPHER =
  /^[A-Z][A-Za-z.&]{1,15}\s?\/\s?\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3}$/u
/** A photo credit in brackets closing an English caption: `(photo by Chuang Yung-ching)`. */
const LATIN_CREDIT =
  /[（(]\s*(?:photos?|images?|pictures?)\s*(?:by\s+|[:：]\s*)([^（）()]{2,40})[）)]\s*$/i
/** A credit closing a short caption: `…站厅。（朝日新闻）`, `…试运营。 Source: AAP / AAP Image`. */
const OUTLET_CLOSING = /[（(]([^（）()]{2,40})[）)]$/
const SOURCE_CLOSING = /\s(?:Source|Photo|Image|Credit)\s*:\s*\S.{0,40}$/
/** An agency after a slash, closing a caption's sentence: `…查询路线。/韩联社`. */
const SLASHED_CLOSING = /[。.!！][\s\u3000]*[/／]\s*([^/／\s]{2,12})$/u
/**
 * A body's picture credited after a caption's sentence: `…新增寵物公園。（康文署圖片）` (a note in
 * brackets in a list, `实物资料（含老照片）`, has no sentence before it).
 */
const OWNED_PICTURE = /[。！？][\s\u3000]*[（(][^（）()，、,]{1,12}(?:圖片|图片|照片)[）)]$/
/** The longest line whose closing credit makes it a caption. */
const CREDITED_CHARS = 60
/**
 * The placeholder a text paste leaves where an image was: `[图片]`, what the image is of before
 * its word (`[暴雨橙色预警信号图标]`), or `图片` alone, as a phone copies a WeChat article.
 */
const PLACEHOLDER =
  /^\[(?:[^[\]]{0,16}(?:图标|圖標|图示|圖示|图片|圖片|照片)|图|圖|相片|头像|頭像|image|img|photo|picture|icon)\]$|^(?:图片|圖片)$/iu
/** A photographer's or a picture's credit label: `摄影/`, `图片来源：`. */
const CREDIT_LABEL = /^(?:摄影|攝影|图片|圖片|图|圖)(?:[来來]源)?\s*[／/：:]\s*/
/** How a photographer's credit ends: `摄`, `攝影`, perhaps with the agency (`何红福摄（中经视觉）`). */
const PHOTO_END = /(?:攝|摄)(?:影)?\s*(?:[（(][^（）()]{2,12}[）)])?\s*$|\s[图圖]\s*$/
/**
 * How a supplied picture's credit ends a caption: `受访单位供图`, `资料图`, `網路截圖`,
 * `[照片=仁川国际机场公社提供]` (as Korean papers credit it).
 */
const SUPPLIED_END =
  /(?:[（(][^（）()]{1,12}提供|[[［](?:照片|图片|圖片|사진)\s?=[^\]］]{1,24}[\]］]|供图|供圖|资料图片?|資料圖片?|资料照片?|資料照片?|档案照片?|檔案照片?|截图|截圖|翻摄|翻攝|[（(](?:(?:讀者|读者|網民|网民|市民|受訪者|受访者|警方|消防)?提供|自制|自製))\s*[)）]?\s*$/
/**
 * A photo credit in brackets closing the line: `（摄影：李俊杰）`, `（圖／記者王小明攝）`, `（示意图：互联网）`,
 * `（照片：新跃社科大学）`.
 */
const BRACKETED_CREDIT =
  /[（(]\s*(?:(?:文[／/]圖|文[／/]图|圖文|图文|摄影|攝影|照片|相片|(?:示意|[资資]料)?(?:图|圖)(?:片)?)(?:[来來]?源)?\s*[：:／/]\s*([^（）()]{1,24})|([^（）()]{1,24}?(?:攝|摄)(?:影)?))\s*[）)]$/

/** A bracketed credit naming where a picture came from: `（图片来源：…）`, `（图源：…）`, `（示意图：…）`. */
const PICTURE_SOURCE = /[来來]源|[图圖]源|^[（(]\s*(?:示意|[资資]料)[图圖]/
/** A bracketed credit for the text and the picture: `（文／圖：…）`, `（图文：…）`. */
const WROTE_TOO = /^[（(]\s*(?:文[／/]|圖文|图文)/

export interface Caption {
  photographers: string[]
  /** The credit is for the text as well (`文／圖：`): the photographers wrote the story. */
  wrote?: true
  /** Marked as a caption beyond doubt (a credit, `图为`, `▲`, a figure): even a sentence is one. */
  sure: boolean
  /** The placeholder a text paste leaves where an image stood (`[图片]`); its caption is under it. */
  placeholder?: true
  /** A credit alone (`圖像：Markus Feld/dpa`, `图片来源：视觉中国`): its caption may be above it. */
  credit?: true
}

/** A caption: an HTML figure's, or a line marked as one or ending with a photographer's credit. */
export function caption(text: string, line: PageLine): Caption | undefined {
  if (PLACEHOLDER.test(text.trim())) return { photographers: [], sure: true, placeholder: true }
  const bracketed = BRACKETED_CREDIT.exec(text)
  if (bracketed) {
    // `（图片来源：Destination NSW）`, `（示意图：互联网）`: where the picture came from, not who
    // took it (`（資料照，顏麟宇攝）` names who took a file photo).
    if (PICTURE_SOURCE.test(bracketed[0])) return { photographers: [], sure: true }
    const credit = bracketed[1] ?? bracketed[2]!
    const byline = readByline(
      bracketed[1] ? credit : credit.replace(/^(?:圖|图)\s*[／/]/, ''),
      true,
    )
    const named = byline?.photographers.length ? byline.photographers : (byline?.authors ?? [])
    // `（文／圖：記者 黃詠琪）`: who took the picture wrote the story too.
    return WROTE_TOO.test(bracketed[0])
      ? { photographers: named, sure: true, wrote: true }
      : { photographers: named, sure: true }
  }
  // `(photo by Chuang Yung-ching)`: an English caption's credit in brackets.
  const latin = LATIN_CREDIT.exec(text)?.[1]
  if (latin) return { photographers: [latin.trim()], sure: true }
  // `(朝日新闻)`, `(ABC News: Daniel Pirelli)`: the outlet, perhaps its photographer after a colon
  // or a slash (`（ANTARA/Kornelis Kaha）`); `…查询路线。/韩联社`: or after a slash.
  const closing = OUTLET_CLOSING.exec(text)?.[1]
  const outlet = (closing ?? SLASHED_CLOSING.exec(text)?.[1])?.split(/[:：]/)[0]?.trim()
  const agency = closing !== undefined && OUTLET_PHOTOGRAPHER.test(closing.trim())
  if (
    text.length <= CREDITED_CHARS &&
    ((outlet && isOutlet(outlet)) ||
      agency ||
      OWNED_PICTURE.test(text) ||
      SOURCE_CLOSING.test(text))
  ) {
    return { photographers: [], sure: true }
  }
  const tail = text.slice(text.lastIndexOf('。') + 1).replace(/^[\s\u3000]+/, '')
  const credit =
    tail.length <= 40 && PHOTO_END.test(tail)
      ? readByline(tail.replace(/[（(][^（）()]{2,12}[）)]\s*$/, ''))
      : undefined
  if (credit?.photographers.length) return { photographers: credit.photographers, sure: true }
  // `居民扫码借用工具。摄影/本报记者 许一帆`, `资料图。图片来源：视觉中国`: a credit label closing it.
  if (tail.length <= 40 && tail.length < text.length && CREDIT_LABEL.test(tail)) {
    const named = readByline(tail.replace(CREDIT_LABEL, ''), true)
    return { photographers: named?.authors ?? [], sure: true }
  }
  // `…座无虚席。 澎湃新闻记者 吴婷 图`: a reporter's name and 图 credit the picture.
  if (credit?.authors.length && /[图圖]\s*$/.test(tail)) {
    return { photographers: credit.authors, sure: true }
  }
  if (tail.length <= 40 && SUPPLIED_END.test(tail)) return { photographers: [], sure: true }
  if (CREDIT_ALONE.test(text) || OUTLET_PHOTOGRAPHER.test(text) || PICTURE_OWNER.test(text))
    return { photographers: [], sure: true, credit: true }
  if (line.dom?.tag === 'figcaption' || CAPTION_START.test(text)) {
    // `■本报记者 王小明`: a bullet some papers print before the byline, not a photo's mark.
    const bullet = /^[■●▲▼△▽][\s\u3000]*/.exec(text)?.[0]
    if (bullet && readByline(text.slice(bullet.length))?.authors.length) return undefined
    return { photographers: [], sure: true }
  }
  // Who stands where marks a short line as a caption; a paragraph may say it in passing.
  if (text.length <= 60 && WHO_IS_WHERE.test(text)) return { photographers: [], sure: false }
  return undefined
}

/** True when `syllables` are the readings of the Han characters of `line`, one by one. */
export function readsLine(syllables: string, line: string): boolean {
  const words = syllables.split(/[\s\u3000]+/).filter(Boolean)
  const han = [...line].filter((ch) => HAN.test(ch))
  if (words.length !== han.length) return false
  return words.every((w, k) => {
    const syllable = syllableOf(w)
    return syllable !== undefined && readingMatch(han[k]!, syllable) !== undefined
  })
}

/** True for a line of two or more pinyin or zhuyin syllables and nothing else. */
export function onlyReadings(text: string): boolean {
  if (HAN.test(text)) return false
  const words = text.split(/[\s\u3000]+/).filter(Boolean)
  return (
    words.length >= 2 && words.every((w) => syllableOf(w) !== undefined && /[^a-z]|\d$/i.test(w))
  )
}

/**
 * Pages as newsrooms paste them, each with what the import must make of it. One JSON file
 * per page: `text` is the page line by line, `expect` the title, authors, date and its
 * precision, how the summary starts, the body's paragraphs and the report's furniture rules.
 */
import creditLine from './credit-line.json?raw'
import dateAndTime from './date-and-time.json?raw'
import dateOnly from './date-only.json?raw'
import datelineBenbao from './dateline-benbao.json?raw'
import datelineChinanews from './dateline-chinanews.json?raw'
import datelineJingzhou from './dateline-jingzhou.json?raw'
import datelineXinhua from './dateline-xinhua.json?raw'
import englishByline from './english-byline.json?raw'
import govPortalPinyin from './gov-portal-pinyin.json?raw'
import mangledFurniture from './mangled-furniture.json?raw'
import pronunciation from './pronunciation.json?raw'
import realBrackets from './real-brackets.json?raw'
import taiwanZhuyin from './taiwan-zhuyin.json?raw'

export interface PastedPage {
  name: string
  description: string
  /** The `?annotations=` choice, when not the default. */
  annotations?: 'strip' | 'keep' | 'ruby'
  text: string[]
  expect: {
    title: string
    authors: string[]
    published?: string
    precision?: 'date' | 'time'
    source?: string
    summary_starts: string
    paragraphs: string[]
    /** `dropped`: [line, rule] pairs; `annotated`: whether annotations were found and removed. */
    report: { dropped: [number, string][]; annotated: boolean }
  }
}

const FILES: Record<string, string> = {
  'credit-line': creditLine,
  'date-and-time': dateAndTime,
  'date-only': dateOnly,
  'dateline-benbao': datelineBenbao,
  'dateline-chinanews': datelineChinanews,
  'dateline-jingzhou': datelineJingzhou,
  'dateline-xinhua': datelineXinhua,
  'english-byline': englishByline,
  'gov-portal-pinyin': govPortalPinyin,
  'mangled-furniture': mangledFurniture,
  pronunciation: pronunciation,
  'real-brackets': realBrackets,
  'taiwan-zhuyin': taiwanZhuyin,
}

/** Every page of the corpus, read from its file. */
export function pastedPages(): PastedPage[] {
  return Object.entries(FILES).map(([name, raw]) => ({ name, ...JSON.parse(raw) }))
}

import { htmlToText } from '../articles/content'

/** Text that a feed may have written as HTML (RSS titles, descriptions as summaries). */
export function htmlText(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim()
}

/**
 * Finding articles by their title, as an editor types it: case, width (full-width Ｌａｔｉｎ) and
 * Chinese script do not matter (經濟 finds 经济), and each word of the query must appear.
 */
import { foldScript } from './script-fold'

/** Longest query a listing takes, in characters. */
export const TITLE_QUERY_MAX = 200

/** Text folded for matching: compatibility forms, lower case, one Chinese script. */
function fold(text: string): string {
  return foldScript(text.normalize('NFKC').toLowerCase())
}

/**
 * A test for titles matching `query`: every word of it (split on spaces) appears in the
 * title. A query of no words matches every title.
 */
export function titleMatcher(query: string): (title: string) => boolean {
  const words = fold(query).split(/\s+/u).filter(Boolean)
  return (title) => {
    const folded = fold(title)
    return words.every((word) => folded.includes(word))
  }
}

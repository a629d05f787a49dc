/**
 * Bounds that keep every parser on the import path linear in its input: a line longer than
 * MAX_LINE_CHARS is never read as metadata or furniture (such lines are real text, and the
 * import report says so), and datelines are looked for only in a paragraph's first
 * DATELINE_CHARS characters.
 */

/** Metadata and furniture lines are short; longer lines are body. */
export const MAX_LINE_CHARS = 400

/** A dateline with its byline fits in this many characters at the start of the story. */
export const DATELINE_CHARS = 120

/** True when a line is short enough to be read as metadata or furniture. */
export function isShortLine(line: string): boolean {
  return line.length <= MAX_LINE_CHARS
}

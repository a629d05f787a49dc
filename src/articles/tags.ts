import { foldScript } from './script-fold'

/** A tag as shown: NFC, trimmed, inner runs of whitespace collapsed to one space. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/gu, ' ')
}

/** What two spellings are told apart by: `Rust` and `rust` are one spelling. */
export function spellingOf(tag: string): string {
  return normalizeTag(tag).toLowerCase()
}

/**
 * What two tags are compared by, and what index keys hold: `Rust` and `rust` name one tag,
 * and so do `經開區` and `经开区` (see script-fold.ts).
 */
export function foldTag(tag: string): string {
  return foldScript(spellingOf(tag))
}

/** Tags without duplicates (compared by `by`, folded by default); first spelling and order kept. */
export function uniqueTags(tags: readonly string[], by = foldTag): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const tag of tags.map(normalizeTag)) {
    const folded = by(tag)
    if (tag && !seen.has(folded)) {
      seen.add(folded)
      out.push(tag)
    }
  }
  return out
}

/** A tag as shown: NFC, trimmed, inner runs of whitespace collapsed to one space. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/gu, ' ')
}

/** What two tags are compared by: `經開區` and `Rust`/`rust` each name one tag. */
export function foldTag(tag: string): string {
  return normalizeTag(tag).toLowerCase()
}

/** Tags without duplicates (compared folded), first spelling kept, order kept. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const tag of tags.map(normalizeTag)) {
    const folded = foldTag(tag)
    if (tag && !seen.has(folded)) {
      seen.add(folded)
      out.push(tag)
    }
  }
  return out
}

import corpus from './hostile.json'

export interface CorpusEntry {
  article: Record<string, unknown> & { id: string; title: string }
  /** What must read back where cleaning (NFC, removed characters) changes the input. */
  expect?: { title?: string; tags?: string[] }
}

/** The hostile corpus with `repeat` expanded (a 300-character title, a 200 KB body). */
export function hostileArticles(): CorpusEntry[] {
  return (corpus.articles as unknown as CorpusEntry[]).map(({ article, expect }) => {
    const { repeat, ...rest } = article as { repeat?: Record<string, number> } & CorpusEntry['article']
    const expanded: Record<string, unknown> = { ...rest }
    for (const [field, times] of Object.entries(repeat ?? {})) {
      expanded[field] = String(rest[field]).repeat(times)
    }
    return { article: expanded as CorpusEntry['article'], expect }
  })
}

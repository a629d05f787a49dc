import corpus from './hostile.json'
import { expandArticle } from './expand.mjs'

export interface CorpusEntry {
  article: Record<string, unknown> & { id: string; title: string }
  /** What must read back where cleaning (NFC, removed characters) changes the input. */
  expect?: { title?: string; tags?: string[] }
}

/** The hostile corpus with `repeat` expanded (a 300-character title, a 200 KB body). */
export function hostileArticles(): CorpusEntry[] {
  return (corpus.articles as unknown as CorpusEntry[]).map(({ article, expect }) => ({
    article: expandArticle(article) as CorpusEntry['article'],
    expect,
  }))
}

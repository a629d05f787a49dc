// Read as text and parsed here: Vite's JSON transform (8.3) chokes on the corpus's escaped
// lone surrogates, which JSON.parse reads as the corpus means them.
import raw from './hostile.json?raw'
import { expandArticle } from './expand.mjs'

export interface CorpusEntry {
  article: Record<string, unknown> & { id: string; title: string }
  /** What must read back where cleaning (NFC, removed characters) changes the input. */
  expect?: { title?: string; tags?: string[] }
}

/** The hostile corpus with `repeat` expanded (a 300-character title, a 100 KB body). */
export function hostileArticles(): CorpusEntry[] {
  const corpus = JSON.parse(raw) as { articles: CorpusEntry[] }
  return corpus.articles.map(({ article, expect }) => ({
    article: expandArticle(article) as CorpusEntry['article'],
    expect,
  }))
}

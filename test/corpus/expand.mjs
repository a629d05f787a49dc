/**
 * Expands a corpus entry's `repeat` (field -> times) so the corpus file stays small while
 * still holding a 300-character title and a 100 KB body (200 KB once stored with its other-script
 * version, close to the stored-size budget). Shared by vitest and scripts/e2e.mjs.
 * @param {Record<string, unknown>} article
 * @returns {Record<string, unknown>}
 */
export function expandArticle(article) {
  const { repeat, ...rest } = article
  const out = { ...rest }
  for (const [field, times] of Object.entries(repeat ?? {}))
    out[field] = String(rest[field]).repeat(times)
  return out
}

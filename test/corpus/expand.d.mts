export function expandArticle(article: Record<string, unknown>): Record<string, unknown>

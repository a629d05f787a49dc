export function chineseText(seed: number, bytes?: number): string
export function benchArticle(
  i: number,
): Record<string, unknown> & { title: string; content_text: string }

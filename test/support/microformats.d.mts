export function articlePageProblems(
  html: string,
  pageUrl: string,
  article: {
    title: string
    summary?: string
    tags: string[]
    image?: string
    photos?: { url: string }[]
    authors: { name: string }[]
  },
  siteTitle: string,
): string[]
export function listPageProblems(html: string, pageUrl: string, count: number): string[]
export function siteCardProblems(html: string, siteUrl: string, me: string[]): string[]

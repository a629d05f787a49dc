/**
 * The desk's preview: an unsaved article's page rendered exactly as the site renders it for
 * readers (src/routes/pages.tsx), in Traditional and in Simplified for a Chinese article (the
 * `/zh-Hant` and `/zh-Hans` versions, from the variants a write converts), else as it is.
 */
import type { Config } from '../../config'
import type { PublicArticle } from '../../articles/model'
import { scriptOf, type Script } from '../../articles/script'
import { inScript } from '../../articles/variants'
import { ArticlePage } from '../article-page'
import { articleMeta } from '../models/article'
import { siteModel } from '../models/site'

/** Traditional first: the order a reader of either expects to find them side by side. */
const SIDE_BY_SIDE: readonly Script[] = ['zh-Hant', 'zh-Hans']

export interface PreviewPage {
  /** The script version shown, or null for an article not in Chinese. */
  script: Script | null
  /** The whole page, as readers get it. */
  html: string
}

export async function previewPages(
  article: PublicArticle,
  config: Config,
  baseUrl: string,
): Promise<PreviewPage[]> {
  const scripts = scriptOf(article.language) ? SIDE_BY_SIDE : [undefined]
  return Promise.all(
    scripts.map(async (script) => {
      const site = siteModel(config, baseUrl, script)
      const shown = inScript(article, script)
      const meta = articleMeta(site, shown, article.language)
      // What `c.html()` sends: hono/jsx renders an element to a string, or to a promise of one.
      const page = <ArticlePage site={site} article={shown} meta={meta} />
      const html = (page as unknown as { toString(): string | Promise<string> }).toString()
      return { script: script ?? null, html: await html }
    }),
  )
}

import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { scriptOf, type Script } from '../articles/script'
import { scriptPrefix } from '../urls'
import { labelsFor } from '../views/labels'
import type { Site } from '../views/layout'

/** The site as the views need it, for this request's script variant (or another one). */
export function siteFor(c: Context<AppEnv>, script: Script | undefined = c.var.script): Site {
  const { config } = c.var
  const lang = script ?? config.language
  return {
    title: config.siteTitle,
    description: config.siteDescription,
    baseUrl: c.var.baseUrl,
    prefix: scriptPrefix(script),
    lang,
    timeZone: config.timeZone,
    chinese: scriptOf(config.language) !== undefined,
    labels: labelsFor(lang),
  }
}

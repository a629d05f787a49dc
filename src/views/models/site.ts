import type { Config } from '../../config'
import { scriptOf, type Script } from '../../articles/script'
import { scriptPrefix } from '../../urls'
import { labelsFor } from '../labels'
import type { Site } from '../layout'

/** The site as the views need it, in one script variant (or the original). */
export function siteModel(config: Config, baseUrl: string, script?: Script): Site {
  const lang = script ?? config.language
  return {
    title: config.siteTitle,
    description: config.siteDescription,
    baseUrl,
    prefix: scriptPrefix(script),
    ...(script ? { script } : {}),
    lang,
    timeZone: config.timeZone,
    chinese: scriptOf(config.language) !== undefined,
    me: config.siteMe,
    labels: labelsFor(lang),
    mediaPublicUrl: config.mediaPublicUrl,
  }
}

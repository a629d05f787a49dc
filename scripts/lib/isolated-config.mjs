// The Worker's wrangler configuration, copied as JSON into a folder of its own for the tests
// and the end-to-end Worker. wrangler reads secrets and vars from `.dev.vars` (or `.env`)
// beside the configuration it is given, with no option to stop it, and `npm start` writes the
// developer's `.dev.vars` beside wrangler.toml: a copy elsewhere keeps that local state out,
// so the tests see wrangler.toml's values and the ones they bind themselves, nothing else.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { experimental_readRawConfig } from 'wrangler'

const CACHE = 'node_modules/.cache/edgefeed-config'

/**
 * Writes `config` (a wrangler.toml) as `wrangler.json` in a folder that holds nothing else, and
 * returns its path. `[secrets]` is left out, so wrangler does not look for them in the
 * environment either: the caller binds every secret it needs.
 * @param {string} config
 * @returns {{ path: string, vars: Record<string, string> }}
 */
export function isolatedConfig(config = 'wrangler.toml') {
  const { rawConfig } = experimental_readRawConfig({ config })
  const rest = { ...rawConfig }
  delete rest.secrets
  const folder = resolve(CACHE, basename(config).replace(/\W+/g, '-'))
  mkdirSync(folder, { recursive: true })
  const json = { ...rest, main: resolve(dirname(config), rawConfig.main) }
  // Paths in the configuration are read from its folder: the copy names them in full.
  if (rawConfig.assets?.directory) {
    json.assets = {
      ...rawConfig.assets,
      directory: resolve(dirname(config), rawConfig.assets.directory),
    }
  }
  const path = join(folder, 'wrangler.json')
  // Written whole and renamed, so a run reading it never sees half a file.
  const partial = `${path}.${process.pid}`
  writeFileSync(partial, JSON.stringify(json, null, 2))
  renameSync(partial, path)
  return { path, vars: /** @type {Record<string, string>} */ (rawConfig.vars ?? {}) }
}

/**
 * The Worker under test sees wrangler.toml's vars and the tests' own token, whatever the
 * checkout holds besides: `npm start` writes a .dev.vars with the developer's token, and
 * wrangler would read it (and the shell's environment) beside the configuration it is given.
 * CI runs `npm start` before `npm test`, so this runs with such a .dev.vars present.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, inject, it } from 'vitest'
import { ADMIN_TOKEN, SITE } from '../helpers'
import { FIXTURE_HOST } from '../support/fixture-host'

describe('the environment of the Worker under test', () => {
  it("holds wrangler.toml's vars and the tests' bindings, nothing from .dev.vars", () => {
    const configured = inject('configuredVars')
    expect(Object.keys(configured).length).toBeGreaterThan(5)
    const seen = env as unknown as Record<string, unknown>
    for (const [name, value] of Object.entries(configured)) {
      // The tests' own: SITE_URL, and the fixture host imports may fetch from.
      const own = { SITE_URL: SITE, IMPORT_ALLOW_HOSTS: FIXTURE_HOST } as Record<string, string>
      expect(seen[name], name).toBe(own[name] ?? value)
    }
    expect(seen.ADMIN_TOKEN).toBe(ADMIN_TOKEN)
  })
})

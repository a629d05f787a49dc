import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config'

describe('SITE_ME', () => {
  it("lists the site's profiles, trimmed, none by default", () => {
    expect(loadConfig({}).siteMe).toEqual([])
    expect(
      loadConfig({ SITE_ME: ' https://mastodon.example/@news , https://bsky.example/news ' })
        .siteMe,
    ).toEqual(['https://mastodon.example/@news', 'https://bsky.example/news'])
  })

  it('refuses anything but http(s) URLs, naming the variable and the value', () => {
    for (const bad of ['@news@mastodon.example', 'javascript:alert(1)', 'https://ok.example,/me']) {
      expect(() => loadConfig({ SITE_ME: bad })).toThrow(ConfigError)
    }
    expect(() => loadConfig({ SITE_ME: 'mastodon.example/@news' })).toThrow(
      `SITE_ME must be comma-separated http(s) URLs (the site's profiles elsewhere), and "mastodon.example/@news" is not one`,
    )
  })
})

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

describe('ACCESS_TEAM_DOMAIN and ACCESS_AUD', () => {
  const AUD = 'a1b2c3d4e5f6'
  it('are off unless both are set, and take the team in any of its written forms', () => {
    expect(loadConfig({}).access).toBeUndefined()
    for (const team of [
      'newsroom',
      'newsroom.cloudflareaccess.com',
      'https://NewsRoom.cloudflareaccess.com/',
    ]) {
      expect(loadConfig({ ACCESS_TEAM_DOMAIN: team, ACCESS_AUD: AUD }).access).toEqual({
        issuer: 'https://newsroom.cloudflareaccess.com',
        aud: AUD,
      })
    }
  })

  it('refuses one without the other, another host, or an audience with spaces, naming them', () => {
    expect(() => loadConfig({ ACCESS_TEAM_DOMAIN: 'newsroom' })).toThrow(
      'ACCESS_TEAM_DOMAIN and ACCESS_AUD must be set together',
    )
    expect(() => loadConfig({ ACCESS_AUD: AUD })).toThrow(ConfigError)
    for (const team of ['newsroom.example.org', 'https://evil.test/x.cloudflareaccess.com', '-x']) {
      expect(() => loadConfig({ ACCESS_TEAM_DOMAIN: team, ACCESS_AUD: AUD })).toThrow(
        'ACCESS_TEAM_DOMAIN must be a Cloudflare Access team',
      )
    }
    expect(() => loadConfig({ ACCESS_TEAM_DOMAIN: 'newsroom', ACCESS_AUD: 'a b' })).toThrow(
      'ACCESS_AUD',
    )
  })
})

/**
 * An article sent without a language on this zh-Hant site (wrangler.toml): the site's language
 * only when the text agrees with it.
 */
import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, publish } from '../helpers'

afterEach(() => reset())

describe('an article without a language', () => {
  it('is English when written in English, and its page says so', async () => {
    const c = client()
    const stored = await publish(c, {
      id: 'budget',
      title: 'Council approves the budget',
      content_text: 'The city council approved the budget for next year late on Monday.',
      published: '2024-06-03T09:00:00+08:00',
    })
    expect(stored.language).toBe('en')
    const page = await (await c.get('/articles/budget')).text()
    expect(page).toMatch(/<html lang="en">/)
    // Dates as English readers write them, not 2024年6月3日.
    expect(page).toMatch(/June 3, 2024/)
  })

  it('is zh-Hans when written in Simplified characters, zh-Hant when in Traditional', async () => {
    const c = client()
    const simplified = await publish(c, {
      title: '经济数据显示制造业持续回暖',
      content_text: '国家统计局今天发布的数据显示，制造业指数连续三个月上升。',
    })
    expect(simplified.language).toBe('zh-Hans')
    const traditional = await publish(c, {
      title: '經開區舉辦創新論壇',
      content_text: '經開區昨日舉辦論壇，逾百家企業參與。',
    })
    expect(traditional.language).toBe('zh-Hant')
  })
})

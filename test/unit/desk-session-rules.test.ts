import { describe, expect, it } from 'vitest'
import {
  enrolmentRefusal,
  relyingParty,
  sameOrigin,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionAlive,
  sessionCookie,
  sessionIdOf,
} from '../../src/access/session-rules'

const ID = 'a'.repeat(43)

describe('desk session rules', () => {
  it('an enrolment link is refused once used, and from the instant it expires', () => {
    expect(enrolmentRefusal({ expiresMs: 1000, usedMs: null }, 999)).toBeUndefined()
    expect(enrolmentRefusal({ expiresMs: 1000, usedMs: null }, 1000)).toBe('expired')
    expect(enrolmentRefusal({ expiresMs: 1000, usedMs: 5 }, 10)).toBe('used')
  })

  it('a session ends when idle too long or too old, however busy', () => {
    const t = 1_000_000_000
    expect(sessionAlive({ createdMs: t, seenMs: t }, t + SESSION_IDLE_MS - 1)).toBe(true)
    expect(sessionAlive({ createdMs: t, seenMs: t }, t + SESSION_IDLE_MS)).toBe(false)
    const busy = { createdMs: t, seenMs: t + SESSION_ABSOLUTE_MS - 1 }
    expect(sessionAlive(busy, t + SESSION_ABSOLUTE_MS - 1)).toBe(true)
    expect(sessionAlive(busy, t + SESSION_ABSOLUTE_MS)).toBe(false)
  })

  it('the cookie is __Host-, HttpOnly, Secure, SameSite=Strict, Path=/, without Domain', () => {
    const cookie = sessionCookie(ID)
    expect(cookie).toBe(
      `__Host-edgefeed-desk=${ID}; Max-Age=604800; Path=/; Secure; HttpOnly; SameSite=Strict`,
    )
    expect(sessionCookie('')).toContain('Max-Age=0')
  })

  it('reads only a session id of the right shape from the Cookie header', () => {
    expect(sessionIdOf(`theme=dark; __Host-edgefeed-desk=${ID}`)).toBe(ID)
    expect(sessionIdOf(`edgefeed-desk=${ID}`)).toBeUndefined()
    expect(sessionIdOf('__Host-edgefeed-desk=short')).toBeUndefined()
    expect(sessionIdOf(`__Host-edgefeed-desk=${ID}x`)).toBeUndefined()
    expect(sessionIdOf(undefined)).toBeUndefined()
  })

  it('the relying party is the site host; a request must come from its exact origin', () => {
    expect(relyingParty('https://news.example.org')).toEqual({
      id: 'news.example.org',
      origin: 'https://news.example.org',
    })
    expect(relyingParty('http://localhost:8787')).toEqual({
      id: 'localhost',
      origin: 'http://localhost:8787',
    })
    expect(sameOrigin('https://news.example.org', 'https://news.example.org')).toBe(true)
    expect(sameOrigin('https://news.example.org.evil.test', 'https://news.example.org')).toBe(false)
    expect(sameOrigin('null', 'https://news.example.org')).toBe(false)
    expect(sameOrigin(undefined, 'https://news.example.org')).toBe(false)
  })
})

/**
 * micropub.rocks' server tests, their requests and pass rules as test/support/micropub-rocks.mjs
 * writes them, through the Worker in workerd; `npm run e2e` runs the same against `wrangler dev`.
 * The media tests (300, 301, 700–702) are issue 27's.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { client, SITE, workerFetch } from '../helpers'
import {
  runServerTests,
  SERVER_TESTS,
  type MicropubRocksContext,
} from '../support/micropub-rocks/index.mjs'

let ctx: MicropubRocksContext

async function issue(name: string, scopes?: string[]) {
  const res = await client().json('POST', '/api/publishers', {
    name,
    ...(scopes ? { scopes } : {}),
  })
  expect(res.status).toBe(201)
  return (await res.json<{ token: string }>()).token
}

beforeAll(async () => {
  ctx = {
    fetch: (url, init) => workerFetch(new Request(url, init)),
    endpoint: `${SITE}/micropub`,
    // As a Micropub client is given: a publisher token, and one issued without "create".
    token: await issue('micropub-client'),
    tokenWithoutCreate: await issue('no-create', ['update', 'delete', 'media']),
  }
})

describe('micropub.rocks server tests', () => {
  for (const [number, name] of SERVER_TESTS) {
    it(`${number}: ${name}`, async () => {
      const [result] = await runServerTests(ctx, [number])
      expect(result?.failures).toEqual([])
    })
  }
})

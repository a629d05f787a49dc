// micropub.rocks' server tests (https://micropub.rocks, github.com/aaronpk/micropub.rocks),
// written as edgefeed's own test code from the suite's requests and pass rules. Used by
// test/integration/micropub-rocks.test.ts in workerd and by scripts/e2e.mjs against
// `wrangler dev`. The media tests belong to issue 27.
import { CHANGE_TESTS } from './change-tests.mjs'
import { CREATE_TESTS } from './create-tests.mjs'
import { checks, client } from './harness.mjs'
import { QUERY_AUTH_TESTS } from './query-auth-tests.mjs'

/** Tests of uploads and the media endpoint: issue 27's, not run here. */
export const MEDIA_TESTS = [
  [300, 'Create an h-entry with a photo (multipart)'],
  [301, 'Create an h-entry with two photos (multipart)'],
  [700, 'Upload a jpg to the Media Endpoint'],
  [701, 'Upload a png to the Media Endpoint'],
  [702, 'Upload a gif to the Media Endpoint'],
]

/** Every server test but the media ones: number, name, and what it sends and checks. */
export const SERVER_TESTS = [...CREATE_TESTS, ...CHANGE_TESTS, ...QUERY_AUTH_TESTS]

/**
 * Runs the tests (all, or those numbered in `only`) against an endpoint. `ctx.fetch` sends a
 * request, `ctx.endpoint` is the Micropub URL, `ctx.token` may create, update and delete, and
 * `ctx.tokenWithoutCreate` is valid but was issued without the create scope.
 */
export async function runServerTests(ctx, only) {
  const http = client(ctx)
  const results = []
  for (const [number, name, run] of SERVER_TESTS) {
    if (only && !only.includes(number)) continue
    const check = checks()
    try {
      await run(check, http, ctx)
    } catch (error) {
      check.failures.push(String(error?.stack ?? error))
    }
    results.push({ number, name, passed: check.failures.length === 0, failures: check.failures })
  }
  return results
}

// micropub.rocks' server tests 600–805: queries, and how tokens are taken and refused.
import { created, entry } from './harness.mjs'

const SOURCE_CONTENT = 'Test of querying the endpoint for the source content'

/** The suite's `query-source-test`: a post with content and two categories, then its source. */
async function sourceTest(check, http, params, only) {
  const res = await http.json(entry({ content: [SOURCE_CONTENT], category: ['micropub', 'test'] }))
  const url = created(check, res)
  if (!url) return
  const source = await http.query(params(encodeURIComponent(url)))
  check.that(source.status === 200, `the source query answered ${source.status}`)
  const props = source.json?.properties ?? {}
  check.that(props.content?.[0] === SOURCE_CONTENT, `content is ${JSON.stringify(props.content)}`)
  check.that(
    props.category?.includes('micropub') && props.category?.includes('test'),
    `category is ${JSON.stringify(props.category)}`,
  )
  if (only) {
    const names = Object.keys(props).sort().join(', ')
    check.that(names === 'category, content', `returned ${names}`)
  }
}

const formPost = (content, extra = '') =>
  `h=entry&\ncontent=${content.replace(/ /g, '+')}${extra ? `&\n${extra}` : ''}`

/** Number, name, and what the test sends and checks. */
export const QUERY_AUTH_TESTS = [
  [
    600,
    'Configuration Query',
    async (check, http) => {
      const res = await http.query('q=config')
      check.that(res.status === 200, `answered ${res.status}`)
      check.that(res.json !== null && typeof res.json === 'object', 'no JSON object')
    },
  ],
  [
    601,
    'Syndication Endpoint Query',
    async (check, http) => {
      const res = await http.query('q=syndicate-to')
      check.that(res.status === 200, `answered ${res.status}`)
      check.that(Array.isArray(res.json?.['syndicate-to']), 'no syndicate-to property')
    },
  ],
  [
    602,
    'Source Query (All Properties)',
    (check, http) => sourceTest(check, http, (url) => `q=source&url=${url}`, false),
  ],
  [
    603,
    'Source Query (Specific Properties)',
    // As the suite builds it: PHP's http_build_query, with `[0]`, `[1]` made `[]`.
    (check, http) =>
      sourceTest(
        check,
        http,
        (url) => `q=source&properties%5B%5D=content&properties%5B%5D=category&url=${url}`,
        true,
      ),
  ],
  [
    800,
    'Accept access token in HTTP header',
    async (check, http) => {
      const body = formPost('Testing accepting access token in HTTP Authorization header')
      created(check, await http.form(body))
    },
  ],
  [
    801,
    'Accept access token in POST body',
    async (check, http, ctx) => {
      const body = formPost(
        'Testing accepting access token in post body',
        `access_token=${ctx.token}`,
      )
      created(check, await http.form(body, null))
    },
  ],
  // As the test shows its request and describes it: the token in the body only. (The suite's
  // harness also sends the header here, which test 805 requires refusing.)
  [
    802,
    'Does not store access token property',
    async (check, http, ctx) => {
      const body = formPost(
        'Testing accepting access token in post body',
        `access_token=${ctx.token}`,
      )
      const url = created(check, await http.form(body, null))
      if (!url) return
      const res = await http.query(`q=source&url=${encodeURIComponent(url)}`)
      check.that(res.status === 200, `the source query answered ${res.status}`)
      const props = res.json?.properties
      check.that(
        props?.content?.[0] === 'Testing accepting access token in post body',
        `the source content is ${JSON.stringify(props?.content)}`,
      )
      check.that(props && !props.access_token, 'the source holds the access token')
    },
  ],
  [
    803,
    'Rejects unauthenticated requests',
    async (check, http) => {
      const body = formPost('Testing unauthenticated request. This should not create a post.')
      const res = await http.form(body, null)
      check.that(res.status === 401, `answered ${res.status}`)
      if (res.json) check.that(res.json.error === 'unauthorized', `error "${res.json.error}"`)
    },
  ],
  [
    804,
    'Rejects unauthorized access tokens',
    async (check, http, ctx) => {
      const body = formPost(
        'Testing a request with an unauthorized access token. This should not create a post.',
      )
      const res = await http.form(body, ctx.tokenWithoutCreate)
      check.that(res.status === 401, `answered ${res.status}`)
      if (res.json) check.that(res.json.error === 'insufficient_scope', `error "${res.json.error}"`)
    },
  ],
  [
    805,
    'Rejects multiple authentication methods',
    async (check, http, ctx) => {
      const body = formPost(
        'Testing accepting access token in HTTP Authorization header and POST body. This should not create a post',
        `access_token=${ctx.token}\n`,
      )
      const res = await http.form(body)
      check.that(res.status === 400, `answered ${res.status}`)
      // The suite's rule as it is written: a JSON error body must say "bad request".
      if (res.json) check.that(res.json.error === 'bad request', `error "${res.json.error}"`)
    },
  ],
]

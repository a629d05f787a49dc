// The harness of micropub.rocks' server tests, as edgefeed's own code: requests sent as the
// suite sends them (form bodies and JSON with their newlines taken out, the token in the
// Authorization header unless a test says otherwise), answers recorded as it records them,
// and the checks it leaves to a person ("look at your post") made by reading the post's page
// as that person would.

/** The suite's photos: their URLs are stored and shown, never fetched. */
export const MEDIA = 'https://micropub.rocks/media/'

export const entry = (properties) => ({ type: ['h-entry'], properties })

/** The answer as the suite's harness records it: `json` only for a JSON object body. */
async function answer(res) {
  const text = await res.text()
  const type = res.headers.get('Content-Type') ?? ''
  let json = null
  if (text.startsWith('{') && type.includes('application/json')) {
    try {
      json = JSON.parse(text)
    } catch {
      json = null
    }
  }
  return { status: res.status, location: res.headers.get('Location'), text, json }
}

/** The requests a test makes, as the harness makes them. `token` null sends none. */
export function client(ctx) {
  const auth = (token = ctx.token) => (token ? { Authorization: `Bearer ${token}` } : {})
  const post = async (type, body, token) =>
    answer(
      await ctx.fetch(ctx.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': type, Accept: 'application/json', ...auth(token) },
        body: body.replace(/\n/g, ''),
      }),
    )
  return {
    form: (body, token) => post('application/x-www-form-urlencoded', body, token),
    json: (body) => post('application/json', JSON.stringify(body)),
    query: async (params) =>
      answer(
        await ctx.fetch(`${ctx.endpoint}?${params}`, {
          headers: { Accept: 'application/json', ...auth() },
        }),
      ),
    page: async (url) => answer(await ctx.fetch(url, { headers: { Accept: 'text/html' } })),
  }
}

/** A list of failures: each check adds what it found wrong. */
export function checks() {
  const failures = []
  return {
    failures,
    that(ok, what) {
      if (!ok) failures.push(what)
      return ok
    },
  }
}

/** "Returned HTTP 201 or 202" and "Returned a Location header": the post's URL. */
export function created(check, res) {
  check.that(
    res.status === 201 || res.status === 202,
    `create answered ${res.status}: ${res.text.slice(0, 200)}`,
  )
  return check.that(Boolean(res.location), 'no Location header') ? res.location : undefined
}

/** The tags a page links to as its categories (`rel="tag"`). */
function pageTags(html) {
  return [...html.matchAll(/<a\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((a) => /\brel="tag"/.test(a))
    .map((a) => decodeURIComponent(/\bhref="[^"]*\/tags\/([^"/]+)"/.exec(a)?.[1] ?? ''))
}

/** The images a page shows: their src and alt. */
function pageImages(html) {
  return [...html.matchAll(/<img\b[^>]*>/g)].map((m) => ({
    src: /\bsrc="([^"]*)"/.exec(m[0])?.[1],
    alt: /\balt="([^"]*)"/.exec(m[0])?.[1],
  }))
}

/** The post's page, as a person opening the Location sees it. */
export async function showsPage(check, http, url) {
  const page = await http.page(url)
  check.that(page.status === 200, `the post's page answered ${page.status}`)
  return page.text
}

/** "Check that the post has both categories": the page shows exactly these. */
export async function hasTags(check, http, url, tags) {
  const shown = pageTags(await showsPage(check, http, url))
  check.that(
    JSON.stringify(shown) === JSON.stringify(tags),
    `the post shows the categories ${JSON.stringify(shown)}, not ${JSON.stringify(tags)}`,
  )
}

/** "Check that the photo appears in the post": each `[src, alt?]` is on the page. */
export async function showsPhotos(check, http, url, photos) {
  const images = pageImages(await showsPage(check, http, url))
  for (const [src, alt] of photos) {
    const image = images.find((i) => i.src === src)
    check.that(image, `the post does not show ${src}`)
    if (image && alt !== undefined) {
      check.that(image.alt === alt, `${src} has alt "${image.alt}", not "${alt}"`)
    }
  }
}

/**
 * Micropub (W3C): create, update, delete and undelete articles from any Micropub client,
 * with the same publisher tokens, scopes and ownership rules as the JSON API. The request,
 * the token and the error format are read and written in src/http/micropub.ts.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env'
import { buildDraft } from '../articles/build'
import { ID_RULE, idForContent, isValidId } from '../articles/ids'
import { ArticleInput } from '../articles/schema'
import { checkedProperties, first, inputFrom, propertiesOf, type Properties } from '../articles/mf2'
import { updatedInput } from '../articles/mf2-update'
import { identify } from '../access/tokens'
import { deskOf, unwrap, writerOf } from '../http/desk'
import { idempotencyOf } from '../http/idempotency'
import {
  authenticate,
  headerToken,
  idFromUrl,
  micropubError,
  micropubErrorResponse,
  readRequest,
} from '../http/micropub'
import { parseValid } from '../http/validate'
import { articlePath, MICROPUB_MEDIA_PATH } from '../urls'
import type { Attachment } from '../articles/model'
import { mediaSiteOf, requireMediaScope } from '../http/upload'
import { withFiles } from '../media/micropub'
import { planRehost } from '../media/rehost'
import { withFileFacts } from '../media/file-facts'
import { queueRehost } from '../fanout/rehost'
import { micropubDocs } from '../http/micropub-docs'

export const micropub = new Hono<AppEnv>()

micropub.onError(micropubErrorResponse)

/** The input, its files of ours typed and sized as R2 has them, built into a draft. */
async function draftOf(c: Context<AppEnv>, sent: ArticleInput) {
  const input = await withFileFacts(c.env.MEDIA, mediaSiteOf(c), sent)
  return buildDraft(input, {
    timeZone: c.var.config.timeZone,
    defaultLanguage: c.var.config.language,
    defaultAuthor: c.var.principal.defaultAuthor,
  })
}

/** The options of a write: where the site is, and the request's Idempotency-Key. */
async function writeOptions(c: Context<AppEnv>) {
  const idempotency = await idempotencyOf(c)
  return { baseUrl: c.var.baseUrl, ...(idempotency ? { idempotency } : {}) }
}

/**
 * A create. Without `mp-slug`, the id is derived from the text and the day, and the same
 * text posted again is another post with an id of its own; a retry sent with the same
 * Idempotency-Key gets the first answer again instead.
 */
async function create(c: Context<AppEnv>, props: Properties, attachments: Attachment[] = []) {
  const { 'mp-slug': slugs, ...rest } = props
  const slug = first(slugs)
  if (slug !== undefined && (typeof slug !== 'string' || !isValidId(slug))) {
    throw micropubError(400, `mp-slug must be ${ID_RULE}.`)
  }
  // Video and audio sent as files are the post's attachments (src/media/micropub.ts).
  const input = parseValid(ArticleInput, {
    ...inputFrom(rest),
    ...(attachments.length ? { attachments } : {}),
  })
  const draft = await draftOf(c, input)
  // REHOST_IMAGES copies a note's images from other hosts too (docs/media.md).
  if (c.var.config.rehostImages) planRehost(draft, mediaSiteOf(c))
  const id =
    slug ?? (await idForContent(input, draft.published, Date.now(), c.var.config.timeZone)).id
  const options = { ...(await writeOptions(c)), fresh: slug === undefined }
  const reply = unwrap(await deskOf(c.env).create(writerOf(c.var.principal), id, draft, options))
  await queueRehost(c.env.HUB_PINGS, draft, reply, c.var.baseUrl)
  c.header('Location', c.var.baseUrl + articlePath(reply.id))
  if (reply.replayed) c.header('Idempotent-Replayed', 'true')
  return c.body(null, 201)
}

/** Micropub update: the whole stored article, changed as asked, replaced if unchanged meanwhile. */
async function update(c: Context<AppEnv>, body: Record<string, unknown>) {
  const id = idFromUrl(body.url)
  const desk = deskOf(c.env)
  const options = await writeOptions(c)
  for (let attempt = 1; ; attempt++) {
    const read = await desk.read(writerOf(c.var.principal), id)
    if (!read.ok) throw micropubError(400, `No article is at ${String(body.url).slice(0, 200)}.`)
    const input = parseValid(ArticleInput, updatedInput(read.value, body))
    const draft = await draftOf(c, input)
    // The text as first posted stays with the article while its content is still that text.
    const stored = read.value
    const sameContent = (['content_text', 'content_markdown', 'content_html'] as const).every(
      (k) => input[k] === undefined || input[k] === stored[k],
    )
    if (stored.source_text !== undefined && sameContent)
      draft.fields.source_text = stored.source_text
    const outcome = await desk.replace(writerOf(c.var.principal), id, draft, {
      ...options,
      ifRevision: read.value.revision,
    })
    // Changed by someone else between the read and the write: apply the update to that.
    if (!outcome.ok && outcome.refusal.status === 412 && attempt < 3) continue
    if (unwrap(outcome).replayed) c.header('Idempotent-Replayed', 'true')
    return c.body(null, 204)
  }
}

/** `delete` and `undelete`: the article a URL names, taken away or put back. */
async function deleteAction(c: Context<AppEnv>, action: 'remove' | 'undelete', url: unknown) {
  const desk = deskOf(c.env)
  const writer = writerOf(c.var.principal)
  const reply = unwrap(await desk[action](writer, idFromUrl(url), await writeOptions(c)))
  if (reply.replayed) c.header('Idempotent-Replayed', 'true')
  return c.body(null, 204)
}

/** What a JSON create holds besides the entry's properties: nothing else is kept, so nothing else is taken. */
const JSON_CREATE_KEYS = new Set(['type', 'properties'])

/** A JSON create: one h-entry, its properties as lists of values. */
function jsonEntry(json: Record<string, unknown>): Properties {
  const type = json.type as unknown[] | undefined
  if (!Array.isArray(type) || type.length !== 1 || type[0] !== 'h-entry') {
    throw micropubError(400, 'Only h-entry can be created.')
  }
  const other = Object.keys(json).find((k) => !JSON_CREATE_KEYS.has(k))
  if (other !== undefined) {
    throw micropubError(
      400,
      `"${other.slice(0, 64)}" can not be kept: send "type" and "properties".`,
    )
  }
  const props = json.properties
  if (!props || typeof props !== 'object' || Array.isArray(props)) {
    throw micropubError(400, '"properties" must be an object of value lists.')
  }
  return checkedProperties(props as Record<string, unknown>)
}

micropub.post('/', micropubDocs.post, async (c) => {
  const { json, form, files, token } = await readRequest(c)
  await authenticate(c, token, identify)
  const action = json ? json.action : first(form!.action)
  const url = json ? json.url : first(form!.url)
  if (action === 'update') {
    if (!json) throw micropubError(400, 'Updates are sent as JSON.')
    return update(c, json)
  }
  if (action === 'delete') return deleteAction(c, 'remove', url)
  if (action === 'undelete') return deleteAction(c, 'undelete', url)
  if (action !== undefined)
    throw micropubError(400, `Unknown action ${JSON.stringify(action).slice(0, 50)}.`)
  if (json) return create(c, jsonEntry(json))
  const h = first(form!.h) ?? 'entry'
  if (h !== 'entry') throw micropubError(400, 'Only h=entry can be created.')
  // The token is a credential, never a property of the post.
  const { h: _h, access_token: _t, ...props } = form!
  if (Object.keys(files).length === 0) return create(c, props)
  requireMediaScope(c.var.principal)
  const site = mediaSiteOf(c)
  const writer = writerOf(c.var.principal)
  return withFiles(c.env.MEDIA, deskOf(c.env), writer, site, files, props, (p, a) =>
    create(c, p, a),
  )
})

/** What a client needs to know of this endpoint (Micropub 3.7.1). */
const CONFIG = {
  'syndicate-to': [],
  q: ['config', 'source', 'syndicate-to'],
  'post-types': [
    { type: 'note', name: 'Note' },
    { type: 'article', name: 'Article' },
    { type: 'photo', name: 'Photo' },
  ],
}

micropub.get('/', micropubDocs.get, async (c) => {
  if (c.req.query('access_token') !== undefined) {
    throw micropubError(400, 'Send the token in the Authorization header: URLs end up in logs.')
  }
  await authenticate(c, headerToken(c), identify)
  const q = c.req.query('q')
  if (q === 'config') {
    return c.json({ ...CONFIG, 'media-endpoint': c.var.baseUrl + MICROPUB_MEDIA_PATH })
  }
  if (q === 'syndicate-to') return c.json({ 'syndicate-to': [] })
  if (q === 'source') {
    const read = await deskOf(c.env).read(writerOf(c.var.principal), idFromUrl(c.req.query('url')))
    if (!read.ok) throw micropubError(400, `No article is at ${c.req.query('url')?.slice(0, 200)}.`)
    const props = propertiesOf(read.value, read.value.state === 'draft')
    const wanted = c.req.queries('properties[]') ?? c.req.queries('properties')
    if (wanted) {
      return c.json({
        properties: Object.fromEntries(
          wanted.filter((k) => Object.hasOwn(props, k)).map((k) => [k, props[k]]),
        ),
      })
    }
    return c.json({ type: ['h-entry'], properties: props })
  }
  throw micropubError(400, `Unknown query "${(q ?? '').slice(0, 50)}".`)
})

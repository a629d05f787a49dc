/**
 * The desk itself, for a signed-in publisher: write (or paste a page), the publisher's own
 * articles, and their passkeys. The page is the same for every action; the desk's script
 * fills and sends it (src/desk-ui/public/desk/desk.js).
 */
import type { DeskLabels } from './labels'
import { deskLabels } from './labels'
import { Bi, DeskLayout, biText, type DeskContext, type Words } from './layout'
import { DeliveryPanel } from './delivery-panel'

function Field(props: {
  w: Words
  k: keyof DeskLabels
  name: string
  type?: string
  hint?: string
  list?: string
}) {
  return (
    <p class="field">
      <label for={props.name}>
        <Bi w={props.w} k={props.k} />
      </label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        list={props.list}
        autocomplete="off"
        aria-describedby={props.hint ? `${props.name}-hint` : undefined}
      />
      {props.hint ? (
        <small id={`${props.name}-hint`} class="hint">
          {props.hint}
        </small>
      ) : null}
    </p>
  )
}

export function DeskPage(props: {
  ctx: DeskContext
  csrf: string
  timeZone: string
  tags: string[]
  authors: string[]
}) {
  const { ctx } = props
  const w = deskLabels(ctx.language)
  const data = {
    page: 'desk',
    csrf: props.csrf,
    publisher: ctx.publisher,
    timeZone: props.timeZone,
    language: ctx.language,
  }
  return (
    <DeskLayout ctx={ctx} title={biText(w, 'desk')} data={data}>
      <p id="status" role="status" aria-live="polite"></p>
      <DeliveryPanel w={w} />
      <section aria-labelledby="write-heading" class="write">
        <h1 id="write-heading">
          <Bi w={w} k="write" />
        </h1>
        <form id="editor" novalidate>
          <input type="hidden" name="id" />
          <input type="hidden" name="revision" />
          <details class="paste">
            <summary>
              <Bi w={w} k="paste" />
            </summary>
            <p class="hint" id="paste-hint">
              <Bi w={w} k="pasteHint" />
            </p>
            <textarea
              id="paste"
              rows={4}
              aria-label={biText(w, 'paste')}
              aria-describedby="paste-hint"
            ></textarea>
            <section id="report" hidden aria-labelledby="report-heading">
              <h2 id="report-heading">
                <Bi w={w} k="report" />
              </h2>
              <ol id="report-lines"></ol>
            </section>
          </details>
          <Field w={w} k="title" name="title" />
          <div class="bodyrow">
            <p class="field">
              <label for="body">
                <Bi w={w} k="body" />
              </label>
              <textarea
                id="body"
                name="body"
                rows={14}
                aria-describedby="body-format"
                spellcheck={false}
              ></textarea>
              {/* Says what the body is read as; the script says so when a paste is text or HTML. */}
              <small id="body-format" class="hint">
                {biText(w, 'bodyMarkdown')}
              </small>
            </p>
            <section class="preview" aria-labelledby="preview-heading">
              <h2 id="preview-heading">
                <Bi w={w} k="preview" />
              </h2>
              <div id="preview" class="content" aria-live="off"></div>
            </section>
          </div>
          <p class="field">
            <label for="summary">
              <Bi w={w} k="summary" />
            </label>
            <textarea id="summary" name="summary" rows={2}></textarea>
          </p>
          <fieldset class="photos">
            <legend>
              <Bi w={w} k="photo" />
            </legend>
            <ul id="photo-list"></ul>
            <Field w={w} k="photo" name="photo_file" type="file" />
            <Field w={w} k="alt" name="photo_alt" />
            <Field w={w} k="caption" name="photo_caption" />
            <button type="button" id="add-photo">
              <Bi w={w} k="addPhoto" />
            </button>
          </fieldset>
          <Field w={w} k="tags" name="tags" list="known-tags" />
          <datalist id="known-tags">
            {props.tags.map((t) => (
              <option value={t} />
            ))}
          </datalist>
          <Field w={w} k="authors" name="authors" list="known-authors" />
          <datalist id="known-authors">
            {props.authors.map((a) => (
              <option value={a} />
            ))}
          </datalist>
          <Field w={w} k="language" name="language" />
          <Field w={w} k="sourceName" name="source_name" />
          <Field w={w} k="sourceUrl" name="source_url" type="url" />
          <Field w={w} k="url" name="url" type="url" />
          <Field
            w={w}
            k="published"
            name="published"
            type="datetime-local"
            hint={[w.local, w.en]
              .filter((l) => l !== undefined)
              .map((l) => `${l.publishedHint} ${props.timeZone}`)
              .join(' · ')}
          />
          <p class="actions">
            <button type="submit" class="primary">
              <Bi w={w} k="save" />
            </button>{' '}
            <button type="button" id="save-draft">
              <Bi w={w} k="saveDraft" />
            </button>{' '}
            <button type="button" id="new">
              <Bi w={w} k="newArticle" />
            </button>
          </p>
        </form>
      </section>
      <section aria-labelledby="mine-heading" class="mine">
        <h2 id="mine-heading">
          <Bi w={w} k="mine" />
        </h2>
        <form id="filters" class="filters" role="search" aria-labelledby="mine-heading">
          <label for="search">
            <Bi w={w} k="search" />
          </label>
          <input id="search" type="search" autocomplete="off" />
          <label for="state">
            <Bi w={w} k="state" />
          </label>
          <select id="state">
            <option value="">{biText(w, 'all')}</option>
            <option value="draft">{biText(w, 'draft')}</option>
            <option value="scheduled">{biText(w, 'scheduled')}</option>
            <option value="published">{biText(w, 'published_')}</option>
            <option value="deleted">{biText(w, 'deleted')}</option>
          </select>
          <label for="whose">
            <Bi w={w} k="whose" />
          </label>
          <select id="whose">
            <option value="mine">{biText(w, 'mineOnly')}</option>
            <option value="all">{biText(w, 'everyone')}</option>
          </select>
        </form>
        <ul id="articles" class="articles"></ul>
        <p id="none" class="hint" hidden>
          <Bi w={w} k="noArticles" />
        </p>
        <button type="button" id="more" hidden>
          <Bi w={w} k="more" />
        </button>
      </section>
      <section aria-labelledby="passkeys-heading" class="passkeys">
        <h2 id="passkeys-heading">
          <Bi w={w} k="passkeys" />
        </h2>
        <ul id="passkeys"></ul>
        <button type="button" id="add-passkey">
          <Bi w={w} k="addPasskey" />
        </button>
      </section>
      <template id="words">
        <span data-k="edit">{biText(w, 'edit')}</span>
        <span data-k="delete">{biText(w, 'delete')}</span>
        <span data-k="remove">{biText(w, 'remove')}</span>
        <span data-k="undo">{biText(w, 'undo')}</span>
        <span data-k="published">{biText(w, 'published_')}</span>
        <span data-k="scheduled">{biText(w, 'scheduled')}</span>
        <span data-k="draft">{biText(w, 'draft')}</span>
        <span data-k="deleted">{biText(w, 'deleted')}</span>
        <span data-k="readOnly">{biText(w, 'readOnly')}</span>
      </template>
    </DeskLayout>
  )
}

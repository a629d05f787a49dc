// The desk's list of articles: filtered by state and by whose, searched by title on the
// server (any case, either Chinese script), newest first, a page at a time. The editor's own
// articles can be opened, deleted and restored; others' are shown read-only, and the service
// never lists others' drafts or scheduled articles.

import { showDelivery } from '/desk/delivery.js'

const $ = (id) => document.getElementById(id)
const PAGE = 20

/** An article's time as the site's time zone writes it. */
function shownTime(iso, timeZone) {
  return new Date(iso).toLocaleString('sv-SE', { timeZone }).slice(0, 16)
}

export function articleList({ data, call, say, problemText, words, open }) {
  let cursor
  let composing = false

  function query() {
    const params = new URLSearchParams({ limit: String(PAGE) })
    const q = $('search').value.trim()
    if (q) params.set('q', q)
    if ($('state').value) params.set('state', $('state').value)
    if ($('whose').value === 'mine') params.set('mine', 'true')
    if (cursor) params.set('cursor', cursor)
    return params
  }

  /** Loads the first page again, or with `more` the next one after what is shown. */
  async function load(more = false) {
    if (!more) cursor = undefined
    const { res, json } = await call('GET', `/articles?${query()}`)
    if (!res.ok) return say(problemText(json, 'Articles could not be listed.'), { error: true })
    const items = json.items.map(item)
    if (more) $('articles').append(...items)
    else $('articles').replaceChildren(...items)
    cursor = json.next_cursor
    $('more').hidden = !cursor
    $('none').hidden = $('articles').children.length > 0
    // Keyboard users who asked for more go on from the first of them.
    if (more) items[0]?.querySelector('a, button')?.focus()
  }

  function button(text, label, action) {
    const b = document.createElement('button')
    b.type = 'button'
    b.textContent = text
    b.setAttribute('aria-label', `${text}: ${label}`)
    b.addEventListener('click', action)
    return b
  }

  function item(a) {
    const li = document.createElement('li')
    li.dataset.state = a.state
    // Readers see only published articles: a draft's or a schedule's page is not there yet.
    const title = document.createElement(a.state === 'published' ? 'a' : 'span')
    if (a.state === 'published') title.href = `/articles/${encodeURIComponent(a.id)}`
    title.textContent = a.title
    const meta = document.createElement('small')
    const whose = a.publisher === data.publisher ? '' : ` · ${a.publisher} · ${words.readOnly}`
    meta.textContent = ` ${words[a.state] ?? a.state} · ${shownTime(a.published, data.timeZone)}${whose} `
    li.append(title, meta)
    if (a.publisher !== data.publisher) return li
    if (a.state === 'deleted') {
      li.append(button(words.undo, a.title, () => restore(a)))
      return li
    }
    li.append(
      button(words.edit, a.title, () => open(a.id)),
      ' ',
      button(words.delete, a.title, () => remove(a)),
    )
    return li
  }

  async function restore(a) {
    const back = await call('POST', `/articles/${encodeURIComponent(a.id)}/undelete`)
    if (!back.res.ok) return say(problemText(back.json, 'Not restored.'), { error: true })
    say(`${words.undo}: ${a.title}`)
    void showDelivery(back.json.delivery, { call, timeZone: data.timeZone })
    await load()
  }

  async function remove(a) {
    if (!confirm(`${words.delete}: ${a.title}?`)) return
    // The representation tells what the delete set in motion (its delivery), not only 204.
    const { res, json } = await call('DELETE', `/articles/${encodeURIComponent(a.id)}`, undefined, {
      Prefer: 'return=representation',
    })
    if (!res.ok) return say(problemText(json, 'Not deleted.'), { error: true })
    say(`${words.delete}: ${a.title} `)
    if (json?.delivery) void showDelivery(json.delivery, { call, timeZone: data.timeZone })
    $('status').append(button(words.undo, a.title, () => restore(a)))
    await load()
  }

  // The search follows typing a moment after it stops, never mid-composition.
  let timer
  const search = $('search')
  search.addEventListener('compositionstart', () => (composing = true))
  search.addEventListener('compositionend', () => {
    composing = false
    search.dispatchEvent(new Event('input'))
  })
  search.addEventListener('input', (e) => {
    if (e.isComposing || composing) return
    clearTimeout(timer)
    timer = setTimeout(() => void load(), 300)
  })
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault()
    if (!composing) void load()
  })
  $('state').addEventListener('change', () => void load())
  $('whose').addEventListener('change', () => void load())
  $('more').addEventListener('click', () => void load(true))

  return { load }
}

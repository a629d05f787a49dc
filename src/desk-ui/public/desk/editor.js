// The signed-in desk: the editor (with the live preview and pasted pages), the list of
// articles (articles.js), and the passkeys. Loaded by desk.js, which gives it the shared helpers.
import { articleList } from '/desk/articles.js'
import { showDelivery } from '/desk/delivery.js'

const $ = (id) => document.getElementById(id)
const words = Object.fromEntries(
  [...$('words').content.querySelectorAll('[data-k]')].map((s) => [s.dataset.k, s.textContent]),
)

/** An article's time as the site's time zone writes it, for a datetime-local field. */
function localTime(iso, timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const get = (type) => parts.find((p) => p.type === type).value
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`
}

/** What the body is read as when it is not Markdown (a pasted page, an opened article). */
const FORMAT_HINTS = {
  text: '純文字：空行分段，不轉換格式。 Plain text: blank lines separate paragraphs.',
  html: 'HTML（已清理）。 HTML, sanitised as it is saved.',
}

/** Each preview frame's name, for screen readers. */
const SCRIPT_TITLES = {
  'zh-Hant': '繁體預覽 Traditional Chinese preview',
  'zh-Hans': '简体预览 Simplified Chinese preview',
  page: '預覽 Preview',
}

const list = (text) =>
  text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean)

export function desk({ data, call, say, problemText, register, ceremony }) {
  const form = $('editor')
  const field = (name) => form.elements.namedItem(name)
  /** Which field the body is sent as: Markdown, unless the article was pasted text or HTML. */
  let format = 'markdown'
  let composing = false
  /** The article's photos: `{url, alt, caption?}`, uploaded through the media call. */
  let photos = []

  // ---- the article in the form ----------------------------------------------------------

  function article() {
    const value = (name) => field(name).value.trim()
    const body = { title: value('title') || '…', [`content_${format}`]: field('body').value }
    if (value('summary')) body.summary = value('summary')
    body.tags = list(value('tags'))
    body.authors = list(value('authors')).map((name) => ({ name }))
    if (value('language')) body.language = value('language')
    if (value('source_name')) {
      body.source = { name: value('source_name') }
      if (value('source_url')) body.source.url = value('source_url')
    }
    if (value('url')) body.url = value('url')
    if (photos.length) body.photos = photos
    // No offset: the service reads it in the site's time zone (data.timeZone).
    const at = value('published')
    const { original, shown } = field('published').dataset
    // Unchanged, the date goes back as it came (a day alone stays a day, not midnight).
    if (at && at === shown) body.published = original
    else if (at) body.published = at.length === 16 ? `${at}:00` : at
    return body
  }

  const markdownHint = $('body-format').textContent
  /** The body's format, and the description its field gives screen readers and everyone. */
  function setFormat(next) {
    format = next
    $('body-format').textContent = FORMAT_HINTS[format] ?? markdownHint
  }

  function fill(a, revision) {
    form.reset()
    setFormat(
      a.content_markdown !== undefined
        ? 'markdown'
        : a.content_text !== undefined
          ? 'text'
          : 'html',
    )
    field('id').value = a.id ?? ''
    field('revision').value = revision ?? ''
    field('title').value = a.title ?? ''
    field('body').value = a.content_markdown ?? a.content_text ?? a.content_html ?? ''
    field('summary').value = a.summary ?? ''
    field('tags').value = (a.tags ?? []).join(', ')
    field('authors').value = (a.authors ?? []).map((x) => x.name).join(', ')
    field('language').value = a.language ?? ''
    field('source_name').value = a.source?.name ?? ''
    field('source_url').value = a.source?.url ?? ''
    field('url').value = a.url ?? ''
    photos = (a.photos ?? []).map(({ url, alt, caption }) => ({
      url,
      alt,
      ...(caption ? { caption } : {}),
    }))
    showPhotos()
    showState(a.state)
    const published = field('published')
    published.value = a.published ? localTime(a.published, data.timeZone) : ''
    published.dataset.original = a.published ?? ''
    published.dataset.shown = published.value
    schedulePreview()
  }

  // ---- live preview: as readers will see it, in each script ------------------------------

  let timer
  function schedulePreview() {
    clearTimeout(timer)
    timer = setTimeout(preview, 400)
  }
  async function preview() {
    if (composing || !field('body').value.trim()) return
    const { res, json } = await call('POST', '/preview/pages', article())
    const box = $('preview')
    if (!res.ok) {
      box.textContent = problemText(json, '')
      return
    }
    // The site's own page for each script, in a frame that runs nothing and reaches nothing
    // of the desk (sandbox without scripts or same-origin): the HTML was sanitised as a save
    // sanitises it.
    box.replaceChildren(
      ...json.pages.map(({ script, html }) => {
        const frame = document.createElement('iframe')
        frame.setAttribute('sandbox', '')
        frame.title = SCRIPT_TITLES[script] ?? SCRIPT_TITLES.page
        if (script) frame.dataset.script = script
        frame.srcdoc = html
        return frame
      }),
    )
    box.classList.toggle('sidebyside', json.pages.length > 1)
  }
  for (const name of ['body', 'title', 'language']) {
    field(name).addEventListener('input', (e) => {
      if (!e.isComposing) schedulePreview()
    })
  }
  // Chinese input methods: nothing is sent while a character is being composed.
  form.addEventListener('compositionstart', () => (composing = true))
  form.addEventListener('compositionend', () => {
    composing = false
    schedulePreview()
  })
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.isComposing || composing) && e.target.tagName !== 'TEXTAREA') {
      e.preventDefault()
    }
  })

  // ---- a pasted page, read by the import -------------------------------------------------

  /** Every line of the pasted page with its class and reason; a removed one can be put back. */
  function showReport(report) {
    const lines = $('report-lines')
    lines.replaceChildren()
    const bodyFirstLine = report.body?.first_line ?? 0
    for (const row of report.lines) {
      const li = document.createElement('li')
      li.value = row.line
      li.className = `${row.class}${row.kept ? '' : ' removed'}`
      const text = document.createElement('span')
      text.textContent = row.text
      const why = document.createElement('small')
      why.textContent = ` ${row.class} · ${row.reason}`
      li.append(text, why)
      if (!row.kept && row.class !== 'title') {
        const back = document.createElement('button')
        back.type = 'button'
        back.textContent = '↩︎ 放回 Put back'
        back.setAttribute('aria-label', `Put back line ${row.line}: ${row.text}`)
        back.addEventListener('click', () => {
          const body = field('body')
          body.value =
            row.line < bodyFirstLine
              ? `${row.text}\n\n${body.value}`
              : `${body.value}\n\n${row.text}`
          back.disabled = true
          schedulePreview()
        })
        li.append(' ', back)
      }
      lines.append(li)
    }
    for (const note of report.notes ?? []) {
      const li = document.createElement('li')
      li.className = 'note'
      li.textContent = note.text
      lines.append(li)
    }
    $('report').hidden = false
  }

  // A page copied from a browser carries its HTML: the import reads its headings, <time>,
  // links and figures too. Plain text otherwise.
  $('paste').addEventListener('paste', async (e) => {
    const html = e.clipboardData.getData('text/html')
    const text = e.clipboardData.getData('text/plain')
    if (!html.trim() && !text.trim()) return
    e.preventDefault()
    $('paste').value = text
    const type = html.trim() ? 'text/html' : 'text/plain'
    const { res, json } = await call('POST', '/import', html.trim() ? html : text, {
      'Content-Type': `${type}; charset=utf-8`,
    })
    if (!res.ok) return say(problemText(json, 'The page could not be read.'), { error: true })
    fill({ ...json.article, tags: json.article.tags ?? [] })
    showReport(json.report)
    say(`${json.report.lines.length} lines read. / 已讀取 ${json.report.lines.length} 行。`)
    field('title').focus()
  })

  // ---- photos: uploaded as they are, with alt text ---------------------------------------

  function showPhotos() {
    $('photo-list').replaceChildren(
      ...photos.map((p, i) => {
        const li = document.createElement('li')
        const img = document.createElement('img')
        img.src = p.url
        img.alt = p.alt
        img.width = 96
        const remove = document.createElement('button')
        remove.type = 'button'
        remove.textContent = words.remove
        remove.setAttribute('aria-label', `${words.remove}: ${p.alt}`)
        remove.addEventListener('click', () => {
          photos.splice(i, 1)
          showPhotos()
        })
        li.append(img, ` ${p.alt} `, remove)
        return li
      }),
    )
  }

  $('add-photo').addEventListener('click', async () => {
    const file = field('photo_file').files[0]
    const alt = field('photo_alt').value.trim()
    if (!file) return say('Choose a photo first. / 請先選擇照片。', { error: true })
    if (!alt) {
      field('photo_alt').focus()
      return say('Describe the photo (alt text) before adding it. / 請先描述照片。', {
        error: true,
      })
    }
    const { res, json } = await call('POST', '/media', file, { 'Content-Type': file.type })
    if (!res.ok) return say(problemText(json, 'The photo was not uploaded.'), { error: true })
    const caption = field('photo_caption').value.trim()
    photos.push({ url: json.url, alt, ...(caption ? { caption } : {}) })
    for (const name of ['photo_file', 'photo_alt', 'photo_caption']) field(name).value = ''
    showPhotos()
    say(`Photo added: ${alt} / 已加入照片`)
  })

  // ---- save, with If-Match: a second tab gets the conflict, never overwrites -------------

  /** Saves the form as `state`: a draft, or published (at its time, if one is set). */
  async function save(state) {
    if (composing) return
    const id = field('id').value
    const revision = field('revision').value
    const body = { ...article(), state }
    const { res, json } = id
      ? await call('PUT', `/articles/${encodeURIComponent(id)}`, body, {
          'If-Match': `"r${revision}"`,
        })
      : await call('POST', '/articles', body)
    if (res.status === 412) {
      return say(
        'Conflict: this article was changed elsewhere (another tab or a colleague) since you opened it. Nothing was saved. Your text is still here: copy what you need, then open the article again from “Articles” to see the newer version. / 衝突：這篇文章在你開啟後已被修改，未儲存。',
        { error: true },
      )
    }
    if (!res.ok) return say(problemText(json, 'Not saved.'), { error: true })
    field('id').value = json.id
    field('revision').value = json.revision
    showState(json.state)
    const when = new Date(json.published).toLocaleString(undefined, { timeZone: data.timeZone })
    say(
      json.state === 'draft'
        ? 'Saved as a draft: not public. Only you and the admin see it; publish it when it is ready. / 已存為草稿，尚未公開。'
        : json.state === 'scheduled'
          ? `Saved: scheduled for ${when} (${data.timeZone}). Readers see it then. / 已排程。`
          : `Saved and published: /articles/${json.id}. / 已發布。`,
    )
    void showDelivery(json.delivery, { call, timeZone: data.timeZone })
    await articles.load()
  }

  /** A published article cannot go back to being a draft: the button goes while it is open. */
  function showState(state) {
    $('save-draft').hidden = state === 'published'
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void save('published')
  })
  $('save-draft').addEventListener('click', () => void save('draft'))

  $('new').addEventListener('click', () => {
    showState('')
    setFormat('markdown')
    photos = []
    showPhotos()
    form.reset()
    // reset() gives hidden inputs back the value last set: the article just saved would be
    // replaced by the next save.
    field('id').value = ''
    field('revision').value = ''
    $('preview').replaceChildren()
    $('report').hidden = true
    $('paste').value = ''
    field('title').focus()
  })

  // ---- the articles ----------------------------------------------------------------------

  async function open(id) {
    const { res, json } = await call('GET', `/articles/${encodeURIComponent(id)}`)
    if (!res.ok) return say(problemText(json, 'The article could not be opened.'), { error: true })
    fill(json, json.revision)
    $('report').hidden = true
    field('title').focus()
  }

  const articles = articleList({ data, call, say, problemText, words, open })

  // ---- passkeys --------------------------------------------------------------------------

  async function loadPasskeys() {
    const { res, json } = await call('GET', '/passkeys')
    if (!res.ok) return say(problemText(json, 'Passkeys could not be listed.'), { error: true })
    $('passkeys').replaceChildren(
      ...json.items.map((p) => {
        const li = document.createElement('li')
        li.textContent = `${p.label} · ${p.created.slice(0, 10)} `
        const button = document.createElement('button')
        button.type = 'button'
        button.textContent = words.remove
        button.setAttribute('aria-label', `${words.remove}: ${p.label}`)
        button.addEventListener('click', async () => {
          const { res, json: problem } = await call('DELETE', `/passkeys/${p.id}`)
          if (!res.ok) return say(problemText(problem, 'Not removed.'), { error: true })
          await loadPasskeys()
        })
        li.append(button)
        return li
      }),
    )
  }
  const add = $('add-passkey')
  add.addEventListener('click', () =>
    ceremony(add, async () => {
      await register('/passkeys/options', {}, '/passkeys', {})
      say('Passkey added. / 已新增通行密鑰。')
      await loadPasskeys()
    }),
  )

  void articles.load()
  void loadPasskeys()
}

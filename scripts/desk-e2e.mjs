#!/usr/bin/env node
// The browser desk end to end: Debian's Chromium (playwright-core) against `wrangler dev` at
// http://localhost (browsers refuse passkeys on an IP address), with a virtual authenticator
// from the Chrome DevTools Protocol's WebAuthn domain. A publisher enrols from the admin's
// link, signs out and in, saves a draft, finds it under Drafts and publishes it, pastes a page
// from the corpus and corrects it, schedules it and sees it released, edits it in two tabs (the
// second gets the conflict), signs out, and is refused once revoked. Every desk page is checked by axe at 390 and 1280 px, light and dark;
// screenshots go to test-results/screenshots/desk-*.png (SCREENSHOTS=docs/screenshots refreshes
// the manual's).
import { mkdirSync, readFileSync } from 'node:fs'
import { startWorker } from './lib/devserver.mjs'
import { axeSource, checks, launchChromium, requireChromium } from './lib/chromium.mjs'

const SHOTS = process.env.SCREENSHOTS ?? 'test-results/screenshots'
const { tally, check } = checks()

requireChromium('desk')
mkdirSync(SHOTS, { recursive: true })

const worker = await startWorker({ host: 'localhost', readyPath: '/desk/desk.css' })
const { base, token } = worker
const browser = await launchChromium()

/** An admin call. */
async function admin(method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body && JSON.stringify(body),
  })
  return { status: res.status, json: res.status === 204 ? null : await res.json() }
}

/** A page in a new context with a virtual passkey authenticator (the device's own). */
async function deskContext(width, scheme = 'light', context) {
  const ctx =
    context ?? (await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme }))
  const page = await ctx.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  // The refusals this suite provokes (a conflict, a revoked session) are logged as failed
  // loads of desk calls: expected answers, not errors. So is the preview's sandbox refusing
  // to run the page's own script (the copy buttons): it is meant to run nothing.
  const sandboxed = (m) => m.location().url === 'about:srcdoc' && /sandboxed/.test(m.text())
  page.on(
    'console',
    (m) =>
      m.type() === 'error' &&
      !m.location().url?.includes('/desk/api/') &&
      !sandboxed(m) &&
      errors.push(`${m.text()} ${m.location().url}`),
  )
  const cdp = await ctx.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  return { ctx, page, errors, cdp, authenticatorId }
}

/** axe's serious and critical violations on the page, and whether it scrolls sideways. */
async function audit(page) {
  await page.evaluate(axeSource)
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] })
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  return { axe, overflow }
}

async function checkPage(page, label) {
  const { axe, overflow } = await audit(page)
  check(
    `${label}: axe clean, no horizontal scroll`,
    axe.length === 0 && overflow <= 0,
    JSON.stringify({ axe, overflow }),
  )
}

/** Pastes into the paste box as a clipboard would: `text`, and `html` when a page was copied. */
async function paste(page, text, html) {
  if (!(await page.locator('details.paste').getAttribute('open'))) {
    await page.locator('details.paste summary').click()
  }
  await page.locator('#paste').focus()
  await page.evaluate(
    ([t, h]) => {
      const data = new DataTransfer()
      data.setData('text/plain', t)
      if (h) data.setData('text/html', h)
      document
        .getElementById('paste')
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
    },
    [text, html],
  )
}

/** The site's local time `seconds` ahead, as a datetime-local value with seconds. */
function localAhead(seconds, timeZone = 'Asia/Taipei') {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + seconds * 1000))
  const get = (type) => parts.find((p) => p.type === type).value
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`
}

const statusText = (page) => page.locator('#status').textContent()

try {
  await admin('POST', '/api/publishers', { name: 'city-desk' })
  await admin('POST', '/api/publishers', { name: 'sports-desk' })
  const link = await admin('POST', '/api/publishers/city-desk/enrolments')
  check(
    'the admin gets an enrolment link at localhost',
    link.status === 201 && link.json.url.startsWith(`${base}/desk/enrol/`),
    JSON.stringify(link),
  )

  // ---- enrol on a phone ----------------------------------------------------------------
  const phone = await deskContext(390)
  const { page } = phone
  await page.goto(link.json.url)
  await checkPage(page, 'enrolment page 390px')
  await page.screenshot({ path: `${SHOTS}/desk-enrol-390-light.png` })
  await page.fill('#label', 'Phone')
  await page.click('#enrol')
  await page.waitForSelector('#editor', { timeout: 15_000 })
  check(
    'enrol: the link registers a passkey and opens the desk',
    (await page.locator('header .who strong').textContent()) === 'city-desk',
  )
  const again = await fetch(link.json.url)
  check('the used link is refused (410)', again.status === 410, String(again.status))

  // ---- sign out and in -------------------------------------------------------------------
  await page.click('#signout')
  await page.waitForSelector('#signin')
  await checkPage(page, 'sign-in page 390px')
  await page.screenshot({ path: `${SHOTS}/desk-signin-390-light.png` })
  await page.click('#signin')
  await page.waitForSelector('#editor', { timeout: 15_000 })
  check('sign in with the passkey', await page.locator('#editor').isVisible())
  // The editor's script is ready once it has listed the passkeys: a paste before is lost.
  await page.waitForSelector('#passkeys li', { timeout: 15_000 })
  const body = page.getByRole('textbox', { name: '內文 Body', exact: true })
  check(
    'the body field is named by its label and described by its format',
    (await body.count()) === 1 &&
      /Markdown/.test(
        await body
          .getAttribute('aria-describedby')
          .then((id) => page.locator(`#${id}`).textContent()),
      ),
  )

  // ---- save a draft, find it under Drafts, publish it (from the keyboard) -------------------
  const draftTitle = '草稿測試 Draft check'
  // The desk's script has listed the (no) articles yet: its buttons work from here.
  await page.locator('#none').waitFor({ timeout: 15_000 })
  await page.fill('#title', draftTitle)
  await page.fill('#body', '還在寫。Still writing.')
  await page.click('#save-draft')
  await page.waitForFunction(() => /draft|草稿/.test(document.getElementById('status').textContent))
  const draftId = await page.inputValue('input[name=id]')
  const unseen = (await fetch(`${base}/articles/${draftId}`)).status
  check('save draft: stored, and readers do not see it (404)', unseen === 404, String(unseen))
  await page.selectOption('#state', 'draft')
  await page.fill('#search', 'draft CHECK')
  const listedDraft = page.locator('#articles li[data-state=draft]', { hasText: draftTitle })
  await listedDraft.waitFor({ timeout: 15_000 })
  check(
    'the draft appears under the Drafts filter, found by its title',
    (await page.locator('#articles li').count()) === 1,
  )
  await checkPage(page, 'desk with the Drafts filter 390px light')
  await page.click('#new')
  await listedDraft.locator('button', { hasText: /編輯|Edit/ }).focus()
  await page.keyboard.press('Enter')
  // The draft is open once its title is back in the form ("New article" keeps the hidden
  // revision of the draft just saved, so that field says nothing).
  await page.waitForFunction((t) => document.getElementById('title').value === t, draftTitle)
  const draftButtonShown = await page.locator('#save-draft').isVisible()
  await page.locator('#editor button[type=submit]').focus()
  await page.keyboard.press('Enter')
  await page.waitForFunction(() =>
    /published|已發布/.test(document.getElementById('status').textContent),
  )
  await page.locator('#none').waitFor({ timeout: 15_000 })
  const live = (await fetch(`${base}/articles/${draftId}`)).status
  check(
    'publish the draft from the keyboard: readers see it, it leaves Drafts, and cannot go back',
    draftButtonShown && live === 200 && !(await page.locator('#save-draft').isVisible()),
    JSON.stringify({ draftButtonShown, live }),
  )
  await page.fill('#search', '')
  await page.selectOption('#state', '')
  await page.click('#new')

  // ---- paste a web page (its HTML) from the corpus -----------------------------------------
  const cna = JSON.parse(readFileSync('test/corpus/pasted/cna-html.json', 'utf8'))
  const cnaHtml = Array.isArray(cna.text) ? cna.text.join('\n') : cna.text
  await paste(page, cnaHtml.replace(/<[^>]+>/g, ' '), cnaHtml)
  await page.waitForFunction(
    (t) => document.getElementById('title').value === t,
    cna.expect.title,
    {
      timeout: 15_000,
    },
  )
  const fromHtml = await page.evaluate(() => ({
    authors: document.getElementById('authors').value,
    removed: document.querySelectorAll('#report-lines li.removed button').length,
  }))
  check(
    'paste HTML: the import reads the page, its byline, and lists what it removed',
    fromHtml.authors.includes(cna.expect.authors[0]) && fromHtml.removed > 0,
    JSON.stringify(fromHtml),
  )
  await page.click('#new')

  // ---- paste a page from the corpus, correct a field -------------------------------------
  const pasted = JSON.parse(readFileSync('test/corpus/pasted/dateline-xinhua.json', 'utf8'))
  await paste(page, pasted.text.join('\n'))
  await page.waitForFunction(() => document.getElementById('title').value !== '', null, {
    timeout: 15_000,
  })
  const read = await page.evaluate(() => ({
    title: document.getElementById('title').value,
    authors: document.getElementById('authors').value,
    source: document.getElementById('source_name').value,
    published: document.getElementById('published').value,
    report: document.querySelectorAll('#report-lines li').length,
  }))
  check(
    'paste: the import reads title, source and date, and shows its report',
    read.title === pasted.expect.title &&
      read.source !== '' &&
      read.published !== '' &&
      read.report > 0,
    JSON.stringify(read),
  )
  await page.fill('#title', `${read.title}（更正）`)
  await page.fill('#tags', '國務院, 就業')
  await page.waitForSelector('#preview iframe[data-script=zh-Hans]', { timeout: 15_000 })
  const frames = page.locator('#preview iframe')
  const hansTitle = await page
    .frameLocator('#preview iframe[data-script=zh-Hans]')
    .locator('h1.p-name')
    .textContent({ timeout: 15_000 })
  const [hant, hans] = [await frames.nth(0).boundingBox(), await frames.nth(1).boundingBox()]
  check(
    "the preview is the article's page in Traditional and Simplified, stacked at 390 px",
    (await frames.count()) === 2 &&
      hansTitle.includes('（更正）') &&
      hans.y > hant.y + hant.height - 1,
    JSON.stringify({ hansTitle, hant, hans }),
  )

  // ---- add a photo with alt text ----------------------------------------------------------
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  await page.setInputFiles('#photo_file', { name: 'forum.png', mimeType: 'image/png', buffer: png })
  await page.click('#add-photo')
  await page.waitForFunction(() => document.getElementById('status').classList.contains('error'))
  const altRefused = await statusText(page)
  await page.fill('#photo_alt', '與會者在論壇會場 Delegates at the forum')
  await page.click('#add-photo')
  await page.waitForSelector('#photo-list li img', { timeout: 15_000 })
  check('a photo is added only with alt text', /alt/.test(altRefused), altRefused)

  // ---- schedule, and see it released ------------------------------------------------------
  await page.fill('#published', localAhead(90))
  await page.locator('#editor button[type=submit]').click()
  await page.waitForFunction(
    () => /scheduled|排程/.test(document.getElementById('status').textContent),
    null,
    { timeout: 15_000 },
  )
  const id = await page.inputValue('input[name=id]')
  const hidden = await fetch(`${base}/articles/${id}`)
  check('scheduled: readers do not see it yet', hidden.status === 404, `${id} ${hidden.status}`)
  await page.waitForSelector('#delivery:not([hidden])')
  const panel = await page.evaluate(() => ({
    release: document.getElementById('delivery-release').textContent,
    shown: !document.getElementById('delivery-release-row').hidden,
    purge: document.getElementById('delivery-purge').textContent,
  }))
  check(
    'after scheduling, the panel gives the release time in the site time zone and purges nothing yet',
    panel.shown && /Asia\/Taipei/.test(panel.release) && /尚無|nothing yet/.test(panel.purge),
    JSON.stringify(panel),
  )
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme })
    await checkPage(page, `desk with a pasted page 390px ${scheme}`)
    await page.screenshot({ path: `${SHOTS}/desk-390-${scheme}.png` })
  }
  // ---- two tabs on one article: the second gets the conflict ------------------------------
  const wide = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
  await wide.addCookies(await phone.ctx.cookies())
  const tabA = (await deskContext(1280, 'light', wide)).page
  const tabB = await wide.newPage()
  for (const tab of [tabA, tabB]) {
    await tab.goto(`${base}/desk/`)
    await tab
      .locator('#articles button', { hasText: /編輯|Edit/ })
      .first()
      .click()
    await tab.waitForFunction(() => document.querySelector('input[name=revision]').value !== '')
  }
  await tabA.waitForSelector('#preview iframe[data-script=zh-Hans]', { timeout: 15_000 })
  const wideFrames = await tabA
    .locator('#preview iframe')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))
  check(
    'at 1280 px the Traditional and Simplified pages are side by side',
    wideFrames.length === 2 &&
      wideFrames[0].y === wideFrames[1].y &&
      wideFrames[1].x >= wideFrames[0].x + wideFrames[0].width,
    JSON.stringify(wideFrames),
  )
  await tabA.fill('#summary', '第一個分頁的摘要')
  await tabA.locator('#editor button[type=submit]').click()
  await tabA.waitForFunction(() => /Saved|已/.test(document.getElementById('status').textContent))
  await tabB.fill('#summary', '第二個分頁的摘要')
  await tabB.locator('#editor button[type=submit]').click()
  await tabB.waitForFunction(() => /Conflict/.test(document.getElementById('status').textContent))
  const conflict = await statusText(tabB)
  const stored = await admin('GET', `/api/articles/${id}`)
  check(
    'edit in two tabs: the second is told of the conflict and overwrites nothing',
    /Conflict/.test(conflict) &&
      stored.json.summary === '第一個分頁的摘要' &&
      (await tabB.locator('#status[role=alert]').count()) === 1,
    JSON.stringify({ conflict, summary: stored.json.summary }),
  )
  // The screenshots show the preview drawn: both frames' pages, not frames still loading.
  for (const script of ['zh-Hant', 'zh-Hans']) {
    await tabB
      .frameLocator(`#preview iframe[data-script=${script}]`)
      .locator('h1.p-name')
      .waitFor({ timeout: 15_000 })
  }
  for (const scheme of ['light', 'dark']) {
    await tabB.emulateMedia({ colorScheme: scheme })
    await checkPage(tabB, `desk with a conflict 1280px ${scheme}`)
    // The whole desk in one viewport: Chromium leaves frames below the fold unpainted in a
    // full-page capture, and the preview is two frames.
    const height = await tabB.evaluate(() => document.documentElement.scrollHeight)
    await tabB.setViewportSize({ width: 1280, height })
    await tabB.screenshot({ path: `${SHOTS}/desk-1280-${scheme}.png` })
    await tabB.setViewportSize({ width: 1280, height: 1000 })
  }

  // ---- another publisher's article is refused --------------------------------------------
  const other = await admin('POST', '/api/articles', { title: 'Admin news', content_text: 'Text.' })
  const theirs = await tabA.evaluate(async (otherId) => {
    const csrf = JSON.parse(document.getElementById('desk-data').textContent).csrf
    const res = await fetch(`/desk/api/articles/${otherId}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ title: 'Taken over', content_text: 'x' }),
    })
    return res.status
  }, other.json.id)
  check("another publisher's article is refused (403)", theirs === 403, String(theirs))
  await wide.close()

  let released = 0
  for (let i = 0; i < 150 && released !== 200; i++) {
    await new Promise((r) => setTimeout(r, 1000))
    released = (await fetch(`${base}/articles/${id}`)).status
  }
  check('released at its time: readers see it', released === 200, String(released))
  const pageHtml = await (await fetch(`${base}/articles/${id}`)).text()
  check(
    'the released page shows the photo with its alt text',
    pageHtml.includes('alt="與會者在論壇會場 Delegates at the forum"'),
    pageHtml.slice(0, 300),
  )

  // ---- delete, and undo --------------------------------------------------------------------
  page.once('dialog', (d) => void d.accept())
  await page.reload()
  await page.waitForSelector('#articles li')
  await page.locator('#articles li').first().locator('button').nth(1).click()
  await page.waitForSelector('#status button')
  const gone = (await fetch(`${base}/articles/${id}`)).status
  await page.locator('#status button').click()
  await page.waitForFunction(() => !document.querySelector('#status button'))
  const back = (await fetch(`${base}/articles/${id}`)).status
  check(
    'delete, then undo: the article is gone (410), then back',
    gone === 410 && back === 200,
    `${gone} ${back}`,
  )
  // The undo's delivery: its tags, the first pass followed until the coordinator sent it.
  await page.waitForFunction(
    () => /(已送出|已发送|sent)/.test(document.getElementById('delivery-purge').textContent),
    null,
    { timeout: 30_000 },
  )
  const after = await page.evaluate(() => ({
    tags: [...document.querySelectorAll('#delivery-purge code')].map((c) => c.textContent),
    passes: document.querySelector('#delivery-purge p').textContent,
    readers: document.getElementById('delivery-readers').textContent,
  }))
  check(
    'after a write the panel names the purged tags, shows the first pass sent, and when readers see it',
    after.tags.includes(`a:${id}`) && after.tags.includes('all') && /300/.test(after.readers),
    JSON.stringify(after),
  )
  await checkPage(page, 'desk with the After the save panel 390px')

  // ---- sign out; revoked, the publisher is refused ------------------------------------------
  await page.click('#signout')
  await page.waitForSelector('#signin')
  check(
    'sign out ends the session',
    (
      await fetch(`${base}/desk/api/passkeys`, {
        headers: {
          Cookie: (await phone.ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
        },
      })
    ).status === 401,
  )
  await page.click('#signin')
  await page.waitForSelector('#editor', { timeout: 15_000 })
  const revoked = await admin('DELETE', '/api/publishers/city-desk')
  await page.fill('#title', 'After revocation')
  await page.fill('#body', 'Text.')
  await page.locator('#editor button[type=submit]').click()
  await page.waitForFunction(() => document.getElementById('status').classList.contains('error'))
  const refusal = await statusText(page)
  await page.reload()
  const signInShown = await page.locator('#signin').isVisible()
  await page.click('#signin')
  await page.waitForFunction(
    () => document.getElementById('status').classList.contains('error'),
    null,
    { timeout: 15_000 },
  )
  check(
    'revoked: the open desk cannot save, the session is over, the passkey signs in no more',
    revoked.status === 204 && /Unauthorized|Sign in/.test(refusal) && signInShown,
    JSON.stringify({ refusal, signInShown, after: await statusText(page) }),
  )
  check('no script errors in the desk', phone.errors.length === 0, phone.errors.join('\n'))
  await phone.ctx.close()
} catch (error) {
  const shown = await Promise.all(
    browser
      .contexts()
      .flatMap((c) => c.pages())
      .map((p) =>
        p
          .locator('#status')
          .textContent()
          .catch(() => ''),
      ),
  )
  check(
    'desk run',
    false,
    `${error.stack}\nstatus: ${shown.join(' | ')}\n${worker.log().slice(-3000)}`,
  )
} finally {
  await browser.close()
  await worker.stop()
}

console.log(`\ndesk: ${tally.passed} passed, ${tally.failed} failed`)
process.exit(tally.failed ? 1 : 0)

#!/usr/bin/env node
// End-to-end in a real browser: Debian's Chromium driven by playwright-core against
// `wrangler dev`. Every page type at 390 px and 1280 px, light and dark: no console errors,
// no failed requests, no horizontal scroll, no serious or critical axe-core violations.
// Then pagination, tag links, the copy buttons, and an article page for every vector of
// the XSS corpus, none of which may run a script. Screenshots go to test-results/screenshots.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { startWorker } from './lib/devserver.mjs'
import { axeSource, checks, launchChromium, requireChromium } from './lib/chromium.mjs'

const SHOTS = 'test-results/screenshots'
const { tally, check } = checks()

requireChromium('browser')
mkdirSync(SHOTS, { recursive: true })

const worker = await startWorker()
const { base, token } = worker
const browser = await launchChromium()

/** Uploads a file; returns its URL. */
async function upload(bytes, type) {
  const res = await fetch(`${base}/api/media`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
    body: bytes,
  })
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`)
  return (await res.json()).url
}

/**
 * A photo a reader would see: 1600 px wide, made by ImageMagick when it is installed; else the
 * test photo (96 px).
 */
function photo() {
  try {
    return execFileSync('convert', [
      '-size',
      '1600x1000',
      'gradient:#c33-#36c',
      '-swirl',
      '120',
      '-quality',
      '80',
      'jpg:-',
    ])
  } catch {
    return readFileSync(new URL('../test/fixtures/media/gps.jpg', import.meta.url))
  }
}

/**
 * An article with photos of ours (srcset, alt text, a caption and credit), a photo in its text
 * and an MP3 to play.
 */
async function mediaArticle() {
  const lead = await upload(photo(), 'image/jpeg')
  const inline = await upload(
    readFileSync(new URL('../test/fixtures/media/gps.png', import.meta.url)),
    'image/png',
  )
  const mp3 = new Uint8Array(40_000)
  mp3.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0])
  for (let at = 10; at + 4 <= mp3.length; at += 417) mp3.set([0xff, 0xfb, 0x90, 0x64], at)
  const audio = await upload(mp3, 'audio/mpeg')
  return post({
    title: '經開區創新論壇現場：照片與錄音',
    content_html: `<p>　　本報訊　論壇現場座無虛席。</p><figure><img src="${inline}" alt="論壇會場的彩色海報"><figcaption>會場海報（本報記者攝）</figcaption></figure><p>　　以下為開幕致詞錄音。</p>`,
    photos: [
      {
        url: lead,
        alt: '論壇主會場，數百名與會者坐在紅藍色燈光下',
        caption: '論壇主會場座無虛席',
        credit: '本報記者 王小明',
      },
    ],
    attachments: [{ url: audio, title: '開幕致詞（錄音）', duration_in_seconds: 1 }],
    published: '2024-06-07T10:30:00+08:00',
    tags: ['經開區'],
    authors: [{ name: '王小明' }],
  })
}

async function post(body) {
  const res = await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`publish: ${res.status} ${await res.text()}`)
  return res.json()
}

try {
  const paragraphs = [
    '　　本報訊　經開區昨日舉辦「創新論壇」，逾百家企業代表出席，共商產業升級路徑。市政府表示，今年將投入專項資金，支持中小企業數位轉型與綠色發展。',
    '　　與會專家指出，人工智慧與半導體產業的結合，將成為下一波成長動能。據統計，上半年區內工業產值年增百分之八點五，出口訂單亦穩定回升。',
    '　　主辦單位透露，明年論壇規模將擴大一倍，並邀請更多海外企業參與。A very-long-unbreakable-latin-word-that-could-overflow-a-phone-screen-if-not-wrapped-properly.',
  ].join('\n')
  const articles = []
  for (let i = 0; i < 5; i++) {
    articles.push(
      await post({
        title:
          i === 0
            ? '經開區舉辦「創新論壇」，逾百家企業參與數位轉型與綠色發展討論'
            : `第${i}則：市政府公布年度預算`,
        content_text: paragraphs,
        published: `2024-06-0${i + 1}T10:30:00+08:00`,
        tags: i % 2 ? ['經開區', '預算'] : ['經開區', '科技 Tech'],
        authors: [{ name: '王小明' }],
        source: { name: '中央社', url: 'https://cna.example/news?id=1' },
      }),
    )
  }
  const first = articles[0]
  await post({
    id: 'removed',
    title: '已撤下的文章',
    content_text: '內容',
    published: '2024-05-01T00:00:00+08:00',
  })
  await fetch(`${base}/api/articles/removed`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
  })
  const media = await mediaArticle()
  const pages = {
    home: '/',
    media: `/articles/${media.id}`,
    article: `/articles/${first.id}`,
    tag: '/tags/%E7%B6%93%E9%96%8B%E5%8D%80',
    feeds: '/feeds',
    simplified: `/zh-Hans/articles/${first.id}`,
    'not-found': '/articles/does-not-exist',
    gone: '/articles/removed',
    'feed-preview': '/feed.xml',
  }

  for (const [name, path] of Object.entries(pages)) {
    for (const width of [390, 1280]) {
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({
          viewport: { width, height: 900 },
          colorScheme: scheme,
        })
        const page = await context.newPage()
        const errors = []
        const failed = []
        // An error page's own status is reported as a console error; it is the expected answer.
        const errorPage = name === 'not-found' || name === 'gone'
        page.on(
          'console',
          (m) =>
            m.type() === 'error' &&
            !(errorPage && m.location().url === base + path) &&
            errors.push(m.text()),
        )
        page.on('pageerror', (e) => errors.push(e.message))
        page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`))
        page.on(
          'response',
          (r) =>
            r.status() >= 400 &&
            !(errorPage && r.url() === base + path) &&
            failed.push(`${r.status()} ${r.url()}`),
        )
        // Page loads are browser navigations, so the feed URL gets its explanatory page.
        const res = await page.goto(base + path, { waitUntil: 'load' })
        const label = `${name} ${width}px ${scheme}`
        const want = name === 'not-found' ? 404 : name === 'gone' ? 410 : 200
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        await page.evaluate(axeSource)
        const axe = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] })
          return r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)
        })
        check(
          `${label}: ${want}, no console errors, no failed requests, no horizontal scroll, axe clean`,
          res.status() === want &&
            errors.length === 0 &&
            failed.length === 0 &&
            overflow <= 0 &&
            axe.length === 0,
          JSON.stringify({ status: res.status(), errors, failed, overflow, axe }, null, 1),
        )
        await page.screenshot({
          path: `${SHOTS}/${name}-${width}-${scheme}.png`,
          fullPage: width === 390 ? false : true,
        })
        await context.close()
      }
    }
  }
  // The media article's screenshots are the manual's (docs/media.md): refreshed on request, so
  // that a run leaves the checkout as it was.
  if (process.env.UPDATE_DOC_SCREENSHOTS === '1') {
    for (const width of [390, 1280]) {
      copyFileSync(`${SHOTS}/media-${width}-light.png`, `docs/screenshots/media-${width}.png`)
    }
  }

  // Following links as a reader would.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  const page = await context.newPage()
  await page.goto(`${base}/?limit=2`)
  const firstPage = await page.locator('ul.articles h2').allTextContents()
  // The click returns once the next page starts loading: read its list once it has loaded.
  await page.click('a[rel=next]')
  await page.waitForURL((url) => url.searchParams.has('cursor')).catch(() => {})
  const secondPage = await page.locator('ul.articles h2').allTextContents()
  check(
    'pagination leads to older articles',
    secondPage.length === 2 && !secondPage.some((t) => firstPage.includes(t)),
    JSON.stringify({ firstPage, secondPage }),
  )
  await page.click('ul.articles a[rel=tag] >> nth=0')
  await page.waitForURL(/\/tags\//).catch(() => {}) // a wrong page is reported below
  const tagHeading = await page.locator('h1').textContent()
  check(
    'a tag link opens that tag',
    page.url().includes('/tags/') && tagHeading === '經開區',
    `${page.url()} ${tagHeading}`,
  )
  await page.goto(`${base}/articles/${articles[2].id}`)
  await page.click('a[rel=next]')
  await page.waitForURL(`${base}/articles/${articles[1].id}`).catch(() => {})
  check(
    'the older-article link leads to the older article',
    page.url().endsWith(`/articles/${articles[1].id}`),
    page.url(),
  )

  await page.goto(`${base}/feeds`)
  const buttons = page.locator('button.copy')
  const count = await buttons.count()
  let copies = 0
  for (let i = 0; i < Math.min(count, 6); i++) {
    const button = buttons.nth(i)
    await button.click()
    const clip = await page.evaluate(() => navigator.clipboard.readText())
    if (
      clip === (await button.getAttribute('data-copy')) &&
      (await button.textContent()) === '已複製'
    )
      copies++
  }
  check(
    `copy buttons on /feeds copy their URL (${count} buttons)`,
    count >= 6 && copies === Math.min(count, 6),
    `${copies} of ${Math.min(count, 6)}`,
  )
  // A tag's address is shown as people read it, and copied encoded.
  const tagged = page.locator('code.url', { hasText: '/tags/經開區/feed.xml' }).first()
  await tagged.locator('xpath=following-sibling::button[1]').click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  check(
    '/feeds shows /tags/經開區/feed.xml and copies /tags/%E7%B6%93%E9%96%8B%E5%8D%80/feed.xml',
    copied === `${base}/tags/%E7%B6%93%E9%96%8B%E5%8D%80/feed.xml`,
    copied,
  )
  await context.close()

  // On a phone, an address breaks only between its parts (after / ? & =), never inside one.
  const phone = await browser.newContext({ viewport: { width: 390, height: 900 } })
  const narrow = await phone.newPage()
  await narrow.goto(`${base}/feeds`)
  const broken = await narrow.evaluate(() => {
    const found = []
    for (const part of document.querySelectorAll('code.url > span')) {
      const range = document.createRange()
      range.selectNodeContents(part)
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
      if (lines.size > 1 && part.scrollWidth < part.closest('li, p').clientWidth)
        found.push(part.textContent)
    }
    return found
  })
  check(
    'addresses on /feeds wrap at 390 px only between their parts',
    broken.length === 0,
    broken.join('\n'),
  )
  await phone.close()

  // The XSS corpus: an article page built from each vector must run no script.
  const vectors = JSON.parse(readFileSync('test/corpus/xss.json', 'utf8')).vectors
  const ran = []
  const xssContext = await browser.newContext()
  const xssPage = await xssContext.newPage()
  xssPage.on('dialog', (d) => {
    ran.push(`dialog: ${d.message()}`)
    d.dismiss()
  })
  for (const [i, vector] of vectors.entries()) {
    const article = await post({
      id: `xss-${i}`,
      title: `XSS ${i}`,
      content_html: `<p>before</p>${vector}<p>after</p>`,
      published: '2020-01-01T00:00:00Z',
    })
    await xssPage.goto(`${base}/articles/${article.id}`, { waitUntil: 'load' })
    await xssPage.waitForTimeout(50)
    const hit = await xssPage.evaluate(
      () => window.__xss !== undefined || window.parent.__xss !== undefined,
    )
    if (hit) ran.push(`vector ${i}: ${vector}`)
  }
  await xssContext.close()
  check(
    `none of ${vectors.length} XSS vectors runs a script in Chromium`,
    ran.length === 0,
    ran.join('\n'),
  )
} catch (error) {
  check('browser run', false, `${error.stack}\n${worker.log().slice(-3000)}`)
} finally {
  await browser.close()
  await worker.stop()
}

console.log(`\nbrowser: ${tally.passed} passed, ${tally.failed} failed`)
console.log(`${tally.passed} passed, ${tally.failed} failed`)
process.exit(tally.failed ? 1 : 0)

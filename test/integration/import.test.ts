import { reset } from 'cloudflare:test'
import { afterEach, describe, expect, it } from 'vitest'
import { client, dom, kvSnapshot, publish, readFeeds } from '../helpers'

afterEach(() => reset())

const post = (body: BodyInit, type = 'text/plain; charset=utf-8', query = '') =>
  client().fetch(`/api/articles${query}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': type },
    body,
  })

/** Traditional Chinese copied from a news site, furniture and all. */
const TRADITIONAL = [
  '經開區舉辦「創新論壇」　逾百家企業參與',
  '',
  '發布時間：2022年04月08日 10:30　來源：經開區管委會',
  '作者：王小明',
  '【打印】【關閉】　字體：大 中 小',
  '分享到：',
  '',
  '　　本報訊　經開區昨日舉辦「創新論壇」，逾百家企業代表出席。',
  '　　與會者表示，<span id="x">前景</span>&nbsp;可期；部分字元顯示為?或\uFFFD。',
  '第二行仍屬同一段。',
  '',
  '掃描二維碼',
  '在您的設備上瀏覽本頁',
  '上一篇：市長視察經開區',
  '下一篇：經開區招商說明會',
  '網站簡介 | 廣告服務 | 聯繫方式 | 法律聲明 | 關於我們',
].join('\n')

/** Simplified Chinese with phonetic annotations and the editor at the bottom. */
const SIMPLIFIED = [
  '经开区新能源项目签约',
  '日(rì)期(qī)：2023/05/06 09:00:00　来(lái)源(yuán)：新华社',
  '',
  '    本报讯  经开区与三家企业签约，总投资逾十亿元。',
  '    项目预计明年投产。',
  '',
  '责任编辑：李四',
  '关于我们 | 联系我们 | 法律声明',
].join('\n')

describe('plain-text import', () => {
  it('imports Traditional Chinese news: title, metadata, paragraphs, furniture dropped', async () => {
    const res = await post(TRADITIONAL, 'text/plain; charset=utf-8', '?tags=經開區,創新')
    expect(res.status).toBe(201)
    const article = await res.json<any>()
    expect(article.title).toBe('經開區舉辦「創新論壇」　逾百家企業參與')
    expect(article.published).toBe('2022-04-08T10:30:00+08:00')
    expect(article.source).toEqual({ name: '經開區管委會' })
    expect(article.authors).toEqual([{ name: '王小明' }])
    expect(article.tags).toEqual(['經開區', '創新'])
    expect(article.language).toBe('zh-Hant')
    expect(article.content_text).toBe(TRADITIONAL.split('\n').slice(7, 10).join('\n'))
    expect(article.content_html).toBe(
      '<p>本報訊　經開區昨日舉辦「創新論壇」，逾百家企業代表出席。</p>\n' +
        '<p>與會者表示，&lt;span id=&quot;x&quot;&gt;前景&lt;/span&gt;&amp;nbsp;可期；部分字元顯示為?或\uFFFD。\n第二行仍屬同一段。</p>',
    )
    const report = article.import_report
    expect(report.format).toBe('text')
    expect(report.title).toEqual({
      lines: [1],
      text: '經開區舉辦「創新論壇」　逾百家企業參與',
    })
    expect(report.fields.map((f: any) => [f.field, f.line])).toEqual([
      ['published', 3],
      ['source', 3],
      ['author', 4],
    ])
    expect(report.lines.map((l: any) => [l.line, l.class, l.reason])).toEqual([
      [1, 'title', 'headline'],
      [3, 'metadata', 'label 發布時間, label 來源'],
      [4, 'metadata', 'label 作者'],
      [5, 'furniture', 'print-controls'],
      [6, 'furniture', 'share'],
      [8, 'story', 'paragraph'],
      [9, 'story', 'paragraph'],
      [10, 'story', 'after-story'],
      [12, 'furniture', 'qr-code'],
      [13, 'furniture', 'qr-code'],
      [14, 'furniture', 'previous-next'],
      [15, 'furniture', 'previous-next'],
      [16, 'furniture', 'footer-links'],
    ])
    expect(report.body).toEqual({ first_line: 8, last_line: 10 })
    // The stored article carries no report; the feeds show the text exactly.
    const stored = await (await client().api(`/api/articles/${article.id}`)).json<any>()
    expect(stored.import_report).toBeUndefined()
  })

  it('imports Simplified Chinese with annotations and a footer editor', async () => {
    const res = await post(SIMPLIFIED)
    expect(res.status).toBe(201)
    const article = await res.json<any>()
    expect(article.title).toBe('经开区新能源项目签约')
    expect(article.published).toBe('2023-05-06T09:00:00+08:00')
    expect(article.source).toEqual({ name: '新华社' })
    expect(article.authors).toEqual([])
    expect(article.language).toBe('zh-Hans')
    expect(article.content_html).toBe(
      '<p>本报讯  经开区与三家企业签约，总投资逾十亿元。</p>\n<p>项目预计明年投产。</p>',
    )
    expect(article.import_report.lines.filter((l: any) => l.class === 'furniture')).toEqual([
      {
        line: 8,
        class: 'furniture',
        reason: 'footer-links',
        kept: false,
        text: '关于我们 | 联系我们 | 法律声明',
      },
    ])
    // The desk editor is reported, never made the author.
    expect(article.import_report.fields).toContainEqual({
      field: 'editor',
      value: '李四',
      line: 7,
      label: '责任编辑',
    })
  })

  it('imports English with By and Date lines', async () => {
    const res = await post(
      'Council approves budget\nBy Jane Doe and John Roe\nDate: 2024-01-15\n\nThe council approved the budget.\n\nIt takes effect in March.',
    )
    const article = await res.json<any>()
    expect(article.authors).toEqual([{ name: 'Jane Doe' }, { name: 'John Roe' }])
    expect(article.published).toBe('2024-01-15T00:00:00+08:00')
    expect(article.content_html).toBe(
      '<p>The council approved the budget.</p>\n<p>It takes effect in March.</p>',
    )
  })

  it('imports Markdown with its first heading as the title', async () => {
    const res = await post(
      '# 市議會通過預算\n\n來源：中央社\n\n預算**通過**，[詳情](https://example.org/a)。',
      'text/markdown; charset=utf-8',
    )
    expect(res.status).toBe(201)
    const article = await res.json<any>()
    expect(article.title).toBe('市議會通過預算')
    expect(article.source).toEqual({ name: '中央社' })
    expect(article.content_markdown).toBe('預算**通過**，[詳情](https://example.org/a)。')
    expect(article.content_html).toBe(
      '<p>預算<strong>通過</strong>，<a href="https://example.org/a" rel="noopener noreferrer nofollow">詳情</a>。</p>\n',
    )
  })

  it('reads Big5 and GBK bodies when the charset says so', async () => {
    // 「新聞」 in Big5, 「新闻」 in GBK
    const big5 = new Uint8Array([0xb7, 0x73, 0xbb, 0x44, 0x0a, 0xa4, 0xba, 0xa4, 0xe5])
    const res = await post(big5, 'text/plain; charset=big5')
    expect(res.status).toBe(201)
    expect((await res.json<any>()).title).toBe('新聞')
    const gbk = new Uint8Array([0xd0, 0xc2, 0xce, 0xc5, 0x0a, 0xd5, 0xfd, 0xce, 0xc4])
    expect((await (await post(gbk, 'text/plain; charset=gbk')).json<any>()).title).toBe('新闻')
  })

  it('refuses bytes that are not the declared charset, storing nothing', async () => {
    const res = await post(new Uint8Array([0xe7, 0xb6, 0x93, 0xff, 0x0a, 0x61]))
    expect(res.status).toBe(400)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    expect(await kvSnapshot()).toEqual({})
  })

  it('refuses a text with a title and no body, storing nothing', async () => {
    const res = await post('只有標題\n來源：中央社\n')
    expect(res.status).toBe(400)
    expect((await res.json<any>()).errors.map((e: any) => e.pointer)).toContain('/content_text')
    expect(await kvSnapshot()).toEqual({})
  })

  it('answers 415 for another media type', async () => {
    const res = await post('<article>x</article>', 'application/xml')
    expect(res.status).toBe(415)
    expect((await res.json<any>()).detail).toContain('text/html')
    expect(await kvSnapshot()).toEqual({})
  })

  it('says so when the page has no date: the article is dated when it is stored', async () => {
    const article = await (
      await post('社區通知\n\n　　各位居民：社區將提供免費健康體檢，請攜帶證件登記。')
    ).json<any>()
    expect(article.published).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(article.import_report.fields.filter((f: any) => f.field === 'published')).toEqual([])
    expect(article.import_report.notes).toContainEqual(expect.objectContaining({ code: 'no-date' }))
  })

  it('keeps the imported text exact in every feed', async () => {
    const c = client()
    await post(TRADITIONAL)
    const feeds = await readFeeds(c)
    expect(feeds.json[0].title).toBe('經開區舉辦「創新論壇」　逾百家企業參與')
    expect(feeds.json[0].content_html).toContain('部分字元顯示為?或\uFFFD。')
  })
})

describe('a date without a time', () => {
  const DAY = [
    '市立圖書館延長開放時間',
    '發布時間：2022年04月08日',
    '',
    '　　市立圖書館自下月起延長開放時間。',
  ]

  it('is a date: the page shows the day alone, the feeds keep midnight', async () => {
    const c = client()
    const article = await (await post(DAY.join('\n'))).json<any>()
    expect(article.published).toBe('2022-04-08T00:00:00+08:00')
    expect(article.published_precision).toBe('date')
    expect(article.import_report.fields[0]).toMatchObject({
      field: 'published',
      value: '2022-04-08',
      precision: 'date',
    })
    const page = dom(await (await c.get(`/articles/${article.id}`)).text())
    expect(page.one('time')!.text).toBe('2022年4月8日')
    expect(page.one('time')!.attribs.datetime).toBe('2022-04-08')
    const feeds = await readFeeds(c)
    expect(feeds.rss[0].pubDate).toBe('Fri, 08 Apr 2022 00:00:00 +0800')
    expect(feeds.json[0].date_published).toBe('2022-04-08T00:00:00+08:00')
  })

  it('can fail: a date with a time keeps its time on the page', async () => {
    const c = client()
    const timed = DAY.with(1, '發布時間：2022年04月08日 10:30')
    const article = await (await post(timed.join('\n'))).json<any>()
    expect(article.published_precision).toBeUndefined()
    const page = dom(await (await c.get(`/articles/${article.id}`)).text())
    expect(page.one('time')!.text).toMatch(/^2022年4月8日.*10:30$/)
  })

  it('is a date in the JSON API too', async () => {
    const c = client()
    const article = await publish(c, {
      title: 'Day',
      content_text: 'x',
      published: '2022-04-08',
    })
    expect(article.published_precision).toBe('date')
    const page = dom(await (await c.get(`/articles/${article.id}`)).text())
    expect(page.one('time')!.text).toBe('2022年4月8日')
  })
})

/** A government portal's Traditional page with a reading after many characters. */
const ANNOTATED = [
  '國(guó)務(wù)院辦(bàn)公廳關(guān)於進(jìn)一步優(yōu)化營(yíng)商環(huán)境的通知',
  '發(fā)布時(shí)間(jiān)：2022年04月08日　來(lái)源：國(guó)務(wù)院辦(bàn)公廳',
  '【字?：大 中 小】',
  '',
  '　　為(wèi)進(jìn)一步優(yōu)化營(yíng)商環(huán)境，激發(fā)市場(chǎng)主體(tǐ)活力，經(jīng)國(guó)務(wù)院同意，現(xiàn)就有關(guān)事項(xiàng)通知如下。',
].join('\n')
const CLEAN_TITLE = '國務院辦公廳關於進一步優化營商環境的通知'

describe('plain-text import of annotated pages', () => {
  it('removes the readings from every field, gives a date-based id and keeps the text as posted', async () => {
    const c = client()
    const res = await post(ANNOTATED)
    expect(res.status).toBe(201)
    const article = await res.json<any>()
    expect(article.id).toMatch(/^2022-04-08-[0-9a-f]{6}$/)
    expect(article.title).toBe(CLEAN_TITLE)
    expect(article.source).toEqual({ name: '國務院辦公廳' })
    expect(article.summary).toMatch(/^為進一步優化營商環境/)
    expect(article.content_text).toBe(
      '　　為進一步優化營商環境，激發市場主體活力，經國務院同意，現就有關事項通知如下。',
    )
    expect(article.source_text).toBe(ANNOTATED)
    expect(article.import_report.annotations).toMatchObject({
      mode: 'strip',
      removed: 22,
    })
    expect(article.import_report.lines).toContainEqual({
      line: 3,
      class: 'furniture',
      reason: 'font-size',
      kept: false,
      text: '【字?：大 中 小】',
    })
    // Every view is clean: the page, both script variants, the feeds.
    for (const path of ['', '/zh-Hans', '/zh-Hant']) {
      const html = await (await c.get(`${path}/articles/${article.id}`)).text()
      expect(html, path).not.toMatch(/\((guó|wù|wèi)\)/)
    }
    const zhHans = dom(await (await c.get(`/zh-Hans/articles/${article.id}`)).text())
    expect(zhHans.one('h1')!.text).toBe('国务院办公厅关于进一步优化营商环境的通知')
    const feeds = await readFeeds(c)
    expect(feeds.json[0].title).toBe(CLEAN_TITLE)
    expect(feeds.json[0].summary).not.toContain('(')
  })

  it('keeps them with ?annotations=keep, and the readings still never make the slug', async () => {
    const article = await (await post(ANNOTATED, undefined, '?annotations=keep')).json<any>()
    expect(article.title).toBe(ANNOTATED.split('\n')[0])
    expect(article.id).toMatch(/^2022-04-08-[0-9a-f]{6}$/)
    expect(article.content_text).toContain('為(wèi)進(jìn)一步')
    expect(article.import_report.annotations).toMatchObject({
      mode: 'keep',
      removed: 0,
    })
  })

  it('shows them as <ruby> with ?annotations=ruby, the plain fields holding the base text', async () => {
    const c = client()
    const article = await (await post(ANNOTATED, undefined, '?annotations=ruby')).json<any>()
    expect(article.title).toBe(CLEAN_TITLE)
    expect(article.content_text).not.toContain('(')
    expect(article.summary).not.toContain('wèi')
    expect(article.content_html).toContain('<ruby>為<rp>(</rp><rt>wèi</rt><rp>)</rp></ruby>')
    const page = dom(await (await c.get(`/articles/${article.id}`)).text())
    expect(page.all('rt').map((rt) => rt.text)).toContain('wèi')
  })

  it('imports the kept text again with another choice', async () => {
    const first = await (await post(ANNOTATED)).json<any>()
    const res = await client().fetch(`/api/articles/${first.id}?annotations=keep`, {
      method: 'PUT',
      headers: {
        Authorization: 'Bearer test-admin-token',
        'Content-Type': 'text/plain; charset=utf-8',
      },
      body: first.source_text,
    })
    expect(res.status).toBe(200)
    expect((await res.json<any>()).title).toBe(ANNOTATED.split('\n')[0])
  })

  it('reads the times a page prints without a zone in ?timezone=, and refuses a zone that is none', async () => {
    const page = [
      '巴黎宣布塞納河游泳區今夏開放 百年來首次',
      '發表時間 18/03/2025 - 14:32',
      '',
      '　　巴黎市政府週二宣布，塞納河沿岸三處露天游泳區將於今年7月初正式對公眾開放。',
    ].join('\n')
    const bad = await post(page, undefined, '?timezone=Paris')
    expect(bad.status).toBe(400)
    expect((await bad.json<any>()).errors.map((e: any) => e.pointer)).toEqual(['/timezone'])
    expect(await kvSnapshot()).toEqual({})
    const paris = await (await post(page, undefined, '?timezone=Europe/Paris')).json<any>()
    expect(paris.published).toBe('2025-03-18T14:32:00+01:00')
  })

  it('refuses an unknown ?annotations= choice, storing nothing', async () => {
    const res = await post(ANNOTATED, undefined, '?annotations=remove')
    expect(res.status).toBe(400)
    expect((await res.json<any>()).errors.map((e: any) => e.pointer)).toEqual(['/annotations'])
    expect(await kvSnapshot()).toEqual({})
  })
})

describe('the JSON API and annotations', () => {
  const body = {
    title: ANNOTATED.split('\n')[0],
    content_text: ANNOTATED.split('\n')[4],
  }

  it('strips them from content_text by default, keeping the text as posted', async () => {
    const article = await publish(client(), body)
    expect(article.title).toBe(CLEAN_TITLE)
    expect(article.id).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{6}$/)
    expect(article.content_text).not.toContain('(')
    expect(article.source_text).toBe(body.content_text)
  })

  it('takes "annotations": "keep" and "ruby"', async () => {
    const kept = await publish(client(), { ...body, annotations: 'keep' })
    expect(kept.title).toBe(body.title)
    expect(kept.source_text).toBeUndefined()
    const ruby = await publish(client(), { ...body, annotations: 'ruby' })
    expect(ruby.content_html).toContain('<ruby>為<rp>(</rp><rt>wèi</rt>')
    expect(ruby.content_text).not.toContain('(')
  })

  it('refuses annotations with content_html, and an unknown choice', async () => {
    const c = client()
    const html = await c.post({
      title: 'x',
      content_html: '<p>x</p>',
      annotations: 'strip',
    })
    expect(html.status).toBe(400)
    expect((await html.json<any>()).errors.map((e: any) => e.pointer)).toEqual(['/annotations'])
    const bad = await c.post({ ...body, annotations: 'remove' })
    expect((await bad.json<any>()).errors.map((e: any) => e.pointer)).toEqual(['/annotations'])
    expect(await kvSnapshot()).toEqual({})
  })
})

/** What Chrome puts on the clipboard for a copied news page: fragment markers, inline styles. */
const CLIPBOARD = [
  "<meta charset='utf-8'><html><body><!--StartFragment-->",
  '<div class="crumb"><a href="https://news.example.com/">首頁</a> &gt; <a href="https://news.example.com/tw">台灣</a></div>',
  '<h1 style="font-size: 28px; color: rgb(0, 0, 0);">北市公車駕駛加薪　每月多3千元</h1>',
  '<div class="meta"><time datetime="2024-03-05T05:30:00+08:00">2024/03/05 05:30</time>　<span>記者王小明／台北報導</span></div>',
  '<div class="share"><a href="#">Facebook</a> <a href="#">LINE</a> <button>複製連結</button></div>',
  '<article><p style="text-indent: 2em;">台北市公車駕駛薪資將調漲，市府今天宣布，自4月起每月增加3000元。<script>alert(1)</script></p>',
  '<figure><img src="https://news.example.com/bus.jpg" alt="公車" onerror="alert(1)"><figcaption>台北市公車。記者王小明攝</figcaption></figure>',
  '<p>交通局表示，近年駕駛人力流失，加薪後盼能吸引<a href="javascript:alert(1)">年輕人</a>投入。</p></article>',
  '<div class="related"><h3>延伸閱讀</h3><ul><li><a href="#">北捷列車故障</a></li><li><a href="#">颱風假怎麼放</a></li></ul></div>',
  '<!--EndFragment--></body></html>',
].join('\n')

describe('HTML import', () => {
  it('reads a page pasted as HTML, keeps the story’s HTML sanitised, and reports every line', async () => {
    const c = client()
    const res = await post(CLIPBOARD, 'text/html')
    expect(res.status).toBe(201)
    const article = await res.json<any>()
    expect(article.title).toBe('北市公車駕駛加薪　每月多3千元')
    expect(article.published).toBe('2024-03-05T05:30:00+08:00')
    expect(article.authors).toEqual([{ name: '王小明' }])
    expect(article.summary).toMatch(/^台北市公車駕駛薪資將調漲/)
    expect(article.content_html).toContain(
      '<figure><img src="https://news.example.com/bus.jpg" alt="公車"><figcaption>',
    )
    expect(article.content_html).not.toMatch(
      /script|onerror|javascript:|style=|class=|延伸閱讀|Facebook/,
    )
    expect(article.source_text).toBe(CLIPBOARD)
    const report = article.import_report
    expect(report.format).toBe('html')
    expect(report.lines.map((l: any) => [l.class, l.kept])).toEqual([
      ['furniture', false],
      ['title', false],
      ['metadata', false],
      ['furniture', false],
      ['story', true],
      ['caption', true],
      ['story', true],
      ['furniture', false],
      ['furniture', false],
      ['furniture', false],
    ])
    const page = dom(await (await c.get(`/articles/${article.id}`)).text())
    expect(page.one('figcaption')!.text).toBe('台北市公車。記者王小明攝')
  })

  it('shows <ruby> readings as the annotations choice says', async () => {
    const ruby = (ch: string, r: string) => `<ruby>${ch}<rp>(</rp><rt>${r}</rt><rp>)</rp></ruby>`
    const title = [
      ['兒', 'ㄦˊ'],
      ['童', 'ㄊㄨㄥˊ'],
      ['節', 'ㄐㄧㄝˊ'],
      ['快', 'ㄎㄨㄞˋ'],
      ['樂', 'ㄌㄜˋ'],
    ]
      .map(([c, r]) => ruby(c!, r!))
      .join('')
    const page = `<h1>${title}</h1><p>兒童節快到了，全台多座博物館將開放兒童免費參觀。</p>`
    const stripped = await (await post(page, 'text/html')).json<any>()
    expect(stripped.title).toBe('兒童節快樂')
    const kept = await (await post(page, 'text/html', '?annotations=keep')).json<any>()
    expect(kept.title).toBe('兒(ㄦˊ)童(ㄊㄨㄥˊ)節(ㄐㄧㄝˊ)快(ㄎㄨㄞˋ)樂(ㄌㄜˋ)')
  })

  it('refuses HTML over the limits, naming content_html, storing nothing', async () => {
    const res = await post('<div>'.repeat(200) + '標題', 'text/html')
    expect(res.status).toBe(400)
    expect((await res.json<any>()).errors.map((e: any) => e.pointer)).toEqual(['/content_html'])
    expect(await kvSnapshot()).toEqual({})
  })

  it('refuses an HTML page with no story, storing nothing', async () => {
    const res = await post('<h1>只有標題</h1>', 'text/html')
    expect(res.status).toBe(400)
    expect((await res.json<any>()).errors.map((e: any) => e.pointer)).toContain('/content_html')
    expect(await kvSnapshot()).toEqual({})
  })
})

/**
 * The classifier on small pages, one for each way it failed on the second and third sets of
 * pages written independently and scored blind (issue 26; docs/import.md, "Pages it has not
 * seen"). Each rule is tested with a line that must be read and one that must not.
 */
import { describe, expect, it } from 'vitest'
import { textParagraphs } from '../../src/articles/content'
import { readDateline } from '../../src/articles/import/dateline'
import { findDate } from '../../src/articles/import/dates'
import { importHtml } from '../../src/articles/import/html-import'
import { readMetadataLine } from '../../src/articles/import/metadata'
import { importPlainText } from '../../src/articles/import/plaintext'

const ZONE = 'Asia/Taipei'
const imp = (...lines: string[]) => importPlainText(lines.join('\n'), 'text', ZONE)
const authors = (r: { fields: { authors?: { name: string }[] } }) =>
  (r.fields.authors ?? []).map((a) => a.name)
const fields = (line: string) =>
  readMetadataLine(line, ZONE)?.map((m) => [m.field, m.label ?? null, m.value])
const STORY =
  '　　市府今天宣布，老舊公寓加裝電梯補助計畫首批二十案審查通過，每案最高補助兩百五十萬元。'
/** The paragraphs of an import's text, as the article stores them. */
const paragraphs = (r: { fields: { content_text?: string } }) =>
  textParagraphs(r.fields.content_text ?? '')
const MORE = '　　都市發展局表示，申請案件以五層樓以下、屋齡超過三十年的公寓為主，審查約需兩個月。'

describe('labels with a bar, a comma or a space for their colon', () => {
  it('reads a label this service knows after a bar or a comma', () => {
    expect(fields('来源｜上城公安分局湖滨派出所')).toEqual([
      ['source', '来源', '上城公安分局湖滨派出所'],
    ])
    expect(fields('作者, 林书涵')).toEqual([['author', '作者', '林书涵']])
    expect(fields('界面新闻记者 | 周婷婷')).toEqual([['author', '界面新闻记者', '周婷婷']])
    // Can fail: a bar after words nobody reads as a label is a menu, not a label.
    expect(fields('首页 | 新闻 | 国际')).toBeUndefined()
  })

  it('reads a label with a space for its colon only before what it names', () => {
    expect(fields('编辑 何晓 校对 郑宇')).toEqual([
      ['editor', '编辑', '何晓'],
      ['editor', '校对', '郑宇'],
    ])
    expect(fields('来源于 财新网')).toEqual([['source', '来源于', '财新网']])
    expect(fields('日期 2024年2月23日')?.[0]?.[0]).toBe('date')
    expect(readMetadataLine('更新 2024年3月6日', ZONE)?.[0]?.field).toBe('updated')
    // Can fail: what follows is not a name, an organisation or a count.
    expect(fields('来源 不明的病毒')).toBeUndefined()
    expect(fields('阅读原文')).toBeUndefined()
  })
})

describe('dates and times in more shapes', () => {
  it.each([
    ['05/03/2024 - 14:32', '2024-03-05T14:32:00+08:00'],
    ['2024年3月5日 | 22:05', '2024-03-05T22:05:00+08:00'],
    ['2024年5月20日 (一) 下午 2:15', '2024-05-20T14:15:00+08:00'],
    ['05:10 2025/04/10', '2025-04-10T05:10:00+08:00'],
  ])('reads %s with its time', (input, value) => {
    expect(findDate(input, ZONE)).toMatchObject({ value, precision: 'time' })
  })

  it('can fail: a range of days is not a day and a time', () => {
    expect(findDate('2024/03/05 - 2024/03/10', ZONE)).toMatchObject({
      value: '2024-03-05',
      precision: 'date',
    })
  })
})

describe('bylines in more shapes', () => {
  it('reads an outlet and its reporters beside a date, and the outlet as the source', () => {
    const r = imp('雙北公車票價維持不變', '05:10 2025/04/10 中國時報 林郁婷、張立偉', '', STORY)
    expect(authors(r)).toEqual(['林郁婷', '張立偉'])
    expect(r.fields.source).toEqual({ name: '中國時報' })
    expect(r.fields.published).toBe('2025-04-10T05:10:00+08:00')
    // Can fail: without a date, an outlet and two words are not a byline.
    expect(readMetadataLine('中國時報 林郁婷、張立偉', ZONE)).toBeUndefined()
  })

  it('reads the header WeChat articles print, and where the post was sent from', () => {
    const r = imp(
      '男子网购低价手机被骗，上城警方3天追回',
      '',
      '原创 陈晓 平安上城 平安上城',
      '2025年04月02日 18:06 浙江',
      '',
      STORY,
    )
    expect(r.fields.title).toBe('男子网购低价手机被骗，上城警方3天追回')
    expect(authors(r)).toEqual(['陈晓'])
    expect(r.fields.published).toBe('2025-04-02T18:06:00+08:00')
    // The account alone names no writer.
    expect(readMetadataLine('原创 平安上城', ZONE)?.[0]?.byline?.authors).toEqual([])
  })

  it('reads reporters after a dateline without brackets, each with a role', () => {
    const paragraph = '南都讯 记者刘思远 通讯员陈晓岚 3月11日下午，深圳地铁16号线二期贯通。'
    const dateline = readDateline(paragraph)!
    expect(dateline.authors).toEqual(['刘思远', '陈晓岚'])
    expect(paragraph.slice(dateline.end)).toBe('3月11日下午，深圳地铁16号线二期贯通。')
    expect(readDateline('【财新网】继国有大行之后，城商行开始降息。')).toMatchObject({
      authors: [],
      end: 5,
    })
    // Can fail: a phrase that ends in 消息 or 讯 and runs on is the story's.
    expect(readDateline('最新消息，台风已转向东北。')).toBeUndefined()
    expect(readDateline('通讯员陈晓岚说，工程顺利。')).toBeUndefined()
  })

  it('reads a credit line of its own that opens with the newsroom’s dateline', () => {
    const story = '广州地铁集团昨日宣布，今年年底将有两条新线开通运营，沿线居民表示期待。'
    const r = imp('广州地铁新线年底开通', '2025-06-01 10:00', '', '南都讯 记者刘思远', '', story)
    expect(authors(r)).toEqual(['刘思远'])
    expect(r.fields.source?.name).toBe('南都')
    expect(paragraphs(r)).toEqual(['南都讯 记者刘思远', story])
    // Can fail: a word that ends in 讯 names neither a newsroom nor a writer.
    expect(readDateline('快讯 记者刘思远')).toEqual({ authors: ['刘思远'], end: 8, credit: true })
  })

  it('does not take an outlet’s short name opening a byline for a person', () => {
    const r = imp(
      '财新网',
      '',
      '多家城商行下调存款利率',
      '',
      '文｜财新 王雨辰，实习记者 郭佳琪',
      '2025年03月18日 20:15',
      '',
      STORY,
    )
    expect(authors(r)).toEqual(['王雨辰', '郭佳琪'])
  })
})

describe('where the story starts and what is not story', () => {
  it('takes a standfirst above a dateline out of the story, and says so', () => {
    const r = imp(
      '多家城商行下调存款利率',
      '2025年03月18日 20:15',
      '',
      '部分城商行三年期定存利率已降至2%以下，五年期利率普遍低于三年期水平，业内预计仍有下调空间',
      '',
      '【财新网】继国有大行和股份制银行之后，城商行新一轮存款降息潮正在展开。',
      '',
      MORE,
    )
    expect(r.fields.summary).toMatch(/^继国有大行/)
    expect(r.fields.content_text).not.toContain('部分城商行')
    expect(r.report.lines.find((l) => l.line === 4)).toMatchObject({
      class: 'title',
      reason: 'standfirst',
      kept: false,
    })
    // Can fail: two paragraphs without a dateline under the first are both story.
    const plain = imp('標題', '2025年03月18日 20:15', '', STORY, '', MORE)
    expect(plain.fields.content_text).toContain('市府今天宣布')
  })

  it('takes an HTML page’s summary box out of the story', () => {
    const r = importHtml(
      '<h1>咖啡品牌收缩低价促销</h1><div class="article-header-summary"><p>头部品牌逐步退出低价带，但区域品牌仍在加码。</p></div>' +
        '<div class="article-content"><p>3月20日，国内多家连锁咖啡品牌宣布调整产品价格，部分门店缩小促销范围。</p><p>业内人士认为，原材料成本上涨，价格战难以为继。</p></div>',
      ZONE,
    )
    expect(r.fields.summary).toMatch(/^3月20日/)
    expect(r.fields.content_html).not.toContain('头部品牌')
  })

  it('reads an image’s placeholder and the line under it as a caption', () => {
    const r = imp(
      '標題',
      '',
      STORY,
      '',
      '[图片]',
      '周国明（左三）在记者会上介绍电动巴士试跑计划。',
      '',
      '[图片]',
      '3月11日，最后一台盾构机顺利出洞。受访单位供图',
      '',
      MORE,
    )
    expect(r.fields.content_text).not.toContain('[图片]')
    expect(r.fields.content_text).not.toContain('周国明')
    expect(r.fields.content_text).not.toContain('受访单位供图')
    expect(r.report.lines.filter((l) => l.class === 'caption').map((l) => l.line)).toEqual([
      5, 6, 8, 9,
    ])
    // Can fail: a sentence that mentions a screenshot in passing is story.
    const story = imp('標題', '', STORY, '', '　　網友隨後在社群上貼出截圖，引發熱議。', '', MORE)
    expect(story.fields.content_text).toContain('截圖')
  })
})

describe('what the third set showed', () => {
  it('reads a date under any label that says it is one, and 發布機關 as the source', () => {
    expect(readMetadataLine('公告日期：2025-06-20', ZONE)?.[0]).toMatchObject({
      field: 'date',
      label: '公告日期',
    })
    expect(fields('發布機關：臺北市政府衛生局')).toEqual([
      ['source', '發布機關', '臺北市政府衛生局'],
    ])
    // Can fail: a label nobody reads keeps its value when it is no date.
    expect(fields('公告编号：2025-031')).toEqual([['other', '公告编号', '2025-031']])
  })

  it('reads a name alone before the date that follows it', () => {
    const items = readMetadataLine('陳宇軒 2025-05-23 14:32 更新時間：2025-05-23 18:05', ZONE)
    expect(items?.[0]?.byline?.authors).toEqual(['陳宇軒'])
    // Can fail: a city, a district or a public body before a date names nobody.
    for (const line of ['台北 2025-05-23 14:32', '信義區 2025-05-23', '衛生局 2025-05-23']) {
      expect(
        readMetadataLine(line, ZONE)?.some((m) => m.field === 'byline'),
        line,
      ).toBeFalsy()
    }
  })

  it('credits no 資料照 and no single Latin word', () => {
    const r = imp(
      '標題',
      '',
      STORY,
      '',
      '立法院會23日三讀通過修正案。（資料照，顏麟宇攝）',
      '',
      MORE,
    )
    expect(r.report.fields.find((f) => f.field === 'photographer')?.value).toEqual(['顏麟宇'])
    expect(readMetadataLine('報導者 The Reporter', ZONE)).toBeUndefined()
  })

  it('reads a caption that names its picture as a file photo', () => {
    const r = imp(
      '標題',
      '',
      STORY,
      '',
      '资料图：德国铁路公司的ICE高速列车 图源：视觉中国',
      '',
      MORE,
    )
    expect(r.report.lines.find((l) => l.line === 5)?.class).toBe('caption')
  })
})

describe('long-form layouts', () => {
  const credits = [
    '文字',
    '陳怡安、林士傑',
    '攝影',
    '王承宇',
    '責任編輯',
    '張惠婷',
    '',
    '2025/5/27',
  ]

  it('reads a label on a line of its own with its value on the next', () => {
    const r = imp('漁港空了之後', '', ...credits, '', STORY, '', MORE)
    expect(authors(r)).toEqual(['陳怡安', '林士傑'])
    expect(r.fields.published).toBe('2025-05-27')
    expect(r.report.fields.find((f) => f.field === 'editor')?.value).toBe('張惠婷')
    // Can fail: a label's word over a sentence is a heading and its paragraph.
    const heading = imp(
      '標題',
      '',
      STORY,
      '',
      '文字',
      '　　他說，文字是記憶的容器，也是鄉愁的出口。',
      '',
      MORE,
    )
    expect(heading.fields.authors ?? []).toEqual([])
    expect(heading.fields.content_text).toContain('文字是記憶的容器')
  })

  it('starts the summary under the credits, and keeps the standfirst above them in the body', () => {
    const dek = '近海漁業從業人數10年減少近3成，漁民逐漸老去。我們走訪屏東與宜蘭的漁港。'
    const r = imp('漁港空了之後', '', dek, '', ...credits, '', STORY, '', MORE)
    expect(r.fields.summary).toMatch(/^市府今天宣布/)
    expect(r.fields.content_text).toContain(dek)
    expect(r.report.lines.find((l) => l.line === 3)).toMatchObject({
      class: 'title',
      reason: 'standfirst',
      kept: true,
    })
    // Can fail: a lone paragraph over its date is the story, and its summary.
    const lone = imp('標題', '', STORY, '', '2025/5/27')
    expect(lone.fields.summary).toMatch(/^市府今天宣布/)
  })
})

describe('what the third set showed', () => {
  const rice =
    '<p>東京——日本的大米價格在過去一年裡大約翻了一番，政府周二表示，將從應急儲備中再投放30萬噸大米。</p>'
  const page = (byline: string, ...tail: string[]) =>
    importHtml(
      `<h1>日本米價一年翻倍</h1>${byline}<time>2025年6月18日</time>${rice}<p>${MORE}</p>${tail.join('')}`,
      ZONE,
    )

  it('reads a line of Latin names alone as the byline, capitals too', () => {
    expect(authors(page('<div>JESSICA LANGFORD, KEVIN LIU</div>'))).toEqual([
      'JESSICA LANGFORD',
      'KEVIN LIU',
    ])
    expect(authors(page('<div>Jane Doe and John Roe</div>'))).toEqual(['Jane Doe', 'John Roe'])
    // One name in capitals counts where the page marks it as the byline.
    expect(authors(page('<address>JESSICA LANGFORD</address>'))).toEqual(['JESSICA LANGFORD'])
    // Can fail: a place in capitals is no name; nor is a byline block's Han label.
    expect(authors(page('<div>HONG KONG</div>'))).toEqual([])
    expect(authors(page('<div class="byline"><p>报道地点</p><p>伦敦</p></div>'))).toEqual([])
  })

  it('leaves out who else reported and the authors’ biographies under the story', () => {
    const r = page(
      '<address>JESSICA LANGFORD</address>',
      '<p><em>Mika Tanaka contributed reporting.</em></p>',
      '<p><em>Jessica Langford is the Tokyo bureau chief for The Times.</em></p>',
    )
    expect(r.fields.content_html).not.toMatch(/contributed|bureau chief/)
    expect(r.report.lines.at(-1)).toMatchObject({ class: 'furniture', reason: 'about-makers' })
    // Can fail: a last paragraph about someone the byline does not name is the story's.
    const other = page(
      '<address>JESSICA LANGFORD</address>',
      '<p>Kenji Sato is the owner of a rice shop in Tokyo, and says prices will keep rising.</p>',
    )
    expect(other.fields.content_html).toContain('Kenji Sato is the owner')
  })

  it('leaves out the outlet describing itself under the story, and its donation prompt', () => {
    const head = [
      '報導者 The Reporter',
      '',
      '漁港空了之後：近海漁業的缺工與老化危機',
      '',
      '2025/5/27',
      '',
    ]
    const blurb = '獨立、深度、非營利 《報導者》是台灣第一個由公益基金會成立的非營利網路媒體。'
    const r = imp(...head, STORY, '', MORE, '', blurb, '成為《報導者》贊助者')
    expect(r.fields.content_text).not.toContain('公益基金會')
    expect(r.fields.content_text).not.toContain('贊助者')
    // Can fail: the outlet named in the story, not as its subject, stays; and with no masthead
    // over the title, a last paragraph naming an outlet is story.
    const named = '　　《報導者》訪問的多位船主表示，外籍漁工的申請流程繁複、等待時間長。'
    expect(imp(...head, STORY, '', named).fields.content_text).toContain('訪問的多位船主')
    expect(imp(...head.slice(2), STORY, '', blurb).fields.content_text).toContain('公益基金會')
  })

  it('takes the document’s own title over the portal’s label for it, and leaves out the board’s assurance', () => {
    const r = imp(
      '华宇精机(603987)公告正文',
      '',
      '浙江华宇精密机械股份有限公司关于签订日常经营重大合同的公告',
      '',
      '公告日期：2025-06-20',
      '',
      '本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性承担法律责任。',
      '',
      '浙江华宇精密机械股份有限公司（以下简称“公司”）于2025年6月18日与客户签订了《零部件采购框架协议》，协议有效期为三年。',
      '',
      '根据客户提供的预测数据，协议有效期内预计采购总金额约为人民币6.8亿元。',
    )
    expect(r.fields.title).toBe('浙江华宇精密机械股份有限公司关于签订日常经营重大合同的公告')
    expect(r.fields.summary).toMatch(/^浙江华宇精密机械股份有限公司（以下简称/)
    expect(r.fields.content_text).not.toContain('虚假记载')
  })
})

describe('what the fourth set showed', () => {
  it('reads labels and datelines in more shapes', () => {
    expect(fields('Source: CRI Online   Editor: Zhang Wei   April 16, 2025 7:48 PM')).toEqual([
      ['source', 'Source', 'CRI Online'],
      ['editor', 'Editor', 'Zhang Wei'],
      ['date', null, 'April 16, 2025 7:48 PM'],
    ])
    expect(fields('每经记者：赵一鸣　　每经编辑：陈星')).toEqual([
      ['author', '每经记者', '赵一鸣'],
      ['editor', '每经编辑', '陈星'],
    ])
    expect(fields('作者：陳彥廷 | 上報 – 2025年12月02日 20:17:00')?.map((f) => f[0])).toEqual([
      'author',
      'outlet',
      'date',
    ])
    expect(fields('本文发布于 2025-08-14 15:32:10 四川')?.[0]?.[0]).toBe('date')
    expect(fields('由: 吳若凡')).toEqual([['author', '由', '吳若凡']])
    expect(fields('文丨周默')).toEqual([['author', '文', '周默']])
    // Can fail: 由 without its colon is a word, and a short name before 摄影记者 is no reporter.
    expect(fields('由 王小明 主持')).toBeUndefined()
    expect(readDateline('央广网北京10月9日消息（记者黄婧 实习记者 马骁）据报道')).toMatchObject({
      authors: ['黄婧', '马骁'],
    })
    expect(readDateline('央广网北京10月9日消息（记者黄婧）据报道')?.wire).toBeUndefined()
    expect(
      readDateline('中国青年报客户端北京5月17日电（中青报·中青网记者 宋佳音 实习生 唐悦）')
        ?.authors,
    ).toEqual(['宋佳音', '唐悦'])
  })

  it('starts the summary under an editor’s note or a correction, which stay in the body', () => {
    const note = '编者按：城市更新不只是拆与建，更是一场关于“人”的精细活。今起，本报推出系列报道。'
    const r = imp(
      '走进更新一线：一户一策的旧改地块',
      '',
      '2025-06-03 09:15',
      '',
      note,
      '',
      STORY,
      '',
      MORE,
    )
    expect(r.fields.summary).toMatch(/^市府今天宣布/)
    expect(r.fields.content_text).toContain('编者按')
    // Can fail: a story that mentions a correction is no note.
    const plain = imp(
      '標題標題標題標題',
      '',
      '2025-06-03',
      '',
      '　　市府更正了去年的統計數字，並向議會說明原因。',
      '',
      MORE,
    )
    expect(plain.fields.summary).toMatch(/^市府更正/)
  })

  it('finds the headline under a self-media account’s name and date, and under a cookie banner', () => {
    const r = imp(
      '周默聊生活',
      '2025-11-03 20:17 发布于：浙江省',
      '冬季取暖这5个习惯最危险，很多家庭天天在做',
      '文丨周默',
      '',
      STORY,
      '',
      MORE,
    )
    expect(r.fields.title).toBe('冬季取暖这5个习惯最危险，很多家庭天天在做')
    expect(authors(r)).toEqual(['周默'])
    const html = importHtml(
      '<div>本網站使用 Cookies 以提升閣下的瀏覽體驗。繼續瀏覽即表示閣下同意我們的私隱政策。</div><h1>零售數據｜6月零售銷貨價值按年升0.9%</h1><p>發佈時間：2025/08/05 16:18</p><p>政府統計處今日公布，6月零售業總銷貨價值臨時估計為297億元，按年上升0.9%。</p>',
      ZONE,
    )
    expect(html.fields.title).toBe('零售數據｜6月零售銷貨價值按年升0.9%')
    // Can fail: a headline whose date has a slash is no site path.
    expect(
      imp(
        '搜尋',
        '第二階段公費流感疫苗11/1開打 50至64歲成人可接種',
        '發布時間：2025-10-22 19:35',
        '',
        STORY,
      ).fields.title,
    ).toBe('第二階段公費流感疫苗11/1開打 50至64歲成人可接種')
  })

  it('takes a caption on the line of its placeholder, but not two sentences under one', () => {
    const r = imp(
      '標題標題標題標題',
      '',
      '2025-06-03',
      '',
      STORY,
      '[圖片] 新圖書館設置閱讀階梯。（讀者提供）',
      MORE,
    )
    expect(r.fields.content_text).not.toContain('閱讀階梯')
    const points = '1. 电暖器上不要搭衣服。很多人图方便，把湿衣服直接搭在电暖器上烘干。'
    const listed = imp(
      '標題標題標題標題',
      '',
      '2025-06-03',
      '',
      STORY,
      '',
      '[图片]',
      points,
      '',
      MORE,
    )
    expect(listed.fields.content_text).toContain(points)
  })
})

describe('what the fifth set showed', () => {
  const head = ['標題標題標題標題標題', '']

  it('reads bylines and datelines in more shapes', () => {
    expect(fields('21世纪经济报道记者 申晓雯 实习生 黄一鸣 深圳报道')).toEqual([
      ['byline', null, '21世纪经济报道记者 申晓雯 实习生 黄一鸣 深圳报道'],
    ])
    expect(authors(imp(...head, '文/南方+记者 李嘉敏 实习生 何子健', '', STORY))).toEqual([
      '李嘉敏',
      '何子健',
    ])
    expect(readDateline('【大公報訊】特約記者馮子軒深圳報道：深圳前海今日')).toMatchObject({
      authors: ['馮子軒'],
      end: 18,
    })
    expect(readDateline('華盛頓 — 美國越來越多州正在推動立法')?.end).toBe(6)
    // Can fail: a dash glued to a sentence is no dateline.
    expect(readDateline('东京——日本的大米价格')).toBeUndefined()
    expect(fields('2025年07月09日 08:21:36　来自 山东　来源：大众日报')?.map((f) => f[0])).toEqual([
      'date',
      'other',
      'source',
    ])
    expect(fields('撰文 Text：黃曉晴　攝影 Photo：梁家俊')?.map((f) => f[0])).toEqual([
      'author',
      'photographer',
    ])
    expect(fields('刊登於 2025-11-04 · 閱讀時間 約12分鐘')?.[0]?.[0]).toBe('date')
  })

  it('reads a name alone over the date as the byline, and a question over the metadata as the title', () => {
    const r = imp(
      '美國之音',
      '',
      '美國多州推動禁止公立學校課堂使用手機',
      '李若澄',
      '2025年3月4日 22:30',
      '',
      STORY,
    )
    expect(authors(r)).toEqual(['李若澄'])
    // Can fail: a city over the date is no one.
    expect(imp(...head, '台北市', '2025年3月4日 22:30', '', STORY).fields.authors).toBeUndefined()
    const question = imp(
      '观察者网',
      '',
      '“县城咖啡”热背后，是消费下沉还是资本泡沫？',
      '来源：观察者网　作者：周书衡　2025-10-11 09:30',
      '',
      STORY,
    )
    expect(question.fields.title).toBe('“县城咖啡”热背后，是消费下沉还是资本泡沫？')
    // Can fail: a paragraph ended with a full stop over a date stays the story's.
    const paragraph = '經開區昨日舉辦論壇，逾百家企業出席。'
    const over = imp('观察者网', '', paragraph, '2024-03-05 14:32', '', STORY)
    expect(over.fields.content_text).toContain(paragraph)
  })

  it('keeps a day’s own time, reads controls on a metadata line, and starts the summary under an addressee', () => {
    const live = imp(...head, '封面新闻 2025-04-20 06:45:18', '06:45', '', STORY)
    expect(live.fields.published).toBe('2025-04-20T06:45:18+08:00')
    const gov = imp(
      ...head,
      '发布日期：2025-06-27　　文章来源：基础教育处　　浏览次数：2361　【字体：大 中 小】【打印本页】【关闭窗口】',
      '',
      '各市州教育（体育）局，厅直属有关学校：',
      '',
      STORY,
    )
    expect(gov.fields.published).toBe('2025-06-27')
    expect(gov.fields.source).toEqual({ name: '基础教育处' })
    expect(gov.fields.summary).toMatch(/^市府今天宣布/)
    expect(gov.fields.content_text).toContain('厅直属有关学校：')
  })

  it('leaves out a comments section, an author box, and a photo’s caption marked 图说 or 档案照', () => {
    const r = imp(
      ...head,
      '作者：周书衡　2025-03-04',
      '',
      STORY,
      '',
      '雪州政府将翻新旧巴刹。（档案照）',
      MORE,
      '',
      '[头像]',
      '周书衡',
      '消费经济研究者，某研究院青年研究员，长期关注县域消费与小微企业经营。',
      '',
      '网友评论',
      '读者甲 3小时前',
      '这个好，实实在在给老百姓办事，希望其他地方也学一学。',
    )
    const body = r.fields.content_text ?? ''
    expect(body).not.toMatch(/档案照|研究员|实实在在/)
    expect(textParagraphs(body)).toContain(MORE.trim())
    // Can fail: without a header naming 周书衡, the last paragraph is the story's; and a 评论
    // button is no comments section.
    const plain = imp(...head, '2025-03-04', '', STORY, '', '評論', '', MORE)
    expect(paragraphs(plain)).toContain(MORE.trim())
  })
})

describe('what the sixth set showed', () => {
  const head = ['標題標題標題標題標題', '']

  it('reads an outlet spelt as a brand or as a paper and its app before the names', () => {
    expect(fields('新頭殼newtalk | 黃雅琪 台北報導')).toEqual([
      ['byline', null, '新頭殼newtalk | 黃雅琪 台北報導'],
    ])
    const qilu = imp(
      ...head,
      '齐鲁晚报·齐鲁壹点 记者 王晓彤 通讯员 李凯',
      '2025-09-12 10:26:45',
      '',
      STORY,
    )
    expect(authors(qilu)).toEqual(['王晓彤', '李凯'])
    expect(qilu.fields.source).toEqual({ name: '齐鲁晚报·齐鲁壹点' })
    // Can fail: a brand before names says nothing unless a role or a kind of report follows.
    expect(fields('热门推荐 | 黃雅琪 林美華')).toBeUndefined()
    expect(imp(...head, 'newtalk 黃雅琪', '', STORY).fields.authors).toBeUndefined()
  })

  it('reads the writer after the date: Posted on June 3, 2025 by Jane Doe', () => {
    expect(fields('Posted on June 3, 2025 by Jane Doe')).toEqual([
      ['published', 'Posted on', 'June 3, 2025'],
      ['byline', 'By', 'Jane Doe'],
    ])
    // Can fail: `by` before words that are no name leaves the line unread.
    expect(fields('June 3, 2025 by the way nothing')).toBeUndefined()
  })

  it('leaves out the place in brackets after a reporter’s name', () => {
    expect(authors(imp(...head, '記者：高橋健太（東京）', '', STORY))).toEqual(['高橋健太'])
  })

  it('starts the summary after a name and 讯 before a comma, not after a word ending in 讯', () => {
    expect(readDateline('证券时报e公司讯，6月9日晚间，华耀新材公告')?.end).toBe(9)
    expect(readDateline('移动通讯，是指在运动中实现的通信。')).toBeUndefined()
    expect(readDateline('财经快讯，今日沪指高开。')).toBeUndefined()
  })

  it('reads a portal’s date with where it was posted from and whose account it is', () => {
    const r = imp(
      '腾讯新闻',
      '',
      '国产钠离子电池通过零下40℃测试：仍能放出八成电量',
      '',
      '科技日报',
      '2025-07-02 08:15 发布于北京 科技日报官方账号',
      '',
      STORY,
    )
    expect(r.fields.published).toBe('2025-07-02T08:15:00+08:00')
    expect(r.fields.source).toEqual({ name: '科技日报' })
    // Can fail: one unknown word among the known ones leaves the line unread.
    expect(fields('2025-07-02 08:15 发布于北京 科技日报官方账号 立即下载')).toBeUndefined()
  })

  it('ends a value at no-break spaces, so the controls after it are not the source', () => {
    expect(
      fields('发布时间：2025-08-20 09:30 \u00a0\u00a0来源：国家统计局 \u00a0\u00a0打印 关闭'),
    ).toEqual([
      ['published', '发布时间', '2025-08-20 09:30'],
      ['source', '来源', '国家统计局'],
    ])
  })

  it('leaves out readers’ comments under a count, and a note that a page gives no investment advice', () => {
    const r = imp(
      ...head,
      '2025-09-12 10:26',
      '',
      STORY,
      '',
      '声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担',
      '',
      MORE,
      '',
      '评论 (3)',
      '',
      '烟台老李 山东 3小时前',
      '今年价格确实不错，就是人工太难找了。',
      '赞 12',
    )
    const body = r.fields.content_text ?? ''
    expect(body).not.toMatch(/投资建议|人工太难找/)
    expect(textParagraphs(body)).toContain(MORE.trim())
    // Can fail: a 评论 button with no count is no comments section.
    expect(paragraphs(imp(...head, '2025-09-12', '', STORY, '', '评论', '', MORE))).toContain(
      MORE.trim(),
    )
  })

  it('leaves out font-size buttons, a member teaser, a clip’s label and an icon’s placeholder', () => {
    const r = imp(
      ...head,
      '2025-09-12 10:26',
      'A- A+  分享',
      '',
      '[暴雨橙色预警信号图标]',
      '',
      STORY,
      '',
      '本文為會員專享的後半部分已開放試讀',
      '',
      MORE,
    )
    const body = r.fields.content_text ?? ''
    expect(body).not.toMatch(/A\+|會員專享|图标/)
    expect(textParagraphs(body)).toContain(MORE.trim())
    const clip = importHtml(
      '<h1>天文台考慮改發三號信號</h1><p>2025年8月3日 18:45</p><p>新聞片段 01:56</p><div>天文台表示，熱帶風暴正橫過南海北部，向西北移動。</div>',
      ZONE,
    )
    expect(clip.fields.content_html).not.toContain('新聞片段')
    // Can fail: a bracketed line that names no image is the story's.
    expect(imp(...head, '2025-09-12', '', '[編按]', STORY).fields.content_text).toContain('[編按]')
  })

  it('takes each line of a block that <br> sets apart as a paragraph of its own, kept or left alone', () => {
    const r = importHtml(
      '<h1>天文台考慮改發三號信號</h1><p>2025年8月3日 18:45</p>' +
        '<div>天文台表示，熱帶風暴正橫過<b>南海北部</b>，向西北移動。<br><br>天文台呼籲市民留意最新天氣消息，避免前往海旁。<br>責任編輯：陳大文</div>',
      ZONE,
    )
    expect(r.fields.content_html).toBe(
      '<p>天文台表示，熱帶風暴正橫過<b>南海北部</b>，向西北移動。</p>\n<p>天文台呼籲市民留意最新天氣消息，避免前往海旁。</p>',
    )
    // Can fail: a figure's caption split by <br> stays one figure.
    const figure = importHtml(
      '<h1>天文台考慮改發三號信號</h1><p>2025年8月3日 18:45</p><p>天文台表示，熱帶風暴正橫過南海北部，向西北移動。</p>' +
        '<figure><img src="/a.jpg"><figcaption>天文台<br>The Observatory</figcaption></figure><p>天文台呼籲市民留意最新天氣消息。</p>',
      ZONE,
    )
    expect(figure.fields.content_html?.match(/<figure>/g)).toHaveLength(1)
  })
})

describe('shapes tried before the seventh set was scored', () => {
  const head = ['標題標題標題標題標題', '']

  it('reads a broadcaster’s Chinese service beside the date, and items set apart by a dot', () => {
    expect(fields('SBS中文 2025年6月3日 下午 2:32')?.map((f) => f[0])).toEqual(['outlet', 'date'])
    expect(fields('撰文／王小明．攝影／李華')).toEqual([
      ['author', '撰文', '王小明'],
      ['photographer', '攝影', '李華'],
    ])
    // Can fail: a Latin word before 中文 that no broadcaster would print is not one.
    expect(fields('学习中文 2025年6月3日')).toBeUndefined()
  })

  it('reads reporters in brackets after a bracketed dateline, and 采写 and 文/图 around a byline', () => {
    expect(
      readDateline('【新京报讯】（记者 王小明）今天上午，北京市召开新闻发布会。'),
    ).toMatchObject({
      authors: ['王小明'],
      end: 14,
    })
    expect(fields('■采写：南都记者 王小明')).toEqual([['author', '采写', '南都记者 王小明']])
    expect(authors(imp(...head, '2025-06-03', '采写：南都记者 王小明', '', STORY))).toEqual([
      '王小明',
    ])
    expect(authors(imp(...head, '2025-06-03', '本报记者 王小明 文/图', '', STORY))).toEqual([
      '王小明',
    ])
    // Can fail: a count before 记者 is no newsroom, and 本报 is no wire service.
    expect(fields('多名记者 现场')).toBeUndefined()
    expect(readDateline('本报北京6月3日电 （记者王小明）今天上午')?.wire).toBeUndefined()
  })

  it('reads a desk before the names, and an outlet only a byline’s grammar tells', () => {
    expect(fields('生活中心／王小明報導')?.[0]?.[2]).toBe('生活中心／王小明報導')
    expect(authors(imp(...head, '2025-06-03', '生活中心／王小明報導', '', STORY))).toEqual([
      '王小明',
    ])
    expect(authors(imp(...head, '2025-06-03', '政治中心／王小明 台北報導', '', STORY))).toEqual([
      '王小明',
    ])
    const ctwant = imp(...head, '2025-06-03', 'CTWANT 記者 王小明', '', STORY)
    expect(authors(ctwant)).toEqual(['王小明'])
    expect(ctwant.fields.source).toEqual({ name: 'CTWANT' })
    expect(fields('記者 王小明 / 攝影 李華 報導')?.[0]).toEqual(['author', '記者', '王小明'])
    expect(fields('責任編輯／李華')).toEqual([['editor', '責任編輯', '李華']])
    // Can fail: a desk's roundup names nobody.
    expect(
      imp(...head, '2025-06-03', '娛樂中心／綜合報導', '', STORY).fields.authors,
    ).toBeUndefined()
  })

  it('reads a brand’s own dateline, a reporter glued to the kind after a role, and no translator', () => {
    expect(readDateline('【on.cc東網專訊】屯門今日發生一宗交通意外，兩人受傷。')).toMatchObject({
      outlet: 'on.cc東網',
      end: 11,
    })
    expect(readDateline('【本報訊】記者王小明報道：今日上午，全港多區錄得大雨。')?.authors).toEqual(
      ['王小明'],
    )
    expect(authors(imp(...head, '2025-06-03', '編譯 王小明／綜合外電報導', '', STORY)).length).toBe(
      0,
    )
    expect(fields('2025/06/03 14:32 星島頭條')?.map((f) => f[0])).toEqual(['date', 'outlet'])
    // Can fail: a place of two characters after a role is the place, not a name.
    expect(
      readDateline('【本報訊】特派記者東京報導：日本政府今日宣布新措施。')?.authors ?? [],
    ).toEqual([])
  })

  it('reads a name set apart from the date by a dot, and reporters after an outlet in brackets', () => {
    expect(fields('王小明 · 2025-06-03 14:32 · 北京')?.map((f) => f[0])).toEqual([
      'byline',
      'date',
      'other',
    ])
    expect(
      readDateline('【大河报·豫视频】（记者 王小明）今天上午，郑州市召开发布会。'),
    ).toMatchObject({
      authors: ['王小明'],
      outlet: '大河报·豫视频',
    })
    // Can fail: a place before the date is nobody.
    expect(fields('高雄市 · 2025-06-03 14:32')).toBeUndefined()
  })

  it('takes the headline over an <h1> that holds only the site’s name', () => {
    const page = (h1: string) =>
      importHtml(
        `<h1 class="logo">${h1}</h1><h2>多地加快推进幸福河湖建设 水清岸绿惠民生</h2><div>2025年06月03日14:32</div>` +
          '<p>记者从水利部获悉，今年以来，各地加快推进幸福河湖建设，一批河湖水清岸绿、鱼翔浅底。</p>',
        ZONE,
      ).fields.title
    expect(page('人民网')).toBe('多地加快推进幸福河湖建设 水清岸绿惠民生')
    // Can fail: an <h1> that is a headline in length is the title.
    expect(page('水利部部署推进幸福河湖建设工作')).toBe('水利部部署推进幸福河湖建设工作')
  })

  it('reads a name before 发表于 and the date, but not a place', () => {
    expect(fields('王小明 发表于 2025-06-03 14:32')?.map((f) => f[0])).toEqual(['byline', 'date'])
    expect(fields('北京市 发布于 2025-06-03')).toBeUndefined()
  })

  it('reads a byline behind a bullet, which a photo’s caption keeps', () => {
    const r = imp(...head, '2025-06-03 14:32', '', '■本报记者 王小明', '', STORY)
    expect(authors(r)).toEqual(['王小明'])
    expect(r.report.lines.find((l) => l.text?.startsWith('■'))?.class).toBe('story')
    const photo = imp(...head, '2025-06-03 14:32', '', STORY, '', '■市民在公园里赏花。', '', MORE)
    expect(photo.fields.content_text).not.toContain('赏花')
  })
})

describe('what the seventh set showed', () => {
  const head = ['標題標題標題標題標題', '']

  it('reads bilingual labels longer than a word, and one person named in both scripts once', () => {
    const line =
      '发布时间 Release Date：2025.11.06　　来源 Source：国际医疗部　　作者 Author：周晓彤 Zhou Xiaotong　　浏览 Views：689'
    expect(fields(line)?.map((f) => f[0])).toEqual(['published', 'source', 'author', 'views'])
    expect(authors(imp(...head, line, '', STORY))).toEqual(['周晓彤'])
    // Can fail: a Latin name that does not spell the Chinese one is a second person.
    expect(authors(imp(...head, '作者 Author：周晓彤 Jane Doe', '', STORY))).toEqual([
      '周晓彤',
      'Jane Doe',
    ])
  })

  it('takes the headline under a central paper’s kicker, and a subtitle under its headline', () => {
    const r = imp(
      '人民网',
      '',
      '推进小流域综合治理　建设宜居宜业和美乡村',
      '一条溪流串起九个村的“绿色账本”',
      '本报记者　何思远　顾晓岚',
      '2025年07月08日05:42 | 来源：人民网－人民日报',
      '',
      STORY,
    )
    expect(r.fields.title).toBe('一条溪流串起九个村的“绿色账本”')
    // Can fail: a headline over a subtitle with a full-width space is the title.
    const sub = imp(
      '祐漢公園改造工程下月動工',
      '增設長者健體區及有蓋休憩廊　工期約十個月',
      '2025-06-03',
      '',
      STORY,
    )
    expect(sub.fields.title).toBe('祐漢公園改造工程下月動工')
  })

  it('reads dates in Xinhua’s widget, in ROC years with dots, with 发布于, and an update’s time alone', () => {
    expect(findDate('15 2025/07 19:46:27', ZONE)?.value).toBe('2025-07-15T19:46:27+08:00')
    expect(findDate('發稿日期：114.08.27', ZONE)?.value).toBe('2025-08-27')
    expect(fields('发布于：2025年6月17日 3:05PM')?.[0]?.[0]).toBe('published')
    expect(
      fields('发布于 2025年7月3日 下午3点12分 | 更新于 下午5点40分')?.map((f) => f[0]),
    ).toEqual(['date', 'updated'])
    // Can fail: a version number is no ROC date.
    expect(findDate('版本 1.02.03', ZONE)).toBeUndefined()
  })

  it('reads roles joined by a dot, a press contact, a magazine with its issue, and a release’s dateline', () => {
    expect(fields('發佈時間：2025-10-21 14:35撰稿‧編輯：林雅雯')?.[1]).toEqual([
      'author',
      '撰稿‧編輯',
      '林雅雯',
    ])
    expect(fields('新聞聯絡人：主任檢察官 黃國維')).toEqual([
      ['contact', '新聞聯絡人', '主任檢察官 黃國維'],
    ])
    expect(fields('天下雜誌 831期')?.map((f) => f[0])).toEqual(['outlet', 'other'])
    expect(
      readDateline('(Hong Kong, 15 September 2025) Harbourline Smart Logistics opened')?.end,
    ).toBe(31)
    expect(readDateline('（2025年9月15日，香港）海港智慧物流控股有限公司今日宣布')?.end).toBe(15)
    expect(readDateline('【明報專訊】屯門河畔單車徑擴闊工程原定今年6月完工')?.outlet).toBe('明報')
    // Can fail: editors joined by a dot are no author; a bracket with a date and a sentence is no dateline.
    expect(fields('編輯·校對：王小明')?.[0]?.[0]).toBe('editor')
    expect(readDateline('（2025年9月15日，市府宣布新措施）今天')).toBeUndefined()
  })

  it('takes a lead photo’s caption over its credit in the header, but never a story line over a credit', () => {
    const lead = imp(
      ...head,
      '林雅婷',
      '2025年3月12日',
      '',
      '柏林將補助老舊住宅換裝熱泵，最高1萬5000歐元。',
      '圖像：Markus Feld/dpa/picture alliance',
      '',
      '分享',
      '',
      STORY,
    )
    expect(lead.fields.summary).toMatch(/^市府今天宣布/)
    expect(lead.fields.content_text).not.toContain('熱泵')
    const inside = imp(
      ...head,
      '2025-03-12',
      '',
      STORY,
      '',
      '經開區昨日舉辦論壇，逾百家企業出席。',
      '图片来源：视觉中国',
      '',
      MORE,
    )
    expect(inside.fields.content_text).toContain('逾百家企業出席')
  })
})

describe('what the eighth and ninth sets showed', () => {
  const head = ['標題標題標題標題標題', '']

  it('reads datelines of a paper and its site, with a time, and reporters glued to their roles', () => {
    expect(
      readDateline(
        '华龙网-新重庆客户端7月10日16时20分讯（记者彭小雨通讯员杜明李娟）今（10）日下午，大桥合龙。',
      ),
    ).toMatchObject({ authors: ['彭小雨', '杜明', '李娟'] })
    expect(
      readDateline('长江日报-长江网9月4日讯（记者程诺通讯员胡文斌）9月3日，武汉首条物流通道贯通。'),
    ).toMatchObject({
      authors: ['程诺', '胡文斌'],
      outlet: '长江日报-长江网',
    })
    expect(readDateline('【星島日報報道】士嘉堡圖書館分館將延長開放時間。')?.outlet).toBe(
      '星島日報',
    )
    // Can fail: four characters that are no two common names stay one name.
    expect(authors(imp(...head, '2025-06-03', '记者泽仁拉姆', '', STORY))).toEqual(['泽仁拉姆'])
  })

  it('reads items side by side in HTML, a byline with its outlet after a bar, and an office before a name', () => {
    const r = importHtml(
      '<h1>全省小麦进入拔节期 一二类苗占比超九成</h1><div><span>发布时间：2025-04-08</span><span>来源：河南日报</span><span>浏览次数：<em>1736</em></span></div>' +
        '<p>记者从省农业农村厅获悉，全省小麦进入拔节期，<a>一二类苗</a><b>占比超九成</b>。</p>',
      ZONE,
    )
    expect(r.fields.source).toEqual({ name: '河南日报' })
    // The elements side by side inside a sentence join with no space between them.
    expect(r.fields.summary).toMatch(
      /^记者从省农业农村厅获悉，全省小麦进入拔节期，一二类苗占比超九成。/,
    )
    expect(fields('By LIU KUN | China Daily')).toEqual([['byline', 'By', 'LIU KUN']])
    expect(authors(imp(...head, '作者：镇党政办 郑立群　2025-06-03', '', STORY))).toEqual([
      '郑立群',
    ])
    expect(
      authors(imp(...head, '作者 Hannah Whitford 和 张子安', '2025-02-05', '', STORY)),
    ).toEqual(['Hannah Whitford', '张子安'])
  })

  it('reads relative times, sections and a self-media account beside the date, and the original title as no title', () => {
    expect(fields('3小時前　2025-09-03 14:22')?.map((f) => f[0])).toEqual(['date'])
    expect(fields('2025/10/07, 教育, 評論')?.map((f) => f[0])).toEqual(['date', 'other'])
    expect(fields('原创2025-08-27 21:36·城事观察员老周')?.map((f) => f[0])).toEqual([
      'date',
      'other',
    ])
    expect(fields('By 林秀凤 | 23 January 2025, 11:20 am | 诗巫新闻')?.map((f) => f[0])).toEqual([
      'byline',
      'date',
      'outlet',
    ])
    // An outlet's name the site's menu lists is a section, not the source.
    const section = imp(
      ...['首页', '砂州新闻', '诗巫新闻', '古晋新闻', '国际'],
      '诗巫中央市场摊贩迎春节订单　腊味年饼需求增三成',
      'By 林秀凤 | 23 January 2025, 11:20 am | 诗巫新闻',
      '',
      STORY,
    )
    expect(section.fields.source).toBeUndefined()
    const reprint = imp(
      '新闻中心 > 社会新闻 > 正文',
      '北京一社区试点“共享工具屋” 居民扫码借用电钻梯子',
      '2025年10月14日 07:02 北京青年报',
      '原标题：社区开了间“共享工具屋”',
      STORY,
    )
    expect(reprint.fields.title).toBe('北京一社区试点“共享工具屋” 居民扫码借用电钻梯子')
    // Can fail: an addressee line is no list of items.
    expect(fields('各区市场监督管理局，各有关单位：')).toBeUndefined()
  })

  it('keeps a Traditional headline with a full-width space over its subtitle, and both halves of a release', () => {
    const macau = imp(
      '路環步行徑新增三段指示牌　方便長者及遊客',
      '市政署冀年底前完成全線更新',
      '2025-06-03',
      '',
      STORY,
    )
    expect(macau.fields.title).toBe('路環步行徑新增三段指示牌　方便長者及遊客')
    const release = imp(
      'June 17, 2025',
      'Richmond opens applications for 120 new community garden plots',
      '',
      'The City of Richmond is now accepting applications for new community garden plots.',
      '',
      '- 30 -',
      '',
      '2025年6月17日',
      '列治文新增120個社區園圃地段　開放居民申請',
      '',
      STORY,
    )
    expect(release.fields.title).toBe(
      'Richmond opens applications for 120 new community garden plots / 列治文新增120個社區園圃地段　開放居民申請',
    )
  })

  it('takes lines closed by a credit for captions, and leaves out related links and share prompts', () => {
    const r = imp(
      ...head,
      '2025-06-03',
      '',
      STORY,
      '',
      '居民扫码借用工具。摄影/本报记者 许一帆',
      '',
      '商場中庭被圍封，地上散滿玻璃碎片。（讀者提供）',
      '',
      '悉尼西区一所公立小学的学生在开学日进入校园。(ABC News: Daniel Pirelli)',
      '',
      '11月19日晚，戏院内座无虚席。 澎湃新闻记者 吴婷 图',
      '',
      '延伸閱讀：天氣炎熱泳灘人滿　救生員一日處理十多宗抽筋個案',
      '',
      MORE,
      '',
      'Share this:',
    )
    const body = r.fields.content_text ?? ''
    expect(body).not.toMatch(/扫码借用|玻璃碎片|開學日|开学日|座无虚席|延伸閱讀|Share/)
    expect(textParagraphs(body)).toContain(MORE.trim())
    // Can fail: a sentence that names a photographer's job inside it is the story's.
    const story = '她說，攝影/錄影都要事先申請，市府已在網上公布申請方法。'
    expect(paragraphs(imp(...head, '2025-06-03', '', STORY, '', story, '', MORE))).toContain(story)
  })

  it('reads a Latin line in capitals without a full stop as no story', () => {
    const r = imp(
      '江南理工大学 国际合作与交流处',
      'Office of International Cooperation and Exchange, Jiangnan Polytechnic University',
      ...['首页 Home', '新闻动态 News', '留学江南 Study', '合作交流 Partnership', 'English'],
      '当前位置：首页 > 新闻动态',
      '国际学生中国传统文化体验周开幕',
      'Chinese Traditional Culture Experience Week for International Students Opens',
      'Nov 12, 2025 3:05 PM',
      STORY,
    )
    expect(r.fields.title).toBe(
      '国际学生中国传统文化体验周开幕 / Chinese Traditional Culture Experience Week for International Students Opens',
    )
  })
})

describe('what the tenth set showed', () => {
  const head = ['標題標題標題標題標題', '']

  it('reads datelines of outlets joined by 、, a wire’s place and day before a dash, and a name, day and place', () => {
    expect(
      readDateline(
        '南海网、南海视界客户端9月3日消息（记者吴清漪通讯员符芳）9月3日下午，海口举办活动。',
      )?.authors,
    ).toEqual(['吴清漪', '符芳'])
    expect(
      readDateline('吉隆坡3日电 -- 交通部今日宣布，首都圈3条新增接驳巴士路线将于本月启用。')?.end,
    ).toBe(10)
    expect(
      readDateline('【侨报记者陈雅琳11月4日洛杉矶报道】洛杉矶县公共图书馆4日宣布新措施。')?.authors,
    ).toEqual(['陈雅琳'])
    // Can fail: a place and day before a sentence's comma is no dateline.
    expect(readDateline('吉隆坡3日电力供应恢复，居民松一口气。')).toBeUndefined()
  })

  it('leaves the city after a reporter’s name, weekdays and dots between items, and menu words out of bylines', () => {
    expect(authors(imp(...head, '鉅亨網記者魏宇辰 台北　2025/11/13 13:30', '', STORY))).toEqual([
      '魏宇辰',
    ])
    expect(fields('05/06/2025 14:31 星期四 本地')?.map((f) => f[0])).toEqual(['date', 'other'])
    expect(fields('发布于2025-12-01 21:03来自雪球 · 上海')?.map((f) => f[0])).toEqual([
      'date',
      'other',
      'other',
    ])
    const menu = imp(
      '联合国新闻',
      '首页',
      '专题',
      '采访',
      '视频',
      '音频',
      '秘书长',
      '',
      '粮食署：萨赫勒地区在校供餐覆盖学生增至210万',
      '2025年2月12日',
      '',
      STORY,
    )
    expect(menu.fields.authors).toBeUndefined()
  })

  it('takes the headline under a kicker set apart by a space, but not over a subtitle with a dash', () => {
    const kicker = imp(
      '赛场练兵 车间育匠',
      '安徽300余名一线职工同台比武',
      '2025-05-27 05:58:00 来源：工人日报',
      '',
      STORY,
    )
    expect(kicker.fields.title).toBe('安徽300余名一线职工同台比武')
    const subtitle = imp(
      '光伏玻璃龙头拟募资 多家机构调研问及产能',
      '——华耀新材定增方案解读',
      '2025-06-09 20:47',
      '',
      STORY,
    )
    expect(subtitle.fields.title).toBe('光伏玻璃龙头拟募资 多家机构调研问及产能')
  })
})

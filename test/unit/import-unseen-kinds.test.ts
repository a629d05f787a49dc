/**
 * The classifier on small pages, continuing import-unseen-sets.test.ts: what printing the
 * corpus another way showed (import-corpus-variations.test.ts), and what the twenty-third to
 * twenty-sixth independent sets showed (issue 26; docs/import.md, "Pages it has not seen"):
 * an ordinary day's pastes, stories read on portals, forums and apps, and the other kinds of
 * article a newsroom publishes (reviews, columns, fact-checks, interviews); and the twenty-seventh
 * to thirty-fourth (an ordinary day's pastes from every region, and pasted in every way). Each
 * rule is tested with a line that must be read and one that must not.
 */
import { describe, expect, it } from 'vitest'
import { authorNames, isOutlet, namesAlone, readByline } from '../../src/articles/import/byline'
import { readDateline } from '../../src/articles/import/dateline'
import { furnitureCue } from '../../src/articles/import/furniture'
import { importHtml } from '../../src/articles/import/html-import'
import { labelField } from '../../src/articles/import/labels'
import { readMetadataLine, writerBeforeDate } from '../../src/articles/import/metadata'
import {
  authors,
  fields,
  imp,
  MORE,
  NEWS,
  paragraphs,
  underStory as underStoryOf,
  ZONE,
} from '../support/import-pages'

/** A page of two paragraphs of story and, set apart under them, `line`. */
const underStory = (line: string) => underStoryOf('越南大米出口量同比增长', '2025-10-08', line)

describe('what printing the corpus another way showed', () => {
  it('reads a reporter set apart from the role by a space, the name glued to place and kind', () => {
    expect(readByline('特約記者 馮子軒深圳報道')?.authors).toEqual(['馮子軒'])
    expect(readByline('中央社記者 林美華台北2日電')).toMatchObject({
      authors: ['林美華'],
      outlet: '中央社',
    })
    expect(readByline('侨报记者 李静9月30日洛杉矶报道')?.authors).toEqual(['李静'])
    expect(readByline('记者钟俊、通讯员 刘华报道')?.authors).toEqual(['钟俊', '刘华'])
    // Can fail: a place of two characters after a role is where the report comes from.
    expect(readByline('特派記者 東京報導')?.authors).toEqual([])
  })

  it('reads reporters in brackets set apart by full-width spaces, and roles spaced from names', () => {
    // One label's names, though a full-width space sets them apart as it sets fields apart.
    expect(fields('（记者　李晓雯 通讯员　王建军）')).toEqual([
      ['author', '记者', '李晓雯 通讯员　王建军'],
    ])
    // A credit in brackets with no label: a writer who took the pictures too.
    expect(readMetadataLine('（李思源 文/图）', ZONE)?.[0]?.byline?.authors).toEqual(['李思源'])
    expect(authors(underStory('（记者　李晓雯 通讯员　王建军）'))).toEqual(['李晓雯', '王建军'])
    expect(authors(underStory('【记者 陈雅婷 通讯员 林国栋】'))).toEqual(['陈雅婷', '林国栋'])
    expect(
      readDateline('南都讯 记者 刘思远 通讯员 陈晓岚 3月11日下午，深圳地铁16号线二期贯通。'),
    ).toMatchObject({ authors: ['刘思远', '陈晓岚'], outlet: '南都', end: 19 })
    expect(readByline('长治日报融媒记者申浩然')).toMatchObject({
      authors: ['申浩然'],
      outlet: '长治日报',
    })
    // Can fail: a picture's note in brackets names nobody.
    expect(readMetadataLine('（资料图）', ZONE)).toBeUndefined()
    expect(authors(underStory('【责任编辑：王明】'))).toEqual([])
  })

  it('finds the headline among a menu’s lines when a page is pasted without blank lines', () => {
    const menu = ['中国新闻周刊', '首页', '新闻', '财经', '专栏', '文化']
    const labelled = imp(...menu, '县城咖啡馆的账本', '作者：李越舟', '2025-10-09 09:12', NEWS)
    expect(labelled.fields.title).toBe('县城咖啡馆的账本')
    const named = imp(
      '联合早报',
      '即时　新加坡　中国　国际',
      '言论 > 评论',
      '楼下的石凳',
      '陈子杰',
      '发布/2025年3月14日 5:30 AM',
      NEWS,
    )
    expect(named.fields.title).toBe('楼下的石凳')
    // Can fail: a menu's last item over a writer and a date is no headline (the masthead is the
    // page's only headline-like line), and the writer is still read.
    const unheaded = imp(...menu, '陈子杰', '2025-03-14 05:30', NEWS)
    expect(unheaded.fields.title).toBe('中国新闻周刊')
    expect(authors(unheaded)).toEqual(['陈子杰'])
    expect(writerBeforeDate('新聞稿')).toBeUndefined()
    expect(writerBeforeDate('陳宇軒')).toBe('陳宇軒')
  })

  it('reads every spelling of a report’s kind and of a label, in either script or both', () => {
    expect(readByline('聯合報／ 記者林佳慧／台北即时报导')?.authors).toEqual(['林佳慧'])
    expect(readByline('台北即时报导')?.authors ?? []).toEqual([])
    expect(labelField('發佈機構')).toBe('source')
    expect(labelField('发布機構')).toBe('source')
    // Can fail: half a label is none.
    expect(labelField('機構')).toBeUndefined()
  })

  it('gives a day its time from a time label on the same line', () => {
    const timed = imp(
      '市政署完成步行徑指示牌更新',
      '發佈日期：2025/9/12　　時間：16:30　　來源：社會工作局',
      '',
      NEWS,
    )
    expect(timed.fields.published).toBe('2025-09-12T16:30:00+08:00')
    // Can fail: a time label with no time leaves the day a day.
    const open = imp('市政署完成步行徑指示牌更新', '發佈日期：2025/9/12　　時間：待定', '', NEWS)
    expect(open.fields.published).toBe('2025-09-12')
  })

  it('takes a caption over its credit for no story line, whatever spaces end the lines', () => {
    const r = imp(
      '柏林推出「氣候補貼」　鼓勵老屋換裝熱泵',
      '2025年3月12日',
      '',
      '柏林將補助老舊住宅換裝熱泵，最高1萬5000歐元。  ',
      '圖像：Markus Feld/dpa/picture alliance  ',
      '',
      NEWS,
    )
    expect(r.fields.summary?.startsWith('越南农业')).toBe(true)
  })

  it('drops a listed company’s assurance in Traditional characters as in Simplified', () => {
    const assurance = (text: string) => furnitureCue(text)?.id
    expect(
      assurance('本公司董事會及全體董事保證本公告內容不存在任何虛假記載、誤導性陳述或者重大遺漏。'),
    ).toBe('disclaimer')
    // Can fail: a story about false records is no disclaimer.
    expect(
      assurance('警方表示，該公司涉嫌虛假記載財務數據，已移送檢方偵辦，案件仍在調查中。'),
    ).toBeUndefined()
  })
})

describe('what the twenty-third to twenty-sixth sets showed', () => {
  it('reads where a reporter filed from, and the roles of contributors, columnists and fact-checkers', () => {
    expect(readByline('体坛+记者 罗宇航 发自成都')).toMatchObject({
      authors: ['罗宇航'],
      outlet: '体坛+',
    })
    expect(readByline('特派記者王小明發自東京')?.authors).toEqual(['王小明'])
    expect(readByline('发自内心')).toBeUndefined()
    expect(fields('特約撰稿人 陳卓言 · 2025-10-21')?.map((f) => f[0])).toEqual(['author', 'date'])
    expect(fields('專欄作者：區永樂　｜　2025年11月6日')?.[0]).toEqual([
      'author',
      '專欄作者',
      '區永樂',
    ])
    const checked = imp(
      '【錯誤】網傳喝溫檸檬水可殺死癌細胞？',
      '發布日期：2025-05-27',
      '查核記者：張雅婷',
      '',
      NEWS,
      '',
      '台灣事實查核中心 版權所有',
    )
    expect(authors(checked)).toEqual(['張雅婷'])
    // Can fail: the end of a longer role is no newsroom's name.
    expect(checked.fields.source).toBeUndefined()
    // Nor is a coordinator an author.
    expect(readByline('文/本报记者 林艳 统筹/蒋若静')?.authors).toEqual(['林艳'])
  })

  it('reads labels of where and how a page was published, and a page’s kind before its day', () => {
    expect(fields('網上刊登：2025年10月8日 17:20')?.[0]?.[0]).toBe('published')
    expect(labelField('網上')).toBeUndefined()
    expect(fields('新聞稿　2025-06-12 18:45')?.map((f) => f[0])).toEqual(['date'])
    expect(readMetadataLine('新聞稿', ZONE)).toBeUndefined()
    expect(
      fields('時間：2025-08-21 16:40 新聞引據：中央社 撰稿編輯：吳佩珊')?.map((f) => f[0]),
    ).toEqual(['published', 'source', 'author'])
  })

  it('reads a Latin name beside the date and a bar after it, but takes no place for a writer', () => {
    expect(namesAlone('Goh Wan Ling |', false)).toEqual(['Goh Wan Ling'])
    expect(fields('Lin Yuqing 14 Jul 2025')).toEqual([['date', null, '14 Jul 2025']])
    expect(fields('Hong Kong 14 Jul 2025')).toEqual([['date', null, '14 Jul 2025']])
    // Can fail: a sentence with a date is no metadata.
    expect(readMetadataLine('Floods hit Hong Kong 14 Jul 2025', ZONE)).toBeUndefined()
  })

  it('takes the outlet a reprint note or a portal’s link names for the source', () => {
    const reprinted = underStory(
      'This article was first published in Lianhe Zaobao as “县城慢旅游的新机会”.',
    )
    expect(reprinted.fields.source?.name).toBe('Lianhe Zaobao')
    expect(underStory('（本文刊载于《三联生活周刊》2025年第38期）').fields.source?.name).toBe(
      '三联生活周刊',
    )
    expect(underStory('更多來自 中時新聞網 的內容').fields.source?.name).toBe('中時新聞網')
    expect(isOutlet('NOWnews 今日新聞')).toBe(true)
    // Can fail: words in letters before words in characters are no outlet.
    expect(isOutlet('Hello 世界')).toBe(false)
    expect(underStory('更多來自 我們 的內容').fields.source).toBeUndefined()
  })

  it('takes a reviewed book’s author and day for the book’s, not the page’s', () => {
    const review = (...box: string[]) =>
      imp(
        '在消失的鹽場裡，重寫一部家族史',
        '文｜李思妤（文字工作者）',
        '2025.03.14',
        '',
        ...box,
        '',
        NEWS,
        '',
        MORE,
      )
    const r = review('海風中的鹽田', '作者：蔡明哲', '出版：潮間帶文化', '定價：450元')
    expect(authors(r)).toEqual(['李思妤'])
    expect(r.report.fields.find((f) => f.field === 'book')?.value).toBe('蔡明哲')
    // Can fail: an author's label with no book's data beside it names an author.
    expect(authors(review('作者：蔡明哲'))).toEqual(['李思妤', '蔡明哲'])
  })

  it('starts the story under a share bar that sets a standfirst apart, keeping the standfirst', () => {
    const dek = '在印度洋的海风中，一群坦桑尼亚妇女正在学习用新的方法，守住祖辈传下来的生计。'
    const r = imp(
      '桑给巴尔的海藻农妇',
      '2025年6月5日',
      '',
      dek,
      '',
      'Facebook　Twitter　打印　电子邮件',
      '',
      NEWS,
      '',
      MORE,
    )
    expect(r.fields.summary?.startsWith('越南农业')).toBe(true)
    expect(paragraphs(r)).toEqual([dek, NEWS, MORE])
    // Can fail: a lead its dateline opens is the story's, share bar or not.
    const lead = `人民报网 – ${NEWS}`
    const wire = imp(
      '河内新增充电站',
      '2025年11月20日',
      '',
      lead,
      '',
      'Facebook Twitter 复制链接',
      '',
      MORE,
      '',
      NEWS,
    )
    expect(wire.fields.summary?.startsWith('越南农业')).toBe(true)
    expect(wire.fields.source?.name).toBe('人民报网')
  })

  it('takes a fact-check’s verdict box for a summary box, not the story', () => {
    const r = importHtml(
      [
        '<h1>【錯誤】網傳喝溫檸檬水可殺死癌細胞？</h1>',
        '<div>發布日期：2025-05-27</div>',
        '<div class="verdict-box"><strong>查核結果：錯誤</strong><br>網傳訊息無科學證據支持。</div>',
        `<div class="body"><p>${NEWS}</p><p>${MORE}</p></div>`,
      ].join(''),
      ZONE,
    )
    expect(r.fields.summary?.startsWith('越南农业')).toBe(true)
  })

  it('reads a portal’s provider over the date, Discuz’s 来自 over its poster, and a forum’s template', () => {
    const yahoo = imp(
      '將軍澳新體育館月底啟用',
      '頭條日報',
      '頭條日報',
      '2025年4月8日週二 上午9:30',
      '',
      NEWS,
    )
    expect(yahoo.fields.source?.name).toBe('頭條日報')
    expect(
      imp(
        '春节期间王彬街实施交通管制',
        '2025-1-20 10:32| 发布者: 菲龙网编辑部| 来自: 商报',
        '',
        NEWS,
      ).fields.source?.name,
    ).toBe('商报')
    expect(
      imp('春节期间王彬街实施交通管制', '2025-1-20 10:32| 发布者: 菲龙网编辑部', '', NEWS).fields
        .source?.name,
    ).toBe('菲龙网编辑部')
    const ptt = imp(
      '標題',
      '[新聞] 竹縣公共自行車明年擴站',
      '時間',
      'Wed Feb 19 10:47:32 2025',
      '',
      '1.媒體來源:',
      '自由時報',
      '',
      '3.完整新聞標題:',
      '竹縣公共自行車明年擴站 竹北高鐵特區增設8處租賃站',
      '',
      '4.完整新聞內文:',
      NEWS,
      '',
      MORE,
    )
    expect(ptt.fields.title).toBe('竹縣公共自行車明年擴站 竹北高鐵特區增設8處租賃站')
    expect(ptt.fields.source?.name).toBe('自由時報')
    // Can fail: a web address is no headline, whatever words it holds.
    const linked = imp(
      '來源：香港01',
      'https://www.hk01.com/社會新聞/60271834/九龍城街市重建',
      '',
      '九龍城街市重建｜諮詢展開熟食小販憂加租',
      '撰文：李卓穎',
      '',
      NEWS,
    )
    expect(linked.fields.title).toBe('九龍城街市重建｜諮詢展開熟食小販憂加租')
  })

  it('ends a writer’s name at a bullet between spaces, and reads a lone 图片 as a picture’s place', () => {
    expect(fields('故事作者： 曹婷婷 • 2 天 • 閱讀時間 2 分鐘')?.[0]).toEqual([
      'author',
      '故事作者',
      '曹婷婷',
    ])
    const r = imp('江北新区年货节启幕', '2025年01月17日 18:30', '', NEWS, '', '图片', '', MORE)
    expect(paragraphs(r)).toEqual([NEWS, MORE])
    // Can fail: 图片 in a menu of lines is the menu's item, and the headline under it stays one.
    const menu = imp(
      '首页',
      '新闻',
      '图片',
      '江北新区年货节启幕 消费券发放至元宵',
      '2025年01月17日 18:30',
      NEWS,
    )
    expect(menu.fields.title).toBe('江北新区年货节启幕 消费券发放至元宵')
  })

  it('keeps a picture between two paragraphs, in a layout table too, but not one at the story’s edges', () => {
    const img = '<p><img src="https://example.com/a.jpg" alt=""></p>'
    const page = (body: string) =>
      importHtml(`<h1>春节期间王彬街实施交通管制</h1><p>2025-01-20</p>${body}`, ZONE).fields
        .content_html
    expect(page(`<p>${NEWS}</p>${img}<p>${MORE}</p>`)).toBe(
      `<p>${NEWS}</p>\n${img}\n<p>${MORE}</p>`,
    )
    const table = `<table><tr><td><p>${NEWS}</p>${img}<p>${MORE}</p></td></tr></table>`
    expect(page(table)).toBe(`<p>${NEWS}</p>\n${img}\n<p>${MORE}</p>`)
    // Can fail: a picture over the story or under it is the page's (a logo, an advertisement).
    expect(page(`${img}<p>${NEWS}</p><p>${MORE}</p>${img}`)).toBe(`<p>${NEWS}</p>\n<p>${MORE}</p>`)
    // A figure without a caption is kept whole, and one with a caption once, with its caption.
    const bare =
      '<figure class="wp-block-image"><img src="https://example.com/b.jpg" alt=""></figure>'
    const captioned =
      '<figure><img src="https://example.com/c.jpg"><figcaption>王彬街牌楼。</figcaption></figure>'
    expect(page(`<p>${NEWS}</p>${bare}<p>${MORE}</p>${captioned}<p>${NEWS}</p>`)).toBe(
      [`<p>${NEWS}</p>`, bare, `<p>${MORE}</p>`, captioned, `<p>${NEWS}</p>`].join('\n'),
    )
    // A table of data, two cells a row, stays whole.
    const data = `<table><tr><td>${NEWS}</td><td>${MORE}</td></tr></table>`
    expect(page(`<p>${NEWS}</p>${data}`)).toBe(
      `<p>${NEWS}</p>\n<table><tbody><tr><td>${NEWS}</td><td>${MORE}</td></tr></tbody></table>`,
    )
  })
})

describe('what the twenty-seventh to thirty-second sets showed', () => {
  it('reads each name’s own job after a slash, and names alone in brackets under the story', () => {
    expect(readByline('心血管内科 王丽/文 陈明/图')).toMatchObject({
      authors: ['王丽'],
      photographers: ['陈明'],
    })
    expect(authors(underStory('（周宏 邵丹丹）'))).toEqual(['周宏', '邵丹丹'])
    expect(authorNames('秘書室公關組 呂佳蓉')).toEqual(['呂佳蓉'])
    expect(authorNames('教務處　吳佩真')).toEqual(['吳佩真'])
    // Can fail: one credit for both jobs makes a writer; a phrase under a label is no name.
    expect(readByline('文/图 王明')?.authors).toEqual(['王明'])
    expect(authors(underStory('（完）'))).toEqual([])
    expect(authorNames('浙江队主帅下轮将回归教练席')).toEqual([])
  })

  it('reads the sources a label, an account or a credit line names, and not a section’s or a picture’s', () => {
    expect(fields('文告来源：马华中央宣传局')?.[0]?.[0]).toBe('source')
    expect(fields('原作者: 杨国华')?.[0]?.[0]).toBe('author')
    expect(fields('封面图片来源：图虫创意')).toEqual([['other', '封面图片来源', '图虫创意']])
    expect(fields('發佈機構\t衛生局')).toEqual([['source', '發佈機構', '衛生局']])
    expect(
      readMetadataLine('原创 吴少明 柬埔寨华商日报 2025年07月08日 16:40', ZONE)?.[0]?.byline
        ?.outlet,
    ).toBe('柬埔寨华商日报')
    expect(readMetadataLine('原创 陈晓 平安上城', ZONE)?.[0]?.byline?.outlet).toBeUndefined()
    const yellow = imp(
      '新黄河',
      '',
      '趵突泉灯光秀升级回归 首晚吸引游客1.5万人次',
      '2025-08-23 10:12',
      '',
      '新黄河记者：满雅琪 实习生：袁博',
      '',
      NEWS,
    )
    expect(yellow.fields.source?.name).toBe('新黄河')
    // Can fail: a picture's credit names the photographer's paper, not the source.
    const credit = imp(
      '信傳媒 CM Media',
      '',
      '台電估今夏備轉容量率維持6%以上',
      '2025-05-22 18:40',
      '',
      NEWS,
      '圖說：台電今日說明。（資料照，信傳媒記者攝）',
      MORE,
    )
    expect(credit.fields.source).toBeUndefined()
    // Nor is a section over the date, or one a breadcrumb lists beside it, a newsroom.
    const school = imp(
      '橫濱中華學院',
      '',
      '學院消息',
      '2025.05.26',
      '本院舉行校慶運動會 僑界嘉賓逾五百人到場',
      '',
      NEWS,
      '',
      '學院消息 橫濱中華學院',
    )
    expect(school.fields.source).toBeUndefined()
    const crumbs = (...path: string[]) =>
      imp(...path, '海濱長廊延伸段年底前開放', '2025年2月7日 星期五　|　社區新聞', '', NEWS).fields
        .source
    expect(crumbs('主頁 » 社區新聞 » 海濱', '')).toBeUndefined()
    expect(crumbs()).toEqual({ name: '社區新聞' })
  })

  it('reads more shapes of a date: a time after the weekday, a weekday after the label, a page’s kind, a section', () => {
    expect(fields('星期三, 14:05, 22/10/2025')?.[0]?.[0]).toBe('date')
    expect(readMetadataLine('星期三, 14:05, 22/10/2025', ZONE)?.[0]?.date?.precision).toBe('time')
    expect(
      readMetadataLine('Published on: Saturday, January 25, 2025', ZONE)?.[0]?.date?.value,
    ).toBe('2025-01-25')
    expect(fields('媒体文告 | 2025年8月14日')?.map((f) => f[0])).toEqual(['date'])
    expect(fields('媒体发布 Media Release | 14 March 2025')?.map((f) => f[0])).toEqual(['date'])
    expect(
      fields('2025-05-27 08:46:12　来源：欧联网　作者：李雪　【字号 大 中 小】')?.map((f) => f[0]),
    ).toEqual(['date', 'source', 'author'])
    expect(fields('2025年10月15日 慈善及社區')?.map((f) => f[0])).toEqual(['date', 'other'])
    // Can fail: a phrase after a day is no section, and sizes alone are no controls.
    expect(readMetadataLine('2025年10月15日 市民踴躍參與', ZONE)).toBeUndefined()
    expect(readMetadataLine('大 中 小', ZONE)).toBeUndefined()
  })

  it('ranks the day under the title over the site’s today above the menu', () => {
    const r = imp(
      '2025年3月23日 星期日',
      '首頁',
      '政治',
      '生活',
      '文教',
      '「竹縣人物誌」攝影展登場 鏡頭記錄40位在地職人',
      '2025-03-22 16:05',
      '',
      NEWS,
    )
    expect(r.fields.published).toBe('2025-03-22T16:05:00+08:00')
    // Can fail: a day above the title is still the page's when none is under it.
    const above = imp(
      '香港旅遊發展局',
      '新聞中心 > 新聞稿',
      '2025年11月20日',
      '「維港冬日光影節」12月5日揭幕 四大區域打造沉浸式光影體驗',
      '',
      NEWS,
    )
    expect(above.fields.published).toBe('2025-11-20')
  })

  it('reads a headline under the date when a menu sets the masthead apart from it', () => {
    const headline = '「維港冬日光影節」12月5日揭幕 四大區域打造沉浸式光影體驗'
    const page = (...top: string[]) => imp(...top, '', '2025年11月20日', '', headline, '', NEWS)
    expect(
      page(
        '香港旅遊發展局',
        'Hong Kong Tourism Board',
        '',
        '關於我們 | 新聞中心 | 研究及統計 | 業界支援',
      ).fields.title,
    ).toBe(headline)
    expect(
      imp(
        '香港警務處 Hong Kong Police Force',
        '主頁 | 最新一期 | 過往期數 | 專題',
        '第1290期',
        '2025年9月10日',
        '警隊動態',
        '警犬隊新一批搜查犬完成訓練 投入前線服務',
        '記者：李文希',
        '',
        NEWS,
      ).fields.title,
    ).toBe('警犬隊新一批搜查犬完成訓練 投入前線服務')
    // Can fail: a headline right over the date, no menu between, is the title.
    expect(imp('立法會通過公共泳池衛生及安全法案', '2025年11月20日', '', NEWS).fields.title).toBe(
      '立法會通過公共泳池衛生及安全法案',
    )
  })

  it('reads a title after its label, and without an app’s brand in brackets', () => {
    expect(
      imp('標題\t流感季節臨近 衛生局籲市民盡快接種流感疫苗', '日期\t2025-11-03', '', NEWS).fields
        .title,
    ).toBe('流感季節臨近 衛生局籲市民盡快接種流感疫苗')
    expect(
      imp('【新生活报】年终假期人潮涌现 升旗山缆车排队逾两小时', '2025年12月21日 18:30', '', NEWS)
        .fields.title,
    ).toBe('年终假期人潮涌现 升旗山缆车排队逾两小时')
    // Can fail: a kind of story in brackets is part of the headline.
    expect(imp('【组图】禾丰县早稻开镰', '2025年7月30日', '', NEWS).fields.title).toBe(
      '【组图】禾丰县早稻开镰',
    )
  })

  it('reads English bylines with a site, datelines in capitals, and an outlet’s photographer credit', () => {
    expect(
      readMetadataLine('By Tan Wei Ming / theedgemalaysia.com', ZONE)?.[0]?.byline,
    ).toMatchObject({ authors: ['Tan Wei Ming'], outlet: 'theedgemalaysia.com' })
    expect(readMetadataLine('By Lin Mei-hua / Staff reporter', ZONE)?.[0]?.byline).toMatchObject({
      authors: ['Lin Mei-hua'],
    })
    expect(readDateline('SINGAPORE — After six months of works, the centre reopened.')?.end).toBe(
      12,
    )
    expect(readDateline('KUALA LUMPUR (July 8): Mesra Precision will invest.')?.end).toBe(23)
    expect(
      readDateline('(VOVWORLD) - 10月21日晚，第三届芹苴水上集市文化旅游节开幕。')?.outlet,
    ).toBe('VOVWORLD')
    expect(readDateline('新加坡，2025年3月14日——晚晴园今日宣布推出新特展。')?.end).toBe(16)
    const english = imp(
      'Revamped Toa Payoh West hawker centre reopens',
      '12 Mar 2025 06:00AM',
      '',
      'Diners at the newly reopened Toa Payoh West Market and Food Centre on March 12, 2025.',
      'TODAY/Raj Nadarajan',
      '',
      'SINGAPORE — After six months of renovation works, the hawker centre reopened on Wednesday with more seats.',
      '',
      'The hawker centre has 52 cooked food stalls and 38 market stalls, one of the busiest in the town.',
    )
    expect(english.fields.summary?.startsWith('After six months')).toBe(true)
    // Can fail: a word in capitals and a colon is no dateline, nor a brand in brackets without its dash.
    expect(
      readDateline('NASA: the agency said on Tuesday that the launch would go ahead.'),
    ).toBeUndefined()
    expect(readDateline('(VOVWORLD) 10月21日晚，旅游节开幕。')?.outlet).toBeUndefined()
  })

  it('reads reporters opening the story with no dateline word, and a credit’s items set apart by a semicolon', () => {
    expect(
      readDateline('观海新闻/青岛日报记者 于晓 通讯员 邵学聪 8月21日晚，帆船周开幕。'),
    ).toMatchObject({ authors: ['于晓', '邵学聪'], end: 23 })
    expect(fields('（文／公共事務組 施羽涵；圖／海資系提供）')?.map((f) => f[0])).toEqual([
      'author',
      'photographer',
    ])
    // Can fail: a sentence that opens with a reporter is no credit.
    expect(readDateline('记者 王明 在现场看到，市民排起长队。')).toBeUndefined()
  })

  it('takes a published <time> for the published day beside an update printed as text', () => {
    const r = importHtml(
      [
        '<h1>北市YouBike 2.0E電輔車擴站 5月起新增120站</h1>',
        '<div><span>記者 林冠宇 黃姵綺</span><span>／台北報導</span> <time datetime="2025-04-09T10:32:00+08:00">2025/04/09 10:32</time><span>更新：2025/04/09 13:05</span></div>',
        `<p>${NEWS}</p><p>${MORE}</p>`,
      ].join(''),
      ZONE,
    )
    expect(r.fields.published).toBe('2025-04-09T10:32:00+08:00')
    expect(r.fields.updated).toBe('2025-04-09T13:05:00+08:00')
  })

  it('drops a summary box, a reading time and a comments count’s heading', () => {
    expect(furnitureCue('摘要: 12月1日上午，仰光云南会馆举行助学金颁发典礼 ...')?.id).toBe(
      'summary-box',
    )
    expect(furnitureCue('4–5 minutes')?.id).toBe('reading-time')
    expect(furnitureCue('3 則留言')?.id).toBe('comments')
    // Can fail: a story's sentence that opens with 提要求 is no summary box.
    expect(
      furnitureCue('提要求的市民可到服务中心登记，工作人员将在三个工作日内回复。'),
    ).toBeUndefined()
  })
})

describe('what the thirty-third and thirty-fourth sets showed', () => {
  it('takes a word of the masthead for no writer, and a company’s name for no sentence', () => {
    const related = imp(
      '今视频 江西网络广播电视台',
      '',
      '鄱阳县抢抓晴好天气加固圩堤',
      '2025-06-22 19:48:06',
      '',
      NEWS,
      '',
      MORE,
      '',
      '相关推荐',
      '长江干堤全线进入汛期巡查状态',
      '今视频 2025-06-21',
    )
    expect(authors(related)).toEqual([])
    const federation = imp(
      '菲律賓華商聯總會',
      'Federation of Filipino-Chinese Chambers of Commerce & Industry, Inc.',
      '',
      '首頁　關於商總　商總動態　社會服務',
      '',
      '商總向奎松省颱風災民捐贈大米及飲用水',
      '',
      '日期：2025年10月27日',
      '',
      NEWS,
    )
    expect(federation.fields.title).toBe('商總向奎松省颱風災民捐贈大米及飲用水')
    // Can fail: a sentence that ends in a company's name is still a sentence.
    expect(federation.fields.summary?.startsWith('越南农业')).toBe(true)
  })

  it('reads a breadcrumb from the home page for no headline, however long its last item', () => {
    const headline = '日本中华总商会举办2025年新春会员交流会'
    const r = imp('首页 ＞ 商会动态 ＞ ' + headline, '', '2025.02.18', '', headline, '', NEWS)
    expect(r.fields.title).toBe(headline)
    // Can fail: a headline with a ＞ in it and no home before is a headline.
    expect(imp('上海 ＞ 北京：高铁新线下月开通', '2025.02.18', '', NEWS).fields.title).toBe(
      '上海 ＞ 北京：高铁新线下月开通',
    )
  })

  it('reads an English byline before a time and a day, and a label in capitals', () => {
    const byline = readMetadataLine(
      'by Candice Lo 14:30, 2 March 2025 Last updated: 16:05, 2 March 2025',
      ZONE,
    )
    expect(byline?.[0]?.byline?.authors).toEqual(['Candice Lo'])
    expect(byline?.[1]?.date?.value).toBe('2025-03-02T14:30:00+08:00')
    expect(readMetadataLine('PUBLISHED ON May 19, 2025 4:12 PM', ZONE)?.[0]?.date?.value).toBe(
      '2025-05-19T16:12:00+08:00',
    )
  })
})

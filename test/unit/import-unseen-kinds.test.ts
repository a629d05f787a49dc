/**
 * The classifier on small pages, continuing import-unseen-sets.test.ts: what printing the
 * corpus another way showed (import-corpus-variations.test.ts), and what the twenty-third to
 * twenty-sixth independent sets showed (issue 26; docs/import.md, "Pages it has not seen"):
 * an ordinary day's pastes, stories read on portals, forums and apps, and the other kinds of
 * article a newsroom publishes (reviews, columns, fact-checks, interviews). Each rule is tested
 * with a line that must be read and one that must not.
 */
import { describe, expect, it } from 'vitest'
import { textParagraphs } from '../../src/articles/content'
import { isOutlet, namesAlone, readByline } from '../../src/articles/import/byline'
import { readDateline } from '../../src/articles/import/dateline'
import { furnitureCue } from '../../src/articles/import/furniture'
import { importHtml } from '../../src/articles/import/html-import'
import { labelField } from '../../src/articles/import/labels'
import { readMetadataLine, writerBeforeDate } from '../../src/articles/import/metadata'
import { importPlainText } from '../../src/articles/import/plaintext'

const ZONE = 'Asia/Shanghai'
const imp = (...lines: string[]) => importPlainText(lines.join('\n'), 'text', ZONE)
const authors = (r: { fields: { authors?: { name: string }[] } }) =>
  (r.fields.authors ?? []).map((a) => a.name)
const paragraphs = (r: { fields: { content_text?: string } }) =>
  textParagraphs(r.fields.content_text ?? '')
const fields = (line: string) =>
  readMetadataLine(line, ZONE)?.map((m) => [m.field, m.label ?? null, m.value])
const NEWS =
  '越南农业与环境部表示，今年前三季度全国大米出口量约为690万吨，同比增长3.2%，出口额达到35亿美元。'
const MORE =
  '该部表示，下半年将推动高品质、低碳排放大米品种的种植与出口，同时协助企业应对价格波动风险。'
/** A page of two paragraphs of story and, set apart under them, `line`. */
const underStory = (line: string) =>
  imp('越南大米出口量同比增长', '2025-10-08', '', NEWS, '', MORE, '', line)

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
    // Can fail: a menu's last item over a writer and a date is no headline.
    expect(imp(...menu, '陈子杰', '2025-03-14 05:30', NEWS).fields.title).not.toBe('文化')
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
    expect(page(`<p>${NEWS}</p>${data}`)).toContain('<table>')
  })
})

/**
 * The classifier on small pages, continuing import-unseen-posts.test.ts: what the fifteenth
 * (an ordinary day's pastes) and sixteenth (HTML from the clipboard) independent sets showed
 * (issue 26; docs/import.md, "Pages it has not seen"). Each rule is tested with a line that
 * must be read and one that must not.
 */
import { describe, expect, it } from 'vitest'
import { authorNames, readByline } from '../../src/articles/import/byline'
import { readDateline } from '../../src/articles/import/dateline'
import { furnitureCue } from '../../src/articles/import/furniture'
import { importHtml } from '../../src/articles/import/html-import'
import { readMetadataLine } from '../../src/articles/import/metadata'
import {
  authors,
  fields,
  imp,
  MORE,
  NEWS,
  paragraphs,
  underStory,
  ZONE,
} from '../support/import-pages'

describe('what the fifteenth set showed', () => {
  it('reads a two-character name padded to three characters’ width as one name', () => {
    expect(readByline('经济日报记者 柯　岚')).toMatchObject({
      authors: ['柯岚'],
      outlet: '经济日报',
    })
    expect(readByline('记者 王　佳 通讯员 甬轨宣')?.authors).toEqual(['王佳', '甬轨宣'])
    // Can fail: a byline's one-character words are no name, nor is a font size.
    expect(readByline('文 图 王小明')?.authors).toEqual(['王小明'])
    expect(readByline('大 中 小')).toBeUndefined()
  })

  it('reads the last of reporters listed with 、 where 報道 is glued to it', () => {
    const paragraph = '【大公報訊】記者陳卓軒、黃思穎報道：九龍城街市將於明年初展開翻新工程。'
    const dateline = readDateline(paragraph)!
    expect(dateline).toMatchObject({ authors: ['陳卓軒', '黃思穎'], outlet: '大公報' })
    expect(paragraph.slice(dateline.end)).toBe('九龍城街市將於明年初展開翻新工程。')
    // Can fail: a place where the name would be is the place the report came from.
    expect(readByline('記者王小明、台北報導')?.authors).toEqual(['王小明'])
  })

  it('reads a county media centre’s dateline (融媒体讯)', () => {
    const paragraph =
      '攸县融媒体讯（记者 谭丽娟 通讯员 彭卓）7月15日，在网岭镇罗家坪村的早稻示范片，收割机来回穿梭。'
    const dateline = readDateline(paragraph)!
    expect(dateline).toMatchObject({ authors: ['谭丽娟', '彭卓'], outlet: '攸县融媒体' })
    expect(paragraph.slice(dateline.end)).toBe(
      '7月15日，在网岭镇罗家坪村的早稻示范片，收割机来回穿梭。',
    )
    // Can fail: a sentence about media is no dateline.
    expect(readDateline('融媒体时代，县级媒体纷纷转型。')).toBeUndefined()
  })

  it('reads a writer’s and a photographer’s labels with a dot for their colon', () => {
    expect(fields('文・江培倫　圖・莊詠晴')).toEqual([
      ['author', '文', '江培倫'],
      ['photographer', '圖', '莊詠晴'],
    ])
    // Can fail: two jobs joined by a dot before one colon are still one person's.
    expect(fields('撰稿‧編輯：林雅雯')).toEqual([['author', '撰稿‧編輯', '林雅雯']])
  })
})

describe('what the sixteenth set showed', () => {
  it('reads a word count, a reading time and the page’s controls beside the date as nothing', () => {
    expect(fields('2025-08-07 18:30:00　全文共3642字，阅读大约需要8分钟')).toEqual([
      ['date', null, '2025-08-07 18:30:00'],
    ])
    expect(fields('2025-02-19 05:03:41　來源：大公報　字號 A+ A-')).toEqual([
      ['date', null, '2025-02-19 05:03:41'],
      ['source', '來源', '大公報'],
    ])
    // Can fail: words that are not controls leave the line unread.
    expect(readMetadataLine('2025-08-07 全文共3642字，包括两个附录', ZONE)).toBeUndefined()
  })

  it('reads a print edition’s section before its page', () => {
    expect(fields('2025-03-27　澳聞 A3版')).toEqual([
      ['date', null, '2025-03-27'],
      ['other', 'page', '澳聞 A3版'],
    ])
    // Can fail: a phrase before the page is no section.
    expect(readMetadataLine('2025-03-27　本报今日出版共有十二个版', ZONE)).toBeUndefined()
  })

  it('reads two jobs joined by a slash before one colon', () => {
    expect(fields('报道/摄影：郭明辉')).toEqual([['author', '报道/摄影', '郭明辉']])
    // Can fail: a label that takes a slash for its colon keeps it (`发布/` and its date).
    expect(fields('发布/2025年5月14日 11:20')?.map((f) => f[0])).toEqual(['published'])
  })

  it('reads an outlet’s reporter, a day and 报道 opening the story', () => {
    const paragraph = '东方网记者徐程10月14日报道：今晚6点半，市民夜校临汾路教学点里座无虚席。'
    const dateline = readDateline(paragraph)!
    expect(dateline).toMatchObject({ authors: ['徐程'], outlet: '东方网' })
    expect(paragraph.slice(dateline.end)).toBe('今晚6点半，市民夜校临汾路教学点里座无虚席。')
    // Can fail: a story that mentions a reporter's report opens with no credit.
    expect(readDateline('有记者在现场看到群众报道：今晚将有大雨。')).toBeUndefined()
  })

  it('names the source by the short name before a role that the page’s copyright line prints', () => {
    const page = (...footer: string[]) =>
      imp(
        '首页 新闻 经济 文化 评论',
        '',
        '粤北走教老师的一周',
        '南方周末记者 梁思远　南方周末实习生 邓可欣',
        '2025-08-07 18:30',
        '',
        NEWS,
        '',
        MORE,
        '',
        ...footer,
      )
    const own = page('南方周末 版权所有 © 1984-2025')
    expect(own.fields.source?.name).toBe('南方周末')
    expect(authors(own)).toEqual(['梁思远', '邓可欣'])
    // Can fail: a short name the page does not print as its own is no source.
    expect(page('关于我们 | 联系我们').fields.source).toBeUndefined()
  })

  it('names the source by one agency alone in brackets under the story', () => {
    const signed = (line: string) => underStory('越南前三季度大米出口增长', '2025-10-08', line)
    expect(signed('（越通社）').fields.source?.name).toBe('越通社')
    // Can fail: brackets that name no outlet.
    expect(signed('（综合报道）').fields.source).toBeUndefined()
  })
})

describe('what the fifteenth and sixteenth sets left in the body', () => {
  const html = (...blocks: string[]) => importHtml(blocks.join('\n'), ZONE)

  it('takes a photographer’s credit with the agency after it, and an English one, for captions', () => {
    const page = (caption: string) =>
      imp('大米出口增长', '2025-10-08', '', NEWS, '', caption, '', MORE)
    expect(paragraphs(page('工人在冷链物流园分拣蔬菜。　何红福摄（中经视觉）'))).toEqual([
      NEWS,
      MORE,
    ])
    expect(
      paragraphs(
        page(
          'Lin Yu-ching dips the cloth into the vat again and again. (photo by Chuang Yung-ching)',
        ),
      ),
    ).toEqual([NEWS, MORE])
    expect(paragraphs(page('（图源：SBS Transit）'))).toEqual([NEWS, MORE])
    // A picture's source credits nobody: the page has no author.
    expect(authors(page('湄公河三角洲的大米加工厂。（示意图：互联网）'))).toEqual([])
    // Can fail: a sentence with brackets at its end is the story's.
    const aside = '该部表示，出口增长主要来自菲律宾和印尼（两国占比过半）。'
    expect(paragraphs(page(aside))).toEqual([NEWS, aside, MORE])
  })

  it('leaves the heading of an HTML summary box out of the story', () => {
    const r = html(
      '<h1>三季度银行理财规模有望稳中有升</h1>',
      '<div class="infos"><div>2025年09月18日 07:18</div><div>来源：证券日报</div></div>',
      `<div class="abstract"><span>摘要</span><div>【三季度银行理财规模有望稳中有升】${MORE}</div></div>`,
      `<div class="body"><p>　　本报记者 孟雨晴</p><p>${NEWS}</p></div>`,
    )
    // The credit line over the story stays with it (docs/import.md).
    expect(r.fields.content_html).toBe(`<p>　　本报记者 孟雨晴</p>\n<p>${NEWS}</p>`)
  })

  it('takes each stretch of a layout table’s cell between <br><br> as a paragraph', () => {
    const r = html(
      '<table><tr><td><img alt="華僑報"></td><td>2025年03月27日 星期四</td></tr>',
      '<tr><td>氹仔街市翻新工程下月展開</td></tr>',
      '<tr><td>2025-03-27　澳聞 A3版</td></tr>',
      `<tr><td>${NEWS}<br><br>${MORE}</td></tr>`,
      '<tr><td>華僑報 版權所有 Copyright © Va Kio Daily.</td></tr></table>',
    )
    expect(r.fields.content_html).toBe(`<p>${NEWS}</p>\n<p>${MORE}</p>`)
  })

  it('leaves a print edition’s citation under the story out of it', () => {
    const r = imp(
      '祁连山冻土退化',
      '2025-03-18',
      '',
      NEWS,
      '',
      MORE,
      '',
      '《中国科学报》 (2025-03-18 第3版 综合)',
    )
    expect(paragraphs(r)).toEqual([NEWS, MORE])
    // Can fail: a story's last sentence that cites a paper stays.
    const cites = '该研究结果已于3月18日发表在《中国科学报》第3版。'
    expect(paragraphs(imp('祁连山冻土退化', '2025-03-18', '', NEWS, '', cites))).toEqual([
      NEWS,
      cites,
    ])
  })
})

describe('what the seventeenth and eighteenth sets showed', () => {
  it('reads no one’s name from jobs or a comment count in an author’s value', () => {
    const r = imp(
      '龙岗新增12座口袋公园',
      '发布时间：2025-09-03 17:20　来源：龙岗融媒　作者：文/图 龙岗融媒记者 黄嘉琪 通讯员 吴伟鹏　浏览量：2381',
      '',
      NEWS,
    )
    expect(authors(r)).toEqual(['黄嘉琪', '吴伟鹏'])
    expect(authorNames('班晓宁 0条评论')).toEqual(['班晓宁'])
    // Can fail: names the grammar cannot read are still kept.
    expect(authorNames('Jane Doe')).toEqual(['Jane Doe'])
    expect(authorNames('欧阳娜娜娜 李四')).toEqual(['欧阳娜娜娜', '李四'])
  })

  it('reads a date beside the page’s address, not the address as a label', () => {
    expect(fields('http://www.crntt.com   2025-10-09 23:46:15')).toEqual([
      ['date', null, '2025-10-09 23:46:15'],
    ])
    // Can fail: words beside the address leave the line unread.
    expect(readMetadataLine('http://www.crntt.com 點擊進入專題', ZONE)).toBeUndefined()
  })

  it('names no source for the paper itself (来源：本报综合)', () => {
    const source = (line: string) => imp('大型垃圾收费新规', line, '', NEWS).fields.source
    expect(source('2025-05-01 10:00　来源：本报综合')).toBeUndefined()
    // Can fail: a paper whose name starts with 本 is named.
    expect(source('2025-05-01 10:00　来源：本溪日报')?.name).toBe('本溪日报')
  })

  it('credits a caption’s photographer with a story of paragraphs only when the credit is for the text too', () => {
    const page = (caption: string) =>
      imp('诗巫中央市场排水沟提升', '2025-09-16', '', NEWS, '', caption, '', MORE)
    expect(authors(page('刘志伟巡视中央市场周边排水沟。（图：张慧敏）'))).toEqual([])
    expect(authors(page('刘志伟巡视中央市场周边排水沟。（文／圖：記者 黃詠琪）'))).toEqual([
      '黃詠琪',
    ])
  })

  it('reads a known outlet and a name under the title as a byline', () => {
    const r = imp(
      '工商時報',
      '',
      '自行車出口前三季回溫',
      '工商時報 蔡宜蓁',
      '2025.11.12 06:00',
      '',
      NEWS,
    )
    expect(authors(r)).toEqual(['蔡宜蓁'])
    expect(r.fields.source?.name).toBe('工商時報')
    // Can fail: an outlet and a place, or an outlet and two names with nothing to say so.
    expect(readByline('中央社 台北')).toBeUndefined()
    expect(readByline('工商時報 王小明 李華')).toBeUndefined()
  })

  it('reads an office and its people in brackets under the story', () => {
    const r = underStory('南湖警方止付挽回损失', '2025-06-12', '（南湖分局 王一鸣 沈佳琪）')
    expect(authors(r)).toEqual(['王一鸣', '沈佳琪'])
    // Can fail: outside brackets, an office and names are not a byline.
    expect(readByline('南湖分局 王一鸣 沈佳琪')).toBeUndefined()
  })

  it('reads 文/图 closing a bracketed credit as two jobs, not a name', () => {
    const r = underStory('东京中华学校新春联欢', '2025年2月10日 11:30', '（记者 孙乐天 文/图）')
    expect(authors(r)).toEqual(['孙乐天'])
  })

  it('takes a menu’s 記者專欄 for no byline', () => {
    const r = imp(
      '金門日報全球資訊網',
      '首頁',
      '本報新聞',
      '記者專欄',
      '',
      '金門大橋通車帶動 烈嶼今年觀光人次可望突破百萬',
      '發布日期：2025-12-02　資料來源：金門日報',
      '',
      NEWS,
    )
    expect(r.fields.title).toBe('金門大橋通車帶動 烈嶼今年觀光人次可望突破百萬')
    expect(authors(r)).toEqual([])
  })

  it('takes the published <time> over the updated one, and a day with its time over the day alone', () => {
    const r = importHtml(
      [
        '<div class="top">2025年7月3日 星期四</div>',
        '<h1>国家就业计划今年已为逾10万人配对工作</h1>',
        '<div class="meta"><time class="entry-date published" datetime="2025-07-03T14:15:32+08:00">2025年7月3日</time>',
        '<time class="updated" datetime="2025-07-03T16:02:10+08:00">2025年7月3日</time> 来源：马新社</div>',
        `<p>${NEWS}</p>`,
      ].join('\n'),
      ZONE,
    )
    expect(r.fields.published).toBe('2025-07-03T14:15:32+08:00')
    // Can fail: a day alone is a day.
    const day = imp('国家就业计划配对工作', '2025年7月3日 星期四', '', NEWS)
    expect(day.fields.published).toBe('2025-07-03')
  })

  it('keeps a story’s sentence that names an app among other ways', () => {
    const sentence =
      '高鐵提醒，旅客可透過「T Express」手機App、官網、超商及車站售票窗口購票，完成訂位後須在付款期限內取票。'
    expect(
      paragraphs(imp('中秋連假高鐵加開62班次', '2025-08-27 11:05', '', NEWS, '', sentence)),
    ).toEqual([NEWS, sentence])
  })
})

describe('what the nineteenth and twentieth sets showed', () => {
  it('reads writers’ names set apart by one full-width space as one author’s value', () => {
    expect(fields('作者：刘艳　王思远    编辑：孙丽娜')?.[0]).toEqual([
      'author',
      '作者',
      '刘艳　王思远',
    ])
    expect(
      authors(imp('冰雪大世界开园', '2025-01-15 08:30　作者：刘艳　王思远', '', NEWS)),
    ).toEqual(['刘艳', '王思远'])
    // Can fail: a label, an outlet or two spaces after the name end the value.
    expect(fields('作者：王小明　来源：新华社')?.map((f) => f[2])).toEqual(['王小明', '新华社'])
    expect(fields('撰文者：周子涵　商業周刊 1953期　2025.04.23')?.[0]?.[2]).toBe('周子涵')
  })

  it('reads ︰ as a label’s colon', () => {
    expect(fields('記者︰梁子晴　攝影︰陳家豪')).toEqual([
      ['author', '記者', '梁子晴'],
      ['photographer', '攝影', '陳家豪'],
    ])
  })

  it('takes an outlet its reporters follow beside the date for the source, though the menu lists it', () => {
    const r = imp(
      '中国煤炭新闻网',
      '首页',
      '要闻',
      '中国煤炭报',
      '',
      '塔山煤矿智能综放工作面单班推进创纪录',
      '2025-08-14 09:12　中国煤炭报　　记者 乔建华　通讯员 范志刚',
      '',
      NEWS,
    )
    expect(r.fields.source?.name).toBe('中国煤炭报')
    expect(authors(r)).toEqual(['乔建华', '范志刚'])
  })

  it('reads reporters in brackets under the story though their paper’s name ends in 社', () => {
    const credit = '（赤峰日报社全媒体记者 宋丽娜 通讯员 于海涛）'
    expect(furnitureCue(credit)).toBeUndefined()
    expect(authors(underStory('宁城番茄订单种植', '2025-11-05 10:08', credit))).toEqual([
      '宋丽娜',
      '于海涛',
    ])
    // Can fail: the agencies a story draws on are its contributors.
    expect(furnitureCue('（综合法新社、路透社）')?.id).toBe('contributors')
  })

  it('reads the paper’s report from a place (本报曼彻斯特讯) and a two-character name before 报道', () => {
    const uk = '本报曼彻斯特讯（记者 周婉清）曼城华人社区中心新址于10月4日正式启用。'
    expect(readDateline(uk)).toMatchObject({ authors: ['周婉清'], end: 15 })
    expect(readDateline(uk)?.outlet).toBeUndefined()
    const ruijin = '本报瑞金讯 记者钟俊、通讯员刘华报道：暑期来临，瑞金红色研学迎来高峰。'
    expect(readDateline(ruijin)).toMatchObject({ authors: ['钟俊', '刘华'], end: 19 })
    // Can fail: the paper's reporters in a sentence open no dateline; a place after a role is one.
    expect(readDateline('本报记者近日从市交通局获悉，地铁新线年底开通。')).toBeUndefined()
    expect(readByline('特派記者東京報導')?.authors).toEqual([])
  })

  it('reads a section beside the date: four characters, or in both scripts', () => {
    expect(fields('2025年10月8日 09:12　　华人社区')?.map((f) => f[0])).toEqual(['date', 'other'])
    expect(fields('Posted on 18 March 2025 | 新闻 News')).toEqual([
      ['published', 'Posted on', '18 March 2025'],
      ['other', 'section', '新闻 News'],
    ])
    // Can fail: words that are no menu's leave the line unread.
    expect(readMetadataLine('Posted on 18 March 2025 | 书法 Calligraphy', ZONE)).toBeUndefined()
  })

  it('takes the headline under a masthead, today’s date and a menu', () => {
    const headline = '斗湖机场扩建第二阶段工程 预计明年第三季完工'
    const r = imp(
      '亚洲时报 Asia Times',
      '沙巴华文报 · 服务社群',
      '2025年6月10日 星期二',
      '首页',
      '沙巴',
      '全国',
      '国际',
      '',
      headline,
      '2025年6月10日 上午10:15　|　斗湖',
      '',
      NEWS,
    )
    expect(r.fields.title).toBe(headline)
    expect(r.fields.published).toBe('2025-06-10T10:15:00+08:00')
    // Can fail: with no menu between, the headline over the date is the title.
    const plain = imp(
      headline,
      '2025-06-10 10:15',
      '',
      '交通部官员表示扩建进展顺利',
      '来源：亚洲时报',
      '',
      NEWS,
    )
    expect(plain.fields.title).toBe(headline)
  })
})

describe('what the twenty-first and twenty-second sets showed', () => {
  it('reads an outlet and a correspondent opening the story, and outlets before a dash or a slash', () => {
    expect(
      readDateline('中国民航网 通讯员黄诗琪 报道：1月14日至20日，春运首周客流平稳。'),
    ).toMatchObject({ authors: ['黄诗琪'], outlet: '中国民航网', end: 16 })
    expect(readDateline('人民报网 – 河内市将在年底前新增充电桩。')?.outlet).toBe('人民报网')
    expect(
      readDateline(
        '石榴云/新疆日报讯（记者 阿依古丽·买买提 通讯员 陈晓东 报道）6月27日清晨，果农采摘葡萄。',
      )?.authors,
    ).toEqual(['阿依古丽·买买提', '陈晓东'])
    // Can fail: a place before a dash names no outlet.
    expect(readDateline('華盛頓 — 美国国会周二通过预算案。')?.outlet).toBeUndefined()
  })

  it('reads a source label in brackets under the story, and an agency without its staff’s initials', () => {
    expect(furnitureCue('（来源：安塔拉社）')).toBeUndefined()
    const signed = underStory('雅加达地铁延伸线动工', '2025-07-03', '（来源：安塔拉社）')
    expect(signed.fields.source?.name).toBe('安塔拉社')
    const coded = imp(
      'Tengah hawker centre opens',
      '2025-03-05 18:15　Source: Reuters/mm',
      '',
      NEWS,
    )
    expect(coded.fields.source?.name).toBe('Reuters')
  })

  it('takes no headline with a slash for a path, and a path with ＞＞ for no headline', () => {
    const headline = '市建局開展土瓜灣落山道／崇志街重建項目'
    const ura = imp('首頁 > 新聞中心 > 新聞稿', '', headline, '2025年9月3日', '', NEWS)
    expect(ura.fields.title).toBe(headline)
    const people = imp(
      '人民网＞＞吉林频道＞＞吉林要闻',
      '',
      '吉林省秋粮收获进度过六成',
      '2025年10月14日08:36',
      '',
      NEWS,
    )
    expect(people.fields.title).toBe('吉林省秋粮收获进度过六成')
    // Can fail: short items set apart by slashes are a path.
    expect(imp('新闻/国内', '', headline, '2025年9月3日', '', NEWS).fields.title).toBe(headline)
  })

  it('reads Drupal’s 由…在…發表, a news centre before a role, a lunar date and a day’s section', () => {
    expect(fields('由 區樂言 在 2025/03/04 - 11:27 發表')?.map((f) => f[0])).toEqual([
      'byline',
      'date',
    ])
    expect(readByline('環境資訊中心記者 陳昭宏報導')).toMatchObject({
      authors: ['陳昭宏'],
      outlet: '環境資訊中心',
    })
    expect(fields('2025年4月18日 星期五　農曆三月廿一')).toEqual([['date', null, '2025年4月18日']])
    expect(fields('2025-04-18　澳聞　瀏覽：1,286')?.map((f) => f[0])).toEqual([
      'date',
      'other',
      'views',
    ])
    // Can fail: a time of day after a day is no section.
    expect(readMetadataLine('2024年3月5日下午', ZONE)).toBeUndefined()
  })

  it('reads a Latin name after a writer’s label with a space for its colon, at the line’s end', () => {
    // The line's end is no colon: `作者 Jonathan Evans` is no bilingual label waiting for one.
    expect(fields('作者 Jonathan Evans')).toEqual([['author', '作者', 'Jonathan Evans']])
    // Can fail: a bilingual label before its colon is one label.
    expect(fields('撰文 Text：王小明')).toEqual([['author', '撰文', '王小明']])
  })

  it('reads a broadcast script’s reporter signing off the story', () => {
    const english = (last: string) =>
      imp(
        "Schools in Several US States Try 'Phone-Free Days'",
        '2025-02-20 09:45',
        '',
        'Some public schools in the United States are testing days without mobile phones for students.',
        '',
        'Teachers say students talk to each other more during lunch and pay closer attention in class.',
        '',
        last,
      )
    expect(authors(english("I'm Jonathan Evans."))).toEqual(['Jonathan Evans'])
    // Can fail: a sentence that starts the same way names nobody.
    expect(authors(english("I'm sure students will adapt."))).toEqual([])
  })

  it('takes the site’s masthead for no writer, though a related list prints it over a date', () => {
    const r = imp(
      '石榴云',
      '',
      '吐鲁番早熟葡萄上市',
      '来源：新疆日报',
      '2025-06-28 10:46:12',
      '',
      NEWS,
      '',
      MORE,
      '',
      '热门推荐',
      '喀什“巴楚留香瓜”迎来采摘季',
      '石榴云 2025-06-27',
    )
    expect(authors(r)).toEqual([])
  })
})

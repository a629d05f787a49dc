/**
 * The classifier on small pages, continuing import-unseen.test.ts: what the held-out sets
 * still missed after their own fixes, and what the eleventh to fourteenth sets showed (issue 26;
 * docs/import.md, "Pages it has not seen"). Each rule is tested with a line that must be read
 * and one that must not.
 */
import { describe, expect, it } from 'vitest'
import { textParagraphs } from '../../src/articles/content'
import { readDateline } from '../../src/articles/import/dateline'
import { findDate } from '../../src/articles/import/dates'
import { importHtml } from '../../src/articles/import/html-import'
import { readByline } from '../../src/articles/import/byline'
import { readMetadataLine } from '../../src/articles/import/metadata'
import { importPlainText } from '../../src/articles/import/plaintext'

const ZONE = 'Asia/Taipei'
const imp = (...lines: string[]) => importPlainText(lines.join('\n'), 'text', ZONE)
const authors = (r: { fields: { authors?: { name: string }[] } }) =>
  (r.fields.authors ?? []).map((a) => a.name)
/** The paragraphs of an import's text, as the article stores them. */
const paragraphs = (r: { fields: { content_text?: string } }) =>
  textParagraphs(r.fields.content_text ?? '')
const STORY =
  '最近不少读者私信问我，年底了，手里的红利类基金要不要换仓。我把自己这两年的做法整理一下，不构成任何投资建议，只是一个普通投资者的记录。'
const MORE =
  '我从2023年开始定投红利指数基金，当时的想法很简单：希望有一部分资金能带来相对稳定的现金流。'
const NEWS =
  '联合国世界粮食计划署周二表示，今年上半年该机构在萨赫勒地区5个国家为约210万名小学生提供了在校供餐。'
const NEWS_MORE =
  '粮食署负责西非事务的官员在日内瓦举行的例行记者会上介绍，校餐所用的谷物已有四成从当地采购。'

describe('self-media posts', () => {
  const post = (...top: string[]) =>
    imp(
      '雪球',
      '首页',
      '行情',
      '搜索股票、组合、用户',
      '登录/注册',
      ...top,
      '发布于2025-12-01 21:03来自雪球 · 上海',
      '修改于12-01 21:47',
      '年底了，红利基金还要不要拿？聊聊我的定投记录',
      '',
      STORY,
      '',
      MORE,
    )

  it('takes the headline under the metadata over a search box, and a line of a time for no headline', () => {
    const r = post('陈立衡', '关注')
    expect(r.fields.title).toBe('年底了，红利基金还要不要拿？聊聊我的定投记录')
    expect(r.report.lines.find((l) => l.text === '搜索股票、组合、用户')?.reason).toBe('search')
    // The first paragraph stays the story's though it says it is no investment advice.
    expect(r.fields.summary).toMatch(/^最近不少读者私信问我/)
    expect(paragraphs(r)).toContain(STORY)
    // Can fail: a line of sentences ending in a full stop under the date is the story's.
    const lead = imp('首页', '2025-12-01 21:03', '', '这是本站的第一篇文章。', '', STORY, '', MORE)
    expect(lead.fields.title).not.toBe('这是本站的第一篇文章。')
    expect(paragraphs(lead)).toContain('这是本站的第一篇文章。')
  })

  it('reads the account over its follow button as the writer, when no byline names one', () => {
    expect(authors(post('陈立衡', '关注'))).toEqual(['陈立衡'])
    expect(authors(post('城事观察员老周', '城市规划从业者，关注县域交通', '+ 关注'))).toEqual([
      '城事观察员老周',
    ])
    // Can fail: a byline names the writer; a menu word over the button is no one; no button.
    const named = imp(
      '周默聊生活',
      '关注',
      '2025-03-08 09:03',
      '标题在此：县城夜班公交开通一周记',
      '',
      '文/周默',
      '',
      STORY,
    )
    expect(authors(named)).toEqual(['周默'])
    expect(authors(post('推荐', '关注'))).toEqual([])
    expect(authors(post('陈立衡'))).toEqual([])
  })
})

describe('pictures and sign-offs', () => {
  const page = (...body: string[]) =>
    imp(
      '联合国新闻',
      '首页',
      '',
      '粮食署：萨赫勒地区在校供餐覆盖学生增至210万',
      '2025年2月12日',
      '',
      ...body,
    )

  it('takes a short line over a picture’s owner for a caption, but not the site’s copyright', () => {
    const r = page(
      '在校园里享用午餐的学生。',
      '© WFP',
      '',
      NEWS,
      '',
      NEWS_MORE,
      '',
      '© 2025 联合国',
    )
    expect(r.fields.summary).toMatch(/^联合国世界粮食计划署/)
    expect(r.fields.content_text).not.toContain('享用午餐')
    expect(r.report.lines.find((l) => l.text === '© 2025 联合国')?.reason).toBe('copyright')
    // Can fail: a lead long enough to be the story's stays, whatever credit follows it.
    const lead = page(NEWS, '© WFP', '', NEWS_MORE)
    expect(lead.fields.summary).toMatch(/^联合国世界粮食计划署/)
  })

  it('reads an agency’s sign-off under the story as the source when nothing else names one', () => {
    const signed = page(NEWS, '', NEWS_MORE, '', '-- 马新社', '', '© 2025 BERNAMA 版权所有')
    expect(signed.fields.source?.name).toBe('马新社')
    expect(paragraphs(signed)).toContain('-- 马新社')
    // Can fail: a label names the source; a dash before words that name no newsroom.
    const labelled = page('来源：联合国新闻', '', NEWS, '', NEWS_MORE, '', '-- 马新社')
    expect(labelled.fields.source?.name).toBe('联合国新闻')
    expect(page(NEWS, '', NEWS_MORE, '', '-- 完结').fields.source).toBeUndefined()
  })
})

describe('menus and lists the earlier sets left in', () => {
  it('reads a bilingual menu as a menu, so an organisation’s name over it is no title', () => {
    const r = imp(
      '新加坡宗乡会馆联合总会',
      'Singapore Federation of Chinese Clan Associations',
      '关于我们 About Us',
      '活动 Events',
      '会员会馆 Member Clans',
      '媒体新闻稿 Media Releases',
      '宗乡总会首办青年文化营　百名学生走访会馆学方言',
      'SFCCA holds first youth culture camp, 100 students visit clan associations',
      '2025年4月28日 | 28 April 2025',
      NEWS,
      NEWS_MORE,
    )
    expect(r.fields.title).toBe(
      '宗乡总会首办青年文化营　百名学生走访会馆学方言 / SFCCA holds first youth culture camp, 100 students visit clan associations',
    )
    // Can fail: a bilingual line of a headline's length is no menu item.
    const one = imp('青年文化营开营 Youth camp opens', '2025年4月28日', '', NEWS, '', NEWS_MORE)
    expect(one.fields.title).toBe('青年文化营开营 Youth camp opens')
  })

  it('ends the story at 往期推荐, so the credits chain over it is read', () => {
    const r = imp(
      '电动自行车集中充电棚建成投用',
      '2025年08月14日 19:06 江苏',
      '',
      NEWS,
      NEWS_MORE,
      '来源：东湖街道城管办',
      '文字：孙一鸣',
      '编辑：何佳',
      '往期推荐',
      '东湖街道“邻里节”开幕啦！',
      '高温天气，这份防暑指南请收好',
    )
    expect(authors(r)).toEqual(['孙一鸣'])
    expect(r.fields.source?.name).toBe('东湖街道城管办')
    expect(r.fields.content_text).not.toContain('邻里节')
    // Can fail: a story that speaks of past issues goes on.
    const story = imp(
      '电动自行车集中充电棚建成投用',
      '2025年08月14日',
      '',
      NEWS,
      '往期推荐的做法，今年继续沿用。',
      NEWS_MORE,
    )
    expect(paragraphs(story)).toContain('往期推荐的做法，今年继续沿用。')
  })
})

describe('a date in small print', () => {
  const post = (small: string, ...top: string[]) =>
    imp(
      '2025年个税汇算要注意的5个细节，最后一个很多人忽略了',
      ...top,
      '2小时前 · 浙江',
      '',
      NEWS,
      '',
      NEWS_MORE,
      '',
      small,
    )

  it('dates a post by its disclaimer when nothing else dates it', () => {
    const r = post(
      '声明：本文内容由作者原创，发布于2025-03-08 09:03，仅代表作者观点，不构成任何建议。',
    )
    expect(r.fields.published).toBe('2025-03-08T09:03:00+08:00')
    // Can fail: a date on the page comes first; a date the disclaimer does not call the post's.
    const dated = post(
      '声明：本文内容由作者原创，发布于2025-03-08 09:03，仅代表作者观点，不构成任何建议。',
      '2025-03-09 10:00',
    )
    expect(dated.fields.published).toBe('2025-03-09T10:00:00+08:00')
    const other = post('免责声明：本文数据截至2025-03-01，仅代表作者观点，不构成任何建议。')
    expect(other.fields.published).toBeUndefined()
  })
})

describe('what the twelfth set showed', () => {
  const fields = (line: string) =>
    readMetadataLine(line, ZONE)?.map((m) => [m.field, m.label ?? null, m.value])

  it('reads a magazine’s line of date, name and issue, a lead writer, and who supplied or posted it', () => {
    expect(fields('2025.09.18 | 三联生活周刊 2025年第38期')).toEqual([
      ['date', null, '2025.09.18'],
      ['outlet', null, '三联生活周刊'],
      ['other', 'issue', '2025年第38期'],
    ])
    expect(fields('发于2025.10.13总第1210期《中国新闻周刊》杂志')?.map((f) => f[0])).toEqual([
      'other',
      'date',
      'outlet',
    ])
    expect(fields('主笔｜何望舒')).toEqual([['byline', null, '主笔｜何望舒']])
    expect(fields('主笔：何望舒')).toEqual([['author', '主笔', '何望舒']])
    expect(fields('（供稿：海岸带生态研究室　撰稿：周亦航）')?.[0]).toEqual([
      'source',
      '供稿',
      '海岸带生态研究室',
    ])
    expect(fields('发布者：证券部　　发布时间：2025-09-05 19:20')?.[0]?.[0]).toBe('source')
    expect(fields('发布时间：2025-06-12   点击数：1,206   【大 中 小】')?.[0]?.[0]).toBe(
      'published',
    )
    expect(findDate('發佈時間：2025.10.03 ‧ 15:20', ZONE)?.value).toBe('2025-10-03T15:20:00+08:00')
    expect(fields('发表于 2025年5月11日 由 林美凤')?.map((f) => f[0])).toEqual(['date', 'byline'])
    // Can fail: a person who posted it is no source; 由 before a name with no date is a word;
    // a year's number alone is no issue.
    expect(fields('发布人：张三')?.[0]?.[0]).toBe('other')
    expect(fields('由 王小明 主持')).toBeUndefined()
    expect(fields('三联生活周刊 2025年')?.some((f) => f[1] === 'issue')).not.toBe(true)
  })

  it('takes the site’s name over its menu for the source, not for a section', () => {
    const r = imp(
      '三联生活周刊',
      '首页',
      '封面故事',
      '社会',
      '在雾里开渡船的人',
      '2025.09.18 | 三联生活周刊 2025年第38期',
      '',
      NEWS,
      '',
      NEWS_MORE,
    )
    expect(r.fields.source?.name).toBe('三联生活周刊')
    expect(r.fields.published).toBe('2025-09-18')
    // Can fail: a menu's item beside the date is a section.
    const section = imp(
      '新闻网',
      '首页',
      '财经',
      '社会',
      '在雾里开渡船的人',
      '2025.09.18 | 社会',
      '',
      NEWS,
    )
    expect(section.fields.source).toBeUndefined()
  })

  it('takes the headline under a masthead and its menu, and the middle of a print headline in three lines', () => {
    const church = imp(
      '中華基督教會恩光堂',
      'CCC Grace Light Church',
      '主頁 Home',
      '堂訊 Church News',
      '長者探訪日圓滿結束',
      'Elderly Visitation Day Concludes',
      '2025年11月23日（主日）｜23 November 2025 (Sunday)',
      '文：關子晴傳道｜Text: Pastor Kwan Tsz-ching',
      '',
      NEWS,
    )
    expect(church.fields.title).toBe('長者探訪日圓滿結束 / Elderly Visitation Day Concludes')
    expect(authors(church)).toEqual(['關子晴'])
    const paper = imp(
      '澳門日報 電子版',
      '2025年12月3日 星期三',
      'A07版：澳聞',
      '',
      '街總北區中心辦敬老活動',
      '冬至將近包湯圓暖長者心',
      '逾百長者與義工共度節慶',
      '',
      '【本報消息】' + NEWS,
    )
    expect(paper.fields.title).toBe('冬至將近包湯圓暖長者心')
    // Can fail: a headline over its subtitle, set apart by a blank line, is the headline.
    const two = imp(
      '冬至將近包湯圓暖長者心',
      '逾百長者與義工共度節慶',
      '',
      '2025年12月3日',
      '',
      NEWS,
    )
    expect(two.fields.title).toBe('冬至將近包湯圓暖長者心')
  })

  it('reads a name over its date, a name and a job, and no menu as a byline', () => {
    const byName = (...meta: string[]) =>
      authors(imp('楼下的石凳', '', ...meta, '', NEWS, '', NEWS_MORE))
    expect(byName('陈子杰', '发布/2025年3月14日 5:30 AM', '文字 | 语音')).toEqual(['陈子杰'])
    expect(byName('周承翰／高中公民科教師', '2025-06-20 06:30')).toEqual(['周承翰'])
    // Can fail: a menu with a section ending in 报道; a section over a job.
    expect(byName('首页　学校要闻　综合新闻　校园文化　专题报道', '2025-06-20 06:30')).toEqual([])
    expect(byName('評論／高中公民科教師', '2025-06-20 06:30')).toEqual([])
  })
})

describe('what the eleventh set showed, and the rest of the twelfth', () => {
  const fields = (line: string) =>
    readMetadataLine(line, ZONE)?.map((m) => [m.field, m.label ?? null, m.value])

  it('reads a byline before the date after a space, 發表 after it, and a newsroom’s own mark', () => {
    expect(fields('by Kelvin Chan 2025-10-03')).toEqual([
      ['byline', 'By', 'Kelvin Chan'],
      ['date', null, '2025-10-03'],
    ])
    expect(fields('文/ 林妤柔 | 2025-11-06發表')?.map((f) => f[0])).toEqual(['author', 'date'])
    expect(fields('（懂球帝原创 作者：徐子航）')).toEqual([
      ['outlet', null, '懂球帝'],
      ['author', '作者', '徐子航'],
    ])
    expect(fields('大河报·豫视频记者 郝文博 李晗')).toEqual([
      ['author', '大河报·豫视频记者', '郝文博 李晗'],
    ])
    expect(fields('文/图：国际日报记者 许美玲')?.[0]?.[0]).toBe('author')
    expect(fields('2025/10/02 09:00　遠見雜誌 2025年10月號 第472期')?.map((f) => f[0])).toEqual([
      'date',
      'outlet',
      'other',
      'other',
    ])
    expect(findDate('2025-03-18 10:45 WIB', ZONE)?.value).toBe('2025-03-18T11:45:00+08:00')
    expect(fields('2025-03-18 10:45 WIB 1,482')?.map((f) => f[0])).toEqual(['date'])
    // Can fail: two jobs joined by a dot stay jointLabel's; a number alone is nothing.
    expect(fields('撰稿‧編輯：林雅雯')).toEqual([['author', '撰稿‧編輯', '林雅雯']])
    expect(fields('1,482')).toBeUndefined()
  })

  it('reads datelines of an outlet spelt with digits and of a paper’s own report from a place', () => {
    expect(readDateline('1905电影网讯 10月8日，国庆档正式收官。')?.outlet).toBe('1905电影网')
    expect(readDateline('（本报雅加达讯）印尼三宝垄校友会于3月16日举行大会。')?.end).toBe(8)
    // Can fail: a number before words is no outlet's name.
    expect(readDateline('2025年国庆档正式收官。')).toBeUndefined()
  })

  it('takes a newsroom’s name over the date for no writer, and a columnist’s box for one', () => {
    const app = imp(
      '中冠决赛：湖州星火2-1力克泉州海丝，队史首次夺冠',
      '懂球帝',
      '2025-11-02 21:47',
      '',
      NEWS,
      '',
      '（懂球帝原创 作者：徐子航）',
    )
    expect(authors(app)).toEqual(['徐子航'])
    expect(app.fields.source?.name).toBe('懂球帝')
    const column = imp(
      '全運會／後段發力的勝利：林子睿男子400公尺逆轉奪金',
      '吳承翰',
      '田徑迷，偶爾跑步，常常熬夜看比賽。',
      '2025-10-26 13:05',
      '',
      NEWS,
    )
    expect(authors(column)).toEqual(['吳承翰'])
    // Can fail: a line too long to be about the writer stands between.
    const far = imp('全運會／後段發力的勝利', '吳承翰', NEWS_MORE, '2025-10-26 13:05', '', NEWS)
    expect(authors(far)).toEqual([])
  })

  it('takes a line set in italics under an image for its caption, and a credit with 圖片來源 for one', () => {
    const page = (caption: string) =>
      importHtml(
        `<h1>三宝垄校友会举行年度会员大会</h1><p>2025-03-18 10:45</p><p><img src="a.jpg"></p>${caption}<p>${NEWS}</p><p>${NEWS_MORE}</p>`,
        ZONE,
      )
    expect(page('<p><em>校友会理事与出席校友合影。</em></p>').fields.summary).toMatch(/^联合国/)
    // Can fail: a paragraph in italics with no image over it is the story's.
    const plain = importHtml(
      `<h1>三宝垄校友会举行年度会员大会</h1><p>2025-03-18 10:45</p><p><em>校友会理事与出席校友合影。</em></p><p>${NEWS}</p>`,
      ZONE,
    )
    expect(plain.fields.summary).toMatch(/^校友会理事/)
    const credited = imp(
      '遠揚物流倉儲系統上雲，揀貨系統回應時間縮短',
      '2025-11-06',
      '',
      '揀貨作業現場（圖片來源/遠揚物流）',
      '',
      NEWS,
    )
    expect(credited.fields.title).toBe('遠揚物流倉儲系統上雲，揀貨系統回應時間縮短')
    expect(credited.fields.content_text).not.toContain('揀貨作業現場')
  })
})

describe('under the story', () => {
  it('reads a line of tags as metadata, whatever spaces set the tags apart', () => {
    const r = imp(
      '天台上的書房',
      '2025/9/15',
      '',
      NEWS,
      '',
      NEWS_MORE,
      '',
      '標籤：香港　深水埗　社區',
    )
    expect(r.fields.content_text).not.toContain('深水埗')
    expect(r.report.lines.find((l) => l.text.startsWith('標籤'))?.class).toBe('metadata')
    // Can fail: a sentence that mentions tags is the story's.
    const story = imp(
      '天台上的書房',
      '2025/9/15',
      '',
      NEWS,
      '',
      '標籤：她說，這些都不重要，重要的是孩子們有地方溫習。',
    )
    expect(paragraphs(story)).toContain('標籤：她說，這些都不重要，重要的是孩子們有地方溫習。')
  })
})

describe('labels a mainland CMS prints, and a masthead’s short name', () => {
  const fields = (line: string) =>
    readMetadataLine(line, ZONE)?.map((m) => [m.field, m.label ?? null, m.value])

  it('reads correspondents and writers as authors, a manuscript’s source, and reviewers as editors', () => {
    expect(fields('记者：王丽 通讯员：张小明')?.map((f) => f[0])).toEqual(['author', 'author'])
    expect(fields('执笔：王丽')?.[0]?.[0]).toBe('author')
    expect(fields('稿件来源：区融媒体中心')?.[0]?.[0]).toBe('source')
    expect(fields('初审：张三 复审：李四 终审：王五')?.map((f) => f[0])).toEqual([
      'editor',
      'editor',
      'editor',
    ])
    // Can fail: a planner or a coordinator is neither author nor editor.
    expect(fields('策划：李强')?.[0]?.[0]).toBe('other')
  })

  it('takes the masthead’s short name before a reporter’s role for the source', () => {
    const page = (masthead: string) =>
      imp(
        masthead,
        '最新 | 足球 | 籃球',
        '何朗軒破11年大會紀錄',
        '文：體路記者 陳栢熙',
        '2025年11月9日',
        '',
        NEWS,
      )
    expect(page('體路 Sportsroad').fields.source?.name).toBe('體路')
    // Can fail: another name over the page.
    expect(page('運動網 Sports').fields.source).toBeUndefined()
  })
})

describe('what the thirteenth set showed', () => {
  const fields = (line: string) =>
    readMetadataLine(line, ZONE)?.map((m) => [m.field, m.label ?? null, m.value])

  it('reads a table’s label and value cells, and a document’s day as no publication date', () => {
    const r = imp(
      '发布机构：',
      '省水利厅',
      '成文日期：',
      '2025-05-19',
      '发布日期：',
      '2025-05-20',
      '',
      '省水利厅开展汛前安全检查',
      '',
      NEWS,
      '',
      NEWS_MORE,
    )
    expect(r.fields.source?.name).toBe('省水利厅')
    expect(r.fields.published).toBe('2025-05-20')
    expect(fields('成文日期：2025-05-19')).toEqual([['other', '成文日期', '2025-05-19']])
    // Can fail: a headline that ends in 开放时间 over a date is no document's day.
    const long = imp(
      '列治文公共圖書館下月起延長週末開放時間',
      '2025年1月21日 星期二 下午6:05',
      '',
      NEWS,
    )
    expect(long.fields.published).toBe('2025-01-21T18:05:00+08:00')
  })

  it('reads reporters opening the story, after a dateline, closing its last paragraph, and inside it', () => {
    expect(
      readDateline('记者王卓然通讯员吕思涵报道　今年以来，江州农商银行推出了新产品。'),
    ).toMatchObject({
      authors: ['王卓然', '吕思涵'],
      end: 14,
    })
    expect(
      readDateline(
        '金融时报网讯 记者 王卓然 通讯员 吕思涵 报道　今年以来，江州农商银行推出了新产品。',
      )?.authors,
    ).toEqual(['王卓然', '吕思涵'])
    expect(
      readDateline('【香港商報網訊】記者 鄧穎芝 報道：中環海濱周末市集明日起舉行。')?.authors,
    ).toEqual(['鄧穎芝'])
    expect(readDateline('交汇点讯　记者今天从省交通厅获悉')?.outlet).toBe('交汇点')
    const closed = imp(
      '福州新建17处口袋公园',
      '2025-06-18',
      '',
      NEWS,
      '',
      `${NEWS_MORE}（记者 陈雅婷 通讯员 林国栋）`,
    )
    expect(authors(closed)).toEqual(['陈雅婷', '林国栋'])
    const inside = imp(
      '心衰随访门诊开设',
      '2025年04月02日',
      '',
      NEWS,
      '',
      '文/许晴　图/陈默',
      '',
      NEWS_MORE,
    )
    expect(authors(inside)).toEqual(['许晴'])
    expect(paragraphs(inside)).toContain('文/许晴　图/陈默')
    // Can fail: a word ending in 讯 names no newsroom; a closing bracket that names no reporter.
    expect(readDateline('快讯 今天上午')?.outlet).toBeUndefined()
    const aside = imp('福州新建17处口袋公园', '2025-06-18', '', NEWS, '', `${NEWS_MORE}（完）`)
    expect(authors(aside)).toEqual([])
  })

  it('reads who supplied a story and its writers, a camera’s credit, and a role inside a label’s value', () => {
    expect(fields('（供稿：南昌车站　刘佳琪　宋一帆）')).toEqual([
      ['source', '供稿', '南昌车站'],
      ['byline', null, '刘佳琪　宋一帆'],
    ])
    const r = imp(
      '家门口吃上热乎饭',
      '2025-09-12 19:35',
      '文/广州日报新花城记者：何颖思 通讯员：黄嘉琪',
      '',
      NEWS,
      '',
      `${NEWS_MORE}（记者 吴晓婷　摄像 张浩）`,
    )
    expect(authors(r)).toEqual(['何颖思', '黄嘉琪', '吴晓婷'])
    // Can fail: names after a source that is no supplier are nothing.
    expect(fields('来源：新华社　刘佳琪')).toBeUndefined()
  })

  it('reads the app’s name over the date when the page prints it again, and an ROC edition date', () => {
    const app = (name: string, again: string) =>
      imp(again, '古美路街道3个老小区加装电梯同步完工', name, '2025-07-22 18:30', '', NEWS)
    expect(app('上海闵行', '打开“上海闵行”APP').fields.source?.name).toBe('上海闵行')
    expect(app('天下泉城　2025-12-05 17:50', '天下泉城').fields.published).toBe(
      '2025-12-05T17:50:00+08:00',
    )
    expect(fields('中華民國114年6月10日 星期二')?.[0]?.[0]).toBe('date')
    // Can fail: a name the page does not print again; a body's name (a signature).
    expect(app('上海闵行', '首页').fields.source).toBeUndefined()
    expect(app('国家统计局', '国家统计局').fields.source).toBeUndefined()
  })
})

describe('what the fourteenth set showed', () => {
  const fields = (line: string) =>
    readMetadataLine(line, ZONE)?.map((m) => [m.field, m.label ?? null, m.value])

  it('reads a print edition’s page, a writer’s label, a reading time and a broadcaster', () => {
    expect(fields('濠江日報 ｜ 2025-08-20 ｜ 第A04版：澳聞')?.map((f) => f[0])).toEqual([
      'outlet',
      'date',
      'other',
    ])
    expect(fields('撰文者：周子涵　商業周刊 1953期　2025.04.23')?.[0]).toEqual([
      'author',
      '撰文者',
      '周子涵',
    ])
    expect(fields('撰文：陳凱晴 · 3 Oct 2025 · 3 分鐘閱讀')?.map((f) => f[0])).toEqual([
      'author',
      'date',
    ])
    expect(
      fields('更新於 2025年11月06日15:12 • 發布於 2025年11月06日14:58')?.map((f) => f[0]),
    ).toEqual(['updated', 'date'])
    expect(fields('發佈部門：社區服務部')?.[0]?.[0]).toBe('source')
    expect(readByline('新時代電視記者 何嘉欣 列治文報道')).toMatchObject({
      authors: ['何嘉欣'],
      outlet: '新時代電視',
    })
    expect(readByline('壹蘋新聞網／黃品瑄報導')?.authors).toEqual(['黃品瑄'])
    // Can fail: a place after the outlet is no reporter.
    expect(readByline('聯合報／台北報導')?.authors).toEqual([])
    expect(readByline('聯合報／澎湖報導')?.authors).toEqual([])
  })

  it('reads a newsroom’s dateline in title brackets, but not a paper the story quotes', () => {
    expect(readDateline('《經濟通通訊社6日專訊》怡峰物流公布中期業績。')).toMatchObject({
      outlet: '經濟通通訊社',
      end: 12,
    })
    expect(readDateline('《联合早报》报道，新加坡陆路交通管理局宣布新措施。')).toBeUndefined()
  })

  it('credits no one for a picture’s source or an agency’s photo, and takes a supplier’s credit for a caption', () => {
    // A credit line set apart under the title and the date, over the story.
    const under = (title: string, date: string, line: string) =>
      imp(title, date, '', line, '', NEWS)
    const picture = under(
      '悉尼歌剧院前广场举办冬季美食市集',
      '2025年7月29日 14:05',
      '（图片来源：Destination NSW）',
    )
    expect(authors(picture)).toEqual([])
    const agency = under('首尔汉江公园户外游泳池开放', '2025-06-25 16:58', 'Photo : YONHAP News')
    expect(authors(agency)).toEqual([])
    const supplied = under(
      '晶采光電南科新廠動土　砸120億擴產車用感測器',
      '2025.04.23',
      '晶采光電新廠預計2027年第一季量產。（晶采光電提供）',
    )
    // The caption is left out: the body is the story alone.
    expect(paragraphs(supplied)).toEqual([NEWS])
    // Can fail: a photographer's credit in a photo story is its author.
    const photo = under('冬季美食市集', '2025年7月29日', '市集現場。（攝影：陳俊杰）')
    expect(authors(photo)).toEqual(['陳俊杰'])
  })
})

/**
 * The classifier on small pages, continuing import-unseen-kinds.test.ts: what the thirty-fifth
 * to fortieth independent sets showed (issue 26; docs/import.md, "Pages it has not seen"): an
 * ordinary day's pastes from every region, Chinese-language pages whose furniture is in Malay,
 * Indonesian, Thai or Korean, WeChat's reprints. Each rule is tested with a line that must be
 * read and one that must not.
 */
import { describe, expect, it } from 'vitest'
import { authorNames, readByline } from '../../src/articles/import/byline'
import { readDateline } from '../../src/articles/import/dateline'
import { findDate } from '../../src/articles/import/dates'
import { importHtml } from '../../src/articles/import/html-import'
import { readMetadataLine } from '../../src/articles/import/metadata'
import { authors, fields, imp, MORE, NEWS, paragraphs, ZONE } from '../support/import-pages'

const date = (text: string, zone = ZONE) => findDate(text, zone)?.value

describe('what the thirty-fifth and thirty-sixth sets showed', () => {
  it('takes a camera’s reporter for no writer, and a student reporter’s class for no one', () => {
    expect(readByline('文字记者 林晓蔚 摄像记者 戴锦辉')).toEqual({
      authors: ['林晓蔚'],
      photographers: ['戴锦辉'],
    })
    expect(fields('文字記者：Yapit Tali')).toEqual([['author', '文字記者', 'Yapit Tali']])
    expect(fields('攝影記者：許文豪')).toEqual([['photographer', '攝影記者', '許文豪']])
    expect(readByline('校園記者 中五仁班 何芷晴')?.authors).toEqual(['何芷晴'])
    expect(readByline('校园记者 高二3班 何芷晴')?.authors).toEqual(['何芷晴'])
    // Can fail: a text reporter after a camera's is a writer again; a name ending in 班 is a name.
    expect(readByline('摄像记者 戴锦辉 记者 林晓蔚')?.authors).toEqual(['林晓蔚'])
    expect(readByline('记者 王小班 何芷晴')?.authors).toEqual(['王小班', '何芷晴'])
  })

  it('prefers the body that posted a page to the department that supplied its text', () => {
    const page = (...over: string[]) =>
      imp(
        '我院成功完成首例无导线起搏器植入术',
        ...over,
        '',
        NEWS,
        '',
        MORE,
        '',
        '供稿：心血管内科　撰稿：周雨桐',
      )
    const posted = page('发布者：党委宣传部　　发布时间：2025-02-14　　浏览次数：1286')
    expect(posted.fields.source?.name).toBe('党委宣传部')
    expect(authors(posted)).toEqual(['周雨桐'])
    // Can fail: with no poster, the department that supplied it is the source.
    expect(page('发布时间：2025-02-14').fields.source?.name).toBe('心血管内科')
  })

  it('reads a body’s name over the date, printed again over its other posts, as the source', () => {
    const page = (name: string) =>
      imp(
        '吕山乡湖羊产业园首批冷鲜羊肉进驻长三角商超',
        '',
        name,
        '2025-05-21 10:08',
        '',
        NEWS,
        '',
        MORE,
        '',
        '推荐阅读',
        '长兴：“两山”理念绘就美丽乡村新画卷',
        `${name} 05-20`,
      )
    expect(page('长兴传媒集团').fields.source?.name).toBe('长兴传媒集团')
    // Can fail: a paper's name over the date is its masthead, not the source.
    expect(page('江城日报').fields.source).toBeUndefined()
  })

  it('reads a section named as news of a kind and a bare count beside the date for no source', () => {
    const page = (line: string) =>
      imp('南方大学学院与三所独中签署合作备忘录', '', line, '', NEWS, '', MORE)
    const section = page('24/04/2025 校园新闻 1,024')
    expect(section.fields.published).toBe('2025-04-24')
    expect(section.fields.source).toBeUndefined()
    // Can fail: an outlet's name beside the date is its source.
    expect(page('24/04/2025 南方日报 1,024').fields.source?.name).toBe('南方日报')
  })

  it('reads dates as Malaysian, Indonesian, Thai and American sites print them', () => {
    expect(date('Khamis, 13 Mac 2025 | 2:25 PTG')).toBe('2025-03-13T14:25:00+08:00')
    expect(date('13 Mac 2025 10:05 PG')).toBe('2025-03-13T10:05:00+08:00')
    expect(date('17 Agustus 2025', 'Asia/Jakarta')).toBe('2025-08-17')
    expect(date('5 Disember 2025')).toBe('2025-12-05')
    expect(date('โพสต์เมื่อ 16 พ.ค. 2568 14:30 น.', 'Asia/Bangkok')).toBe('2025-05-16T14:30:00+07:00')
    expect(date('7 กุมภาพันธ์ 2568', 'Asia/Bangkok')).toBe('2025-02-07')
    expect(date('10/20/25', 'America/Los_Angeles')).toBe('2025-10-20')
    expect(date('05/06/25', 'America/Los_Angeles')).toBe('2025-05-06')
    // Can fail: day first outside the Americas, and no month thirteen anywhere.
    expect(date('05/06/25', 'Asia/Kuala_Lumpur')).toBe('2025-06-05')
    expect(date('13/13/25')).toBeUndefined()
    expect(date('版本 1.2/3/25')).toBeUndefined()
  })

  it('reads the labels of Malay, Indonesian, Thai and Korean pages, and a byline’s e-mail', () => {
    expect(fields('Penulis: 李美琴')).toEqual([['author', 'Penulis', '李美琴']])
    expect(fields('输入 : 2025-06-30 16:47 | 修改 : 2025-06-30 17:10')?.map((m) => m[0])).toEqual([
      'published',
      'updated',
    ])
    const posted = readMetadataLine('Diposting pada 22 September 2025 oleh 黄文杰', ZONE)
    expect(posted?.map((m) => [m.field, m.value])).toEqual([
      ['published', '22 September 2025'],
      ['author', '黄文杰'],
    ])
    const thai = readMetadataLine('โพสต์เมื่อ 16 พ.ค. 2568 14:30 น. | อ่าน 486', 'Asia/Bangkok')
    expect(thai?.map((m) => m.field)).toEqual(['date', 'views'])
    expect(readMetadataLine('Written by Vivian Kwong', ZONE)?.[0]?.byline?.authors).toEqual([
      'Vivian Kwong',
    ])
    expect(readByline('朴智贤 记者 jhpark@ajunews.com')?.authors).toEqual(['朴智贤'])
    // Can fail: a sentence that opens with "by" is no byline, nor an address a name.
    expect(readMetadataLine('Written by hand, the notes were found in 2025.', ZONE)).toBeUndefined()
    expect(readByline('jhpark@ajunews.com')).toBeUndefined()
  })
})

describe('what the thirty-seventh to fortieth sets showed', () => {
  const card = (writer: string) =>
    imp(
      '宜宾三江夜游航线新增两个停靠点，8月25日起试运行',
      '宜宾身边事 2025年08月21日 18:32 四川',
      `以下文章来源于宜宾日报 ，作者${writer}`,
      '宜宾日报 .',
      '宜宾日报社官方微信公众号，权威发布宜宾本地新闻资讯。',
      '',
      '关注宜宾身边事，了解更多宜宾新鲜事！',
      '',
      NEWS,
      '',
      MORE,
    )

  it('reads WeChat’s card over a reprint for its source and writer, and leaves its lines out', () => {
    const r = card('李明轩')
    expect(r.fields.published).toBe('2025-08-21T18:32:00+08:00')
    expect(r.fields.source?.name).toBe('宜宾日报')
    expect(authors(r)).toEqual(['李明轩'])
    expect(paragraphs(r)).toEqual([NEWS, MORE])
    // Can fail: a card that names the account again as the writer names no person.
    expect(authors(card('宜宾日报'))).toEqual([])
  })

  it('ends a source where a bracket of its reporters opens', () => {
    expect(fields('来源：宜宾日报（记者 李明轩）')).toEqual([
      ['source', '来源', '宜宾日报'],
      ['byline', null, '记者 李明轩'],
    ])
    // Can fail: a bracket that names no reporter stays with the source.
    expect(fields('来源：人民网（北京）')?.[0]?.[2]).toMatch(/^人民网（北京/)
  })

  it('reads a headline with a number after its place, under a menu of links, as the title', () => {
    const html = [
      '<div><a href="/">首页</a>　<a href="/sz/">时政</a>　<a href="/yw/">要闻</a>　<a href="/df/">地方</a>　<a href="/sp/">视频</a></div>',
      '<div>当前位置：<a href="/">首页</a> &gt; <a href="/df/">地方</a></div>',
      '<div class="tit">福建宁德：5600余艘渔船回港避风</div>',
      '<div>来源：中国应急管理报　发布时间：2025-08-07 09:12</div>',
      `<p>${NEWS}</p><p>${MORE}</p>`,
    ].join('\n')
    expect(importHtml(html, ZONE).fields.title).toBe('福建宁德：5600余艘渔船回港避风')
    // Can fail: a value of more digits than half its characters is data, not a headline.
    expect(readMetadataLine('福建宁德：56001余艘渔船回港避风', ZONE)?.[0]?.prose).toBeUndefined()
    expect(readMetadataLine('福建宁德：5600余艘渔船回港避风', ZONE)?.[0]?.prose).toBe(true)
  })
})

describe('what the thirty-eighth and fortieth sets showed', () => {
  it('reads a vertical colon and 攝 alone as labels, and a menu’s items as no label and value', () => {
    expect(fields('文︰何詠琪　攝︰梁子傑')).toEqual([
      ['author', '文', '何詠琪'],
      ['photographer', '攝', '梁子傑'],
    ])
    const menu = (item: string) =>
      imp(
        'PeoPo 公民新聞',
        '公民記者',
        item,
        '議題',
        '活動',
        '我要投稿',
        '',
        '枋寮漁村長輩共餐據點',
        '作者：林秋月',
        '2025.07.05 17:20',
        '',
        NEWS,
      )
    const peopo = menu('新聞分類')
    expect(authors(peopo)).toEqual(['林秋月'])
    expect(peopo.fields.source).toBeUndefined()
    // Can fail: 攝 is no label without its colon; a name a surname starts under a role is one.
    expect(fields('攝政王府今起開放')).toBeUndefined()
    expect(authors(menu('陳大文'))).toEqual(['陳大文', '林秋月'])
  })

  it('reads the headline under the date past a path, and over its byline with commas in it', () => {
    const weekly = imp(
      '澳門觀察報',
      'Jornal Observatório de Macau',
      '逢星期三出版',
      '',
      '首頁 | 本期導讀 | 社會 | 政經 | 民生',
      '',
      '2025年6月25日 星期三',
      '',
      '首頁 > 民生',
      '',
      '新城A區公屋入伙半年 居民盼增街市及巴士線',
      '',
      '2025-06-25 | 第718期 | 民生',
      '文／鄭慧珊',
      '',
      NEWS,
    )
    expect(weekly.fields.title).toBe('新城A區公屋入伙半年 居民盼增街市及巴士線')
    const headline = '工研院發表鈉離子電池儲能櫃，循環壽命達 6,000 次，明年導入台南示範場域'
    const tech = imp(
      '科技新報 TechNews',
      '首頁 › 能源科技',
      headline,
      '作者 陳冠廷 | 發布日期 2025 年 01 月 23 日 8:30 | 分類 能源科技 , 電池 , 儲能',
      NEWS,
    )
    expect(tech.fields.title).toBe(headline)
    expect(tech.fields.published).toBe('2025-01-23T08:30:00+08:00')
    expect(authors(tech)).toEqual(['陳冠廷'])
    // Can fail: a headline of three commas is a sentence of the story; sections need a date.
    expect(
      imp(
        '科技新報 TechNews',
        '首頁 › 能源科技',
        '工研院，今天，在台南，發表新電池',
        '作者 陳冠廷',
        NEWS,
      ).fields.title,
    ).toBe('科技新報 TechNews')
    expect(fields('分類 能源科技 , 電池')).toBeUndefined()
  })

  it('takes a grade and its stream for no name, and a kind of reporter for no newsroom', () => {
    const school = imp(
      '宽中学生全国独中科学展摘金',
      '2025年7月21日',
      '',
      NEWS,
      '',
      MORE,
      '（报道：高一文商 黄诗琪　摄影：学生记者团）',
    )
    expect(authors(school)).toEqual(['黄诗琪'])
    expect(school.fields.source).toBeUndefined()
    // Can fail: a name a grade's word starts is a name.
    expect(readByline('记者 高一鸣 黄诗琪')?.authors).toEqual(['高一鸣', '黄诗琪'])
  })

  it('reads a short name before the day and 讯 as the newsroom when the masthead prints it', () => {
    const page = (masthead: string, dateline: string) =>
      imp(
        masthead,
        '打开App',
        '',
        '辽宁加时险胜广厦 付昊然末节独得14分',
        '2025-03-12 22:07 发布于浙江',
        `${dateline} ${NEWS}`,
      )
    expect(page('虎扑', '虎扑03月12日讯').fields.source?.name).toBe('虎扑')
    // Can fail: a place before the day and 讯 is no newsroom.
    expect(page('南洋商报', '新山5日讯').fields.source).toBeUndefined()
  })
})

describe('what the thirty-ninth set showed (the Chinese press of Southeast Asia and beyond)', () => {
  it('reads Thai weekdays, Japanese and Indonesian labels, and a child reporter’s', () => {
    const thai = readMetadataLine('วันศุกร์ 7 กุมภาพันธ์ 2568 14:20:37', 'Asia/Bangkok')
    expect(thai?.[0]?.date?.value).toBe('2025-02-07T14:20:37+07:00')
    expect(fields('掲載日：2025年9月17日（水）')?.[0]?.[0]).toBe('published')
    expect(fields('最終更新日：2025年9月20日（土）')?.[0]?.[0]).toBe('updated')
    expect(fields('已更新：2025年10月16日')?.[0]?.[0]).toBe('updated')
    expect(fields('Sumber: ANTARA')).toEqual([['source', 'Sumber', 'ANTARA']])
    expect(authorNames(fields('小记者：陈思颖（晨光小学五年级）')![0]![2]!)).toEqual(['陈思颖'])
    // Can fail: a Thai word that is no weekday is left over, and the line is none.
    expect(readMetadataLine('ตลาดนัด 7 กุมภาพันธ์ 2568', 'Asia/Bangkok')).toBeUndefined()
  })

  it('reads an agency’s datelines with a dash, and a reporter’s name before the outlet', () => {
    expect(readDateline('金边，6月10日（AKP）——柬埔寨大米联合会周二发布数据。')?.wire).toBe('AKP')
    expect(readDateline('越通社胡志明市——胡志明市城市铁路管理委员会表示。')?.wire).toBe('越通社')
    expect(fields('何詠詩 | OMNI 粵語新聞')).toEqual([['byline', null, '何詠詩']])
    const english = readMetadataLine('10 June 2025 By Sim Chanthy 经济', ZONE)
    expect(english?.find((m) => m.byline)?.byline?.authors).toEqual(['Sim Chanthy'])
    // Can fail: a co-op is no agency; a section or a place after a bar is no outlet.
    expect(readDateline('合作社理事长——我们今年丰收。')).toBeUndefined()
    expect(readDateline('和平里社区居民——这是我们盼了十年的电梯。')).toBeUndefined()
    expect(readDateline('和谐社会建设——各地推进基层治理。')).toBeUndefined()
    expect(fields('新聞 | 星島日報')).toBeUndefined()
    expect(fields('何詠詩 | 九龍城')).toBeUndefined()
  })

  it('drops a caption credited to an agency and its photographer', () => {
    const caption = '学生在东努沙登加拉一所小学享用营养午餐。（ANTARA/Kornelis Kaha）'
    const r = imp('印尼免费营养餐计划扩大至偏远学校', '2025-07-14', '', caption, '', NEWS, '', MORE)
    expect(paragraphs(r)).toEqual([NEWS, MORE])
    // Can fail: a paragraph of the story ending so is longer than a caption, and stays.
    const long = `${NEWS.slice(0, -1)}（ANTARA/Kornelis Kaha）`
    expect(
      paragraphs(imp('印尼免费营养餐计划扩大至偏远学校', '2025-07-14', '', long, '', MORE)),
    ).toEqual([long, MORE])
  })

  it('reads a breadcrumb set down one item a line, and a Wix post’s writer over its date', () => {
    const headline = '“新加坡华文与本土叙事”论坛探讨双语教育新方向'
    const path = imp(
      'SUSS',
      'Home',
      '/',
      'Centre for Chinese Studies',
      '/',
      '活动报道',
      '',
      headline,
      'Posted on 18 Mar 2025',
      '',
      NEWS,
    )
    expect(path.fields.title).toBe(headline)
    const wix = imp(
      '新加坡作家协会',
      'Singapore Association of Writers',
      '首页',
      '关于我们',
      '活动',
      '出版',
      '会员',
      '',
      '作者相片',
      '郭丽娟',
      '2025年10月15日',
      '3 分钟阅读',
      '',
      '第五届“狮城青年华文创作奖”揭晓 三位新人首度获奖',
      '',
      NEWS,
    )
    expect(wix.fields.title).toBe('第五届“狮城青年华文创作奖”揭晓 三位新人首度获奖')
    expect(wix.fields.published).toBe('2025-10-15')
    expect(authors(wix)).toEqual(['郭丽娟'])
    // Can fail: a slash alone between two paragraphs sets no path apart.
    expect(paragraphs(imp(headline, '2025-03-18', '', NEWS, '/', MORE))).toEqual([NEWS, '/', MORE])
  })
})

describe('what joining the thirty-fifth to fortieth sets showed (their paragraphs)', () => {
  it('drops captions credited as a body’s picture, numbered, or as Korean papers credit them', () => {
    for (const caption of [
      '翻新後的花墟公園新增寵物公園。（康文署圖片）',
      '圖一：代表團到訪合作區執行委員會',
      '与会嘉宾在论坛后合影。（照片：新跃社科大学）',
      '仁川机场第一航站楼出境大厅 [照片=仁川国际机场公社提供]',
      '相片一：仁濟醫院董事局成員與義工出發前合照。',
    ]) {
      expect(
        paragraphs(imp('花墟公園翻新後重開', '2025-03-02', '', NEWS, '', caption, '', MORE)),
        caption,
      ).toEqual([NEWS, MORE])
    }
    // Can fail: a sentence about pictures, and a book's title after 圖, are the story's.
    const kept = ['市民可在網上查閱當年的照片。', '圖書館明年起延長開放時間。']
    for (const line of kept) {
      expect(
        paragraphs(imp('花墟公園翻新後重開', '2025-03-02', '', NEWS, '', line, '', MORE)),
      ).toContain(line)
    }
  })

  it('reads a role alone before a full-width space as no value yet', () => {
    const credit = fields('撰稿：学生记者　蔡欣怡、陈俊杰')
    expect(credit).toEqual([['author', '撰稿', '学生记者　蔡欣怡、陈俊杰']])
    expect(authorNames(credit![0]![2]!)).toEqual(['蔡欣怡', '陈俊杰'])
    // Can fail: a name before a full-width space ends the writer's value.
    expect(fields('撰稿：蔡欣怡　2025-05-06')?.[0]).toEqual(['author', '撰稿', '蔡欣怡'])
  })

  it('drops an editor’s credit between the story and a fact box, not a notice’s own labels', () => {
    const box = imp(
      '旧报纸变身兔子灯',
      '2025年9月29日',
      '',
      NEWS,
      '',
      '编辑：黄丽琴',
      '',
      '你知道吗？',
      '',
      MORE,
    )
    expect(paragraphs(box)).toEqual([NEWS, '你知道吗？', MORE])
    // Can fail: a time's label inside a notice is the notice's, a film's producer its credits'.
    const notice = imp(
      '关于举办消防演练的通知',
      '2025-05-01',
      '',
      NEWS,
      '',
      '时间：5月8日上午9时',
      '',
      MORE,
    )
    expect(paragraphs(notice)).toEqual([NEWS, '时间：5月8日上午9时', MORE])
    const film = imp('新片定档国庆', '2025-09-01', '', NEWS, '', '监制：张艺谋', '', MORE)
    expect(paragraphs(film)).toEqual([NEWS, '监制：张艺谋', MORE])
  })

  it('reads a camera’s reporter alone as a photographer, and Malay and Thai times', () => {
    expect(readByline('摄像记者 戴锦辉')).toEqual({ authors: [], photographers: ['戴锦辉'] })
    expect(date('13 Mac 2025 12:30 MLM')).toBe('2025-03-13T00:30:00+08:00')
    expect(date('99年12月31日', 'Asia/Taipei')).toBe('2010-12-31')
    // Can fail: words that open like a month name no day.
    expect(date('Top 10 Designs 2025')).toBeUndefined()
    expect(date('Meituan 3, 2025')).toBeUndefined()
  })

  it('keeps a rhetorical question alone in the story, and a note of old photos in a list', () => {
    const story = imp('老街改造完成', '2025-05-01', '', NEWS, '', '你知道吗？', '', MORE)
    expect(paragraphs(story)).toEqual([NEWS, '你知道吗？', MORE])
    const list = imp(
      '档案馆征集老物件',
      '2025-05-01',
      '',
      NEWS,
      '',
      '二、征集范围：历史文献、实物资料（含老照片）',
      '',
      MORE,
    )
    expect(paragraphs(list)).toContain('二、征集范围：历史文献、实物资料（含老照片）')
  })

  it('drops the site’s footer of an HTML paste, not an article’s own footer', () => {
    const page = (footer: string) =>
      importHtml(
        `<h1>南方大学学院与三所独中签署合作备忘录</h1><p>24/04/2025</p><article><p>${NEWS}</p><p>${MORE}</p>${footer}</article>`,
        ZONE,
      )
    const site = importHtml(
      `<h1>南方大学学院与三所独中签署合作备忘录</h1><p>24/04/2025</p><article><p>${NEWS}</p><p>${MORE}</p></article>` +
        '<footer class="site-footer"><p>南方大学学院 Southern University College (DU013(J))</p><p>PTB 64, 81300 Skudai, Johor, Malaysia.</p></footer>',
      ZONE,
    )
    expect(site.fields.content_html).not.toContain('Skudai')
    const footer = site.report.lines.filter(
      (l) => l.text.startsWith('PTB') || l.text.startsWith('南方大学学院 S'),
    )
    expect(footer.map((l) => [l.class, l.reason, l.kept])).toEqual([
      ['furniture', 'site-footer', false],
      ['furniture', 'site-footer', false],
    ])
    // Can fail: a wrapper whose class mentions a footer holds the story; the reporters an
    // article's own footer names are still read.
    const wrapped = importHtml(
      `<div class="container has-footer"><h1>南方大学学院与三所独中签署合作备忘录</h1><p>24/04/2025</p><p>${NEWS}</p><p>${MORE}</p></div>`,
      ZONE,
    )
    expect(wrapped.fields.content_html).toContain(MORE)
    const story = wrapped.report.lines.filter((l) => l.text === NEWS || l.text === MORE)
    expect(story.map((l) => [l.class, l.kept])).toEqual([
      ['story', true],
      ['story', true],
    ])
    expect(authors(page('<footer><p>（记者 王小明）</p></footer>'))).toEqual(['王小明'])
  })
})

describe('what the forty-first to forty-fifth sets showed (scored blind on the final code first)', () => {
  it('reads two jobs joined by 、, a label after a slash that follows a value, a glued photographer', () => {
    expect(fields('文、图：李慧敏')).toEqual([['author', '文、图', '李慧敏']])
    expect(authorNames(fields('文、圖：國際事務處 吳思穎')![0]![2]!)).toEqual(['吳思穎'])
    expect(fields('撰稿：林佳穎／攝影：黃柏翰')).toEqual([
      ['author', '撰稿', '林佳穎'],
      ['photographer', '攝影', '黃柏翰'],
    ])
    expect(readByline('寰宇新聞 記者周哲宇 攝影王建銘／台中報導')).toEqual({
      authors: ['周哲宇'],
      photographers: ['王建銘'],
      outlet: '寰宇新聞',
      kind: '報導',
    })
    expect(authorNames('高二理1 陈伟杰')).toEqual(['陈伟杰'])
    // Can fail: a slash that is a label's own (`文/…记者：`) starts no label; `高一文` is a name.
    expect(fields('文/广州日报新花城记者：何颖思')?.[0]).toEqual([
      'author',
      '文',
      '广州日报新花城记者：何颖思',
    ])
    expect(authorNames(fields('文、攝影／王怡蓁')![0]![2]!)).toEqual(['王怡蓁'])
    expect(readByline('记者 高一文 陈伟杰')?.authors).toEqual(['高一文', '陈伟杰'])
  })

  it('reads a paper and its site opening the story, and a name in two parts glued to 报道', () => {
    const opening = readDateline(
      '天山网-新疆日报记者马宁 通讯员阿依古丽·买买提报道：6月18日清晨，基地里一片繁忙。',
    )
    expect(opening?.authors).toEqual(['马宁', '阿依古丽·买买提'])
    // Can fail: a hyphen between words that name no outlet opens no credit.
    expect(readDateline('工作-生活记者观察：市民都在谈论这件事。')?.authors ?? []).toEqual([])
  })

  it('reads a metadata line with a QR prompt, a table row, and an outlet with a word in letters', () => {
    const info = fields('2025-06-19 09:41:05 来源：新疆日报 作者：马宁 扫一扫在手机打开当前页')
    expect(info?.[1]).toEqual(['source', '来源', '新疆日报'])
    expect(fields('公告單位\t教務處')).toEqual([['source', '公告單位', '教務處']])
    expect(readDateline('【好房網News記者張雅涵／台中報導】台中西屯區房價一路走高。')?.outlet).toBe(
      '好房網News',
    )
    // Can fail: a QR prompt alone is still the QR code's furniture, not metadata.
    expect(fields('扫一扫在手机打开当前页')).toBeUndefined()
  })

  it('reads a related list’s items as the list’s, whatever they read as', () => {
    const r = imp(
      '寒流來襲 慈濟志工送暖',
      '2025-12-17 19:42',
      '',
      NEWS,
      '',
      MORE,
      '',
      '相關新聞',
      '歲末祝福台南場 志工預備福慧紅包',
      '低溫特報 氣象署：週末前都偏冷',
    )
    expect(r.fields.source).toBeUndefined()
    // Can fail: an outlet beside the date over the story is still its source.
    expect(
      imp('寒流來襲 慈濟志工送暖', '2025-12-17 19:42　中央日報', '', NEWS).fields.source?.name,
    ).toBe('中央日報')
  })

  it('reads the headline over an account’s name, under a company’s name in capitals, and past crumbs', () => {
    const headline = '元宵将至越秀公园灯会迎客流高峰 部分时段将限流'
    const app = imp(
      '触电新闻',
      '打开',
      headline,
      '广东广播电视台触电新闻',
      '2025-02-11 18:46',
      '来源：广东广播电视台新闻频道',
      NEWS,
    )
    expect(app.fields.title).toBe(headline)
    const water = '芙蓉中路DN1200供水主管迁改完成 周边片区今晨恢复正常供水'
    const company = imp(
      '长沙水业集团有限公司',
      'CHANGSHA WATER GROUP CO.,LTD.',
      '首页 | 集团概况 | 新闻中心 | 供水服务',
      '',
      water,
      '发布时间：2025-04-13 09:10:26',
      '',
      NEWS,
    )
    expect(company.fields.title).toBe(water)
    const statement = '槟总商会：2026年财政预算案利好中小企 惟盼政府关注营运成本上涨'
    const crumbs = imp(
      '槟城中华总商会',
      '首页 »',
      '新闻中心 »',
      '文告 »',
      '2026年财政预算案文告',
      statement,
      '发布于：2025年10月11日',
      NEWS,
    )
    expect(crumbs.fields.title).toBe(statement)
    // Can fail: a paper's kicker over its headline is still a kicker.
    const kicked = imp(
      '推进小流域综合治理　建设宜居宜业和美乡村',
      '一条溪流串起九个村的“绿色账本”',
      '2025-06-03',
      '',
      NEWS,
    )
    expect(kicked.fields.title).toBe('一条溪流串起九个村的“绿色账本”')
  })
})

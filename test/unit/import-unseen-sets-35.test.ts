/**
 * The classifier on small pages, continuing import-unseen-kinds.test.ts: what the thirty-fifth
 * to fortieth independent sets showed (issue 26; docs/import.md, "Pages it has not seen"): an
 * ordinary day's pastes from every region, Chinese-language pages whose furniture is in Malay,
 * Indonesian, Thai or Korean, WeChat's reprints. Each rule is tested with a line that must be
 * read and one that must not.
 */
import { describe, expect, it } from 'vitest'
import { readByline } from '../../src/articles/import/byline'
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
    expect(readMetadataLine('公告编号：2025-0311号文件', ZONE)?.[0]?.prose).toBeUndefined()
  })
})

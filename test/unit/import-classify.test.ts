/**
 * The classifier on small pages, one for each way the earlier import failed on pages it had not
 * seen (issue 26), and the report it gives. The corpus (import-corpus.test.ts) has whole pages.
 */
import { describe, expect, it } from 'vitest'
import { importPlainText } from '../../src/articles/import/plaintext'
import { REPORT_LINES } from '../../src/articles/import/report'

const ZONE = 'Asia/Taipei'
const imp = (...lines: string[]) => importPlainText(lines.join('\n'), 'text', ZONE)
const authors = (r: ReturnType<typeof imp>) => (r.fields.authors ?? []).map((a) => a.name)
const STORY =
  '　　市府今天宣布，老舊公寓加裝電梯補助計畫首批二十案審查通過，每案最高補助兩百五十萬元。'
const MORE = '　　都市發展局表示，申請案件以五層樓以下、屋齡超過三十年的公寓為主。'

describe('bylines wherever the page prints them', () => {
  it('reads bylines at the end of the story: 撰文：, 記者：, a name then 报道', () => {
    expect(authors(imp('標題', '', STORY, MORE, '撰文：陳嘉欣'))).toEqual(['陳嘉欣'])
    expect(authors(imp('標題', '', STORY, MORE, '記者：黃嘉欣'))).toEqual(['黃嘉欣'])
    expect(authors(imp('標題', '', STORY, MORE, '', '陈丽华　报道'))).toEqual(['陈丽华'])
  })

  it('reads a wire dateline in brackets, and its agency as the source', () => {
    const r = imp(
      '標題',
      '',
      '（中央社記者林美華台北2日電）總統今天出席國防大學畢業典禮，勉勵畢業生。',
    )
    expect(authors(r)).toEqual(['林美華'])
    expect(r.fields.source).toEqual({ name: '中央社' })
    expect(r.fields.summary).toMatch(/^總統今天出席/)
  })

  it('reads every byline: an English one beside a Chinese one, an author line and a dateline', () => {
    expect(authors(imp('Title', '中文標題', 'By Jane Doe', '作者：王小明', '', STORY))).toEqual([
      'Jane Doe',
      '王小明',
    ])
    const both = imp(
      '經開區簽約',
      '作者：李四',
      '',
      '　　本報訊（記者 王小明）經開區昨日與三家企業簽約。',
    )
    expect(authors(both)).toEqual(['李四', '王小明'])
  })

  it('does not let a photo caption above the dateline hide its reporters', () => {
    const r = imp(
      '全国春播进度过六成',
      '2024-03-05 14:32:10 来源：新华网',
      '',
      '图为3月4日，农民在田间驾驶农机进行春耕作业。新华社记者 赵启明 摄',
      '',
      '　　新华社北京3月5日电（记者王小明、李华）记者从农业农村部获悉，全国春播粮食进度已超过六成。',
    )
    expect(authors(r)).toEqual(['王小明', '李华'])
    expect(r.report.lines.find((l) => l.line === 4)).toMatchObject({
      class: 'caption',
      kept: false,
    })
    expect(r.report.fields).toContainEqual({ field: 'photographer', value: ['赵启明'], line: 4 })
  })

  it('never makes the desk editor an author', () => {
    for (const editor of [
      '责任编辑：张三',
      '責任編輯：張三',
      '（責編：張三）',
      '【编辑:黄钰涵】',
    ]) {
      const r = imp('標題', '', STORY, editor)
      expect(r.fields.authors, editor).toBeUndefined()
      expect(r.report.fields.map((f) => f.field)).toContain('editor')
    }
  })
})

describe('dates', () => {
  const published = (...lines: string[]) => imp('標題', ...lines, '', STORY).fields.published

  it('reads 更新 and 更新時間 as updated, 日期 and 時間 as published', () => {
    const r = imp('標題', '發布時間：2024-03-05 18:20', '更新時間：2024-03-05 19:05', '', STORY)
    expect(r.fields.published).toBe('2024-03-05T18:20:00+08:00')
    expect(r.fields.updated).toBe('2024-03-05T19:05:00+08:00')
    expect(
      imp('標題', '出版：2024-03-05 08:45', '更新：2024-03-05 10:12', '', STORY).fields.updated,
    ).toBe('2024-03-05T10:12:00+08:00')
    expect(published('日期：2024年5月20日')).toBe('2024-05-20')
    expect(published('時間：2024年3月5日 08:30')).toBe('2024-03-05T08:30:00+08:00')
  })

  it('reads a date sharing its line with 来源, 作者 and 浏览次数', () => {
    expect(published('2024-03-05 14:32 来源：新华网 作者：王小明 浏览次数：1024')).toBe(
      '2024-03-05T14:32:00+08:00',
    )
  })

  it('reads 12-hour times and the formats the old import missed', () => {
    expect(published('Published Mar 5, 2024, 3:42 PM')).toBe('2024-03-05T15:42:00+08:00')
    expect(published('2024年3月5日 下午3:42')).toBe('2024-03-05T15:42:00+08:00')
    expect(published('2024.02.22')).toBe('2024-02-22')
    expect(published('2024/03/05 14:32')).toBe('2024-03-05T14:32:00+08:00')
  })

  it('says so when there is no date, rather than dating the article silently', () => {
    const r = imp('標題', '', STORY)
    expect(r.fields.published).toBeUndefined()
    expect(r.report.notes.map((n) => n.code)).toEqual(['no-date'])
  })
})

describe('furniture the old rules did not list', () => {
  const dropped = (r: ReturnType<typeof imp>) =>
    r.report.lines.filter((l) => l.class === 'furniture').map((l) => l.text)

  it('drops related lists, small print, app promotions and controls after the story', () => {
    const after = [
      '【纠错】',
      '收听新闻',
      '相关新闻',
      '春耕时节农机忙',
      '农业农村部部署春季农业生产',
      '下载星洲APP，随时掌握最新资讯',
      '扫一扫，在手机打开当前页',
      '主办单位：远安县人民政府办公室',
      '网站标识码：4211000001　鄂ICP备12345678号-1',
      'Copyright © 2000-2024 XINHUANET.com All Rights Reserved.',
    ]
    const r = imp(
      '標題',
      '字型大小：小 中 大',
      '分享 Facebook LINE 複製連結',
      '',
      STORY,
      MORE,
      ...after,
    )
    expect(dropped(r)).toEqual(['字型大小：小 中 大', '分享 Facebook LINE 複製連結', ...after])
    expect(r.fields.content_text).toBe([STORY, MORE].join('\n'))
  })

  it('reads the footer from the top: bylines above a related list are read', () => {
    const r = imp(
      '標題',
      '',
      STORY,
      MORE,
      '（記者：黃嘉欣）',
      '責任編輯：張三',
      '延伸閱讀',
      '新北危老重建獎勵再延長',
      '高齡住宅需求增',
    )
    expect(authors(r)).toEqual(['黃嘉欣'])
    expect(r.report.lines.slice(-3).map((l) => l.class)).toEqual([
      'furniture',
      'furniture',
      'furniture',
    ])
  })

  it('never takes a breadcrumb or a masthead above the title for the title', () => {
    const r = imp(
      '首页 | 新闻 | 体育 | 财经 | 娱乐',
      '体育频道 > 足球 > 中超',
      '中超新赛季揭幕 卫冕冠军主场取胜',
      '2024-03-01 20:45',
      '',
      STORY,
    )
    expect(r.fields.title).toBe('中超新赛季揭幕 卫冕冠军主场取胜')
    expect(
      imp('澎湃新闻', '上海公布首批数字社区建设试点名单', '2024-03-05 14:32', '', STORY).fields
        .title,
    ).toBe('上海公布首批数字社区建设试点名单')
  })

  it('keeps short lines inside the story and drops a list of bulleted links there', () => {
    const r = imp(
      '標題',
      '',
      STORY,
      '',
      '一、加強隱患排查',
      '',
      '►冷氣團報到　週末回暖',
      '►寒流來襲　慎防心血管疾病',
      '',
      MORE,
    )
    expect(r.fields.content_text).toContain('一、加強隱患排查')
    expect(r.fields.content_text).not.toContain('►')
  })

  it('can fail: a short line under the story is the story’s (a signature and its date)', () => {
    const r = imp('通知', '', STORY, '', '荆门市人民政府办公室', '2024年3月1日', '【打印本页】')
    expect(r.fields.content_text).toContain('荆门市人民政府办公室\n2024年3月1日')
  })
})

describe('annotations', () => {
  it('strips readings over a whole title whatever their share of the page', () => {
    const title =
      '垃（ㄌㄜˋ）圾（ㄙㄜˋ）分（ㄈㄣ）類（ㄌㄟˋ）新（ㄒㄧㄣ）制（ㄓˋ）上（ㄕㄤˋ）路（ㄌㄨˋ）'
    const r = imp(title, '', STORY, MORE, STORY, MORE)
    expect(r.fields.title).toBe('垃圾分類新制上路')
    expect(r.report.annotations).toMatchObject({ annotated: true, removed: 8 })
    expect(importPlainText([title, '', STORY].join('\n'), 'text', ZONE, 'keep').fields.title).toBe(
      title,
    )
  })
})

describe('bilingual pages and language', () => {
  it('keeps both headlines in the title, in page order', () => {
    const r = imp(
      'Chinese scientists develop fast-charging battery',
      '中国科学家研发快充电池',
      '2024-03-05 14:32',
      '',
      STORY,
    )
    expect(r.fields.title).toBe(
      'Chinese scientists develop fast-charging battery / 中国科学家研发快充电池',
    )
    expect(r.report.title).toEqual({ lines: [1, 2], text: r.fields.title })
  })
})

describe('the report', () => {
  it('lists every non-blank line with its class, its reason and whether it was kept', () => {
    const r = imp('當前位置：首頁 > 新聞', '標題', '來源：中央社', '', STORY, '分享到：')
    expect(r.report.lines).toEqual([
      {
        line: 1,
        class: 'furniture',
        reason: 'breadcrumb',
        kept: false,
        text: '當前位置：首頁 > 新聞',
      },
      { line: 2, class: 'title', reason: 'headline', kept: false, text: '標題' },
      { line: 3, class: 'metadata', reason: 'label 來源', kept: false, text: '來源：中央社' },
      { line: 5, class: 'story', reason: 'paragraph', kept: true, text: STORY },
      { line: 6, class: 'furniture', reason: 'share', kept: false, text: '分享到：' },
    ])
    expect(r.report.body).toEqual({ first_line: 5, last_line: 5 })
    expect(r.report.fields).toEqual([{ field: 'source', value: '中央社', line: 3, label: '來源' }])
  })

  it(`lists at most ${REPORT_LINES} lines and cuts long ones, saying so`, () => {
    const r = imp('標題', '', ...Array.from({ length: REPORT_LINES + 5 }, () => STORY))
    expect(r.report.lines).toHaveLength(REPORT_LINES)
    expect(r.report.notes.map((n) => n.code)).toContain('lines-not-listed')
    const long = imp('標題', '', '字'.repeat(500) + '。').report.lines[1]!
    expect([...long.text]).toHaveLength(201)
    expect(long.text.endsWith('…')).toBe(true)
  })
})

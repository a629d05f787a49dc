/** The grammar of bylines and datelines (byline.ts, dateline.ts): a table of parts, not shapes. */
import { describe, expect, it } from 'vitest'
import { authorNames, readByline } from '../../src/articles/import/byline'
import { readDateline } from '../../src/articles/import/dateline'

describe('bylines', () => {
  it.each([
    ['記者王小明／台北報導', ['王小明'], undefined],
    ['聯合報／ 記者林佳慧／台北即時報導', ['林佳慧'], '聯合報'],
    ['公視新聞網 王小明、李華 / 台北報導', ['王小明', '李華'], '公視新聞網'],
    ['大众网记者 李明 济南报道', ['李明'], '大众网'],
    ['澎湃新闻记者 王小明 实习生 李华', ['王小明', '李华'], '澎湃新闻'],
    ['陈丽华　报道', ['陈丽华'], undefined],
    ['記者 王小明 通訊員 李四', ['王小明', '李四'], undefined],
    ['中央社記者林美華台北2日電', ['林美華'], '中央社'],
    ['特約記者 周八', ['周八'], undefined],
  ])('reads %s', (text, authors, outlet) => {
    const byline = readByline(text)!
    expect(byline.authors).toEqual(authors)
    expect(byline.outlet).toBe(outlet)
  })

  it('reads a photographer, who is not an author', () => {
    expect(readByline('新华社记者 赵启明 摄')).toMatchObject({
      authors: [],
      photographers: ['赵启明'],
      outlet: '新华社',
    })
  })

  it('reads English bylines and their roles', () => {
    expect(readByline('Lin Mei-hua / Staff reporter')?.authors).toEqual(['Lin Mei-hua'])
    expect(readByline('John Chan　記者 陳大文')?.authors).toEqual(['John Chan', '陳大文'])
    expect(readByline('Jane Doe and John Roe', true)?.authors).toEqual(['Jane Doe', 'John Roe'])
  })

  it('can fail: names with nothing to say they are a byline, and text that is not names', () => {
    expect(readByline('王小明 李四')).toBeUndefined()
    expect(readByline('首頁 / 生活')).toBeUndefined()
    expect(readByline('分享 Facebook LINE 複製連結')).toBeUndefined()
    expect(readByline('中央社 焦點新聞')).toBeUndefined()
    expect(readByline('國際在線')).toBeUndefined()
  })

  it('splits the names of an author label', () => {
    expect(authorNames('王小明 李四')).toEqual(['王小明', '李四'])
    expect(authorNames('王小明、李四')).toEqual(['王小明', '李四'])
    expect(authorNames('記者王小明')).toEqual(['王小明'])
    expect(authorNames('Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe'])
    expect(authorNames('Jane Doe, John Roe & Ann Lee')).toEqual(['Jane Doe', 'John Roe', 'Ann Lee'])
    expect(authorNames('Alexander Sand')).toEqual(['Alexander Sand'])
  })
})

describe('datelines', () => {
  it.each([
    ['本報訊（記者 王小明 通訊員 李四）經開區昨日簽約。', ['王小明', '李四'], '經開區昨日簽約。'],
    [
      '新華社北京4月7日電（記者張三、李四）國務院總理主持會議。',
      ['張三', '李四'],
      '國務院總理主持會議。',
    ],
    ['中新網上海4月8日電 (記者 陳靜)上海市政府8日發布政策。', ['陳靜'], '上海市政府8日發布政策。'],
    ['荊州網訊（全媒體記者 趙六）5日上午，工程啟動。', ['趙六'], '5日上午，工程啟動。'],
    ['本报讯（记者王小明 实习生李四 报道）项目签约。', ['王小明', '李四'], '项目签约。'],
    ['央視網消息（特約記者 周八）：會議今天召開。', ['周八'], '會議今天召開。'],
    ['本报北京3月4日电  （记者王小明）春运进入返程高峰。', ['王小明'], '春运进入返程高峰。'],
    ['（中央社記者林美華台北2日電）總統今天出席典禮。', ['林美華'], '總統今天出席典禮。'],
    [
      '〔記者王小明／台北報導〕台北市公車駕駛薪資將調漲。',
      ['王小明'],
      '台北市公車駕駛薪資將調漲。',
    ],
    [
      '【記者王小明／台北報導】台北市公車駕駛薪資將調漲。',
      ['王小明'],
      '台北市公車駕駛薪資將調漲。',
    ],
    ['香港文匯報訊（記者 黃嘉欣）啟德體育園昨日舉行活動。', ['黃嘉欣'], '啟德體育園昨日舉行活動。'],
  ])('reads the reporters of %s', (paragraph, authors, story) => {
    const dateline = readDateline(paragraph)!
    expect(dateline.authors).toEqual(authors)
    expect(paragraph.slice(dateline.end)).toBe(story)
  })

  it.each([
    ['（新山5日讯）新柔长堤今早再现大塞车。', '新柔长堤今早再现大塞车。'],
    ['(吉隆坡5日讯)首相今日在国会表示。', '首相今日在国会表示。'],
    ['（新加坡讯）政府今天宣布新配套。', '政府今天宣布新配套。'],
    ['【明報專訊】政府昨公布諮詢安排。', '政府昨公布諮詢安排。'],
    ['【本報消息】交通事務局昨日宣布。', '交通事務局昨日宣布。'],
  ])('reads a bracketed dateline that names nobody: %s', (paragraph, story) => {
    const dateline = readDateline(paragraph)!
    expect(dateline.authors).toEqual([])
    expect(paragraph.slice(dateline.end)).toBe(story)
  })

  it('names the wire service of a wire dateline, and only of one', () => {
    expect(readDateline('（中央社記者林美華台北2日電）總統今天出席典禮。')?.wire).toBe('中央社')
    expect(readDateline('新華社北京4月7日電（記者張三）會議召開。')?.wire).toBe('新華社')
    expect(readDateline('本報訊（記者 王小明）經開區昨日簽約。')?.wire).toBeUndefined()
  })

  it('reads a credit line of its own', () => {
    expect(readDateline('文／圖　記者 林美華')).toMatchObject({ authors: ['林美華'], credit: true })
    expect(readDateline('文/图 记者 王小明')).toMatchObject({ authors: ['王小明'], credit: true })
    expect(readDateline('攝影：王小明')).toMatchObject({ authors: ['王小明'], credit: true })
    expect(readDateline('記者王小明／台北報導')).toMatchObject({
      authors: ['王小明'],
      credit: true,
    })
  })

  it('reads a dateline without a byline, naming nobody', () => {
    expect(readDateline('本報訊　經開區昨日舉辦論壇。')).toMatchObject({ authors: [], end: 4 })
    expect(readDateline('新華社北京4月7日電（國際在線）會議召開。')?.authors).toEqual([])
    expect(readDateline('央視網消息（新闻联播）：今年是长江十年禁渔的第四年。')?.authors).toEqual(
      [],
    )
  })

  it('can fail: sentences that only look like datelines or credits', () => {
    expect(readDateline('本報訊息量很大，讀者反映熱烈。')).toBeUndefined()
    expect(readDateline('這個網站訊息更新很快。')).toBeUndefined()
    expect(readDateline('台電今日宣布電價調整。')).toBeUndefined()
    expect(readDateline('文化部長林美華')).toBeUndefined()
    expect(readDateline('文／圖　記者林美華說，老街的茶行已有百年歷史。')).toBeUndefined()
    expect(readDateline('（本文僅代表作者觀點）')).toBeUndefined()
    expect(readDateline('(Q3)營收成長。')).toBeUndefined()
    // Brackets without a role name nobody: 國際在線 is not a reporter.
    expect(readDateline('本報訊（王小明）經開區昨日簽約。')?.authors).toEqual([])
  })
})

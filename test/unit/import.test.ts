import { describe, expect, it } from 'vitest'
import { withoutAnnotations } from '../../src/articles/import/annotations'
import { readDateline } from '../../src/articles/import/dateline'
import { FURNITURE_RULES, furnitureRule } from '../../src/articles/import/furniture'
import { furnitureLine } from '../../src/articles/import/furniture-line'
import {
  authorNames,
  metadataLine,
  parseNewsDate,
  standaloneDate,
} from '../../src/articles/import/metadata'
import { importPlainText } from '../../src/articles/import/plaintext'
import { readsAsSentence } from '../../src/articles/import/sentence'

const ZONE = 'Asia/Taipei'

describe('furniture rules', () => {
  const cases: Record<string, { drop: string[]; keep: string[] }> = {
    'print-controls': {
      drop: ['【打印】【關閉】', '列印本頁', '[打印本页] [关闭窗口]', '【打?】【關閉】'],
      keep: [
        '市府今日發布打印機採購案，預算逾千萬元，引發議員質疑。相關單位表示將依法辦理並公開資訊。',
        '打印機大廠宣布在本市設立研發中心與區域總部',
      ],
    },
    'font-size': {
      drop: ['字體：大 中 小', '【字号 大 中 小】', '字體：【大】【中】【小】', '字?：?大 中 小?'],
      keep: ['中小企業大會今日開幕，字體設計師出席。', '字體大中小企業聯合會成立'],
    },
    share: {
      drop: ['分享到：', '分享到：微信 微博 QQ空間', '【分享到】', '<span>分享到：</span>'],
      keep: [
        '他說，願意把經驗分享到各地。',
        '分享到各地的經驗，獲得許多回響與支持，主辦單位表示明年續辦',
      ],
    },
    'qr-code': {
      drop: ['掃描二維碼', '扫描二维码，分享此文章', '在您的設備上瀏覽本頁', '扫一扫 二维码'],
      keep: ['民眾可掃描現場海報上的連結報名。'],
    },
    'previous-next': {
      drop: ['上一篇：經開區舉辦論壇', '下一条：市长调研', '【下一篇】'],
      keep: ['上一篇報導提到，經開區的產值去年成長百分之八。'],
    },
    'footer-links': {
      drop: [
        '網站簡介 | 廣告服務 | 聯繫方式 | 法律聲明 | 關於我們',
        '关于我们 | 联系我们',
        '網站簡介',
      ],
      keep: ['記者聯繫方式已於文末註明，歡迎來信。'],
    },
    'bare-label': {
      drop: ['字體:', '字號：', '【收藏】', '返回頂部'],
      keep: ['字號：大中小學生書法比賽', '收藏家林先生'],
    },
    breadcrumb: {
      drop: ['當前位置：首頁 > 政務公開 > 通知公告', '您现在的位置：首页 » 新闻中心'],
      keep: ['當前位置偏遠，救援隊伍今晚才能抵達。'],
    },
    'view-count': {
      drop: ['瀏覽次數：1024', '阅读量：', '點擊數: 37'],
      keep: ['瀏覽次數：較去年增加三成', '閱讀量大增的原因，是學校推廣晨讀。'],
    },
    markup: {
      drop: ['<div class="article-info">', '</span></div>', '&nbsp;', '<!-- TRS -->'],
      keep: ['<b>重要</b>通知', '</p>市府宣布'],
    },
    'mangled-controls': {
      drop: ['【??】【??】', '??????', '? ? ?', '\uFFFD\uFFFD：\uFFFD'],
      keep: ['部分字元顯示為?或\uFFFD。', 'COVID-19疫苗?', 'Q&A：民眾最關心的??個問題'],
    },
  }

  it('has a test for every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(FURNITURE_RULES.map((r) => r.id).sort())
  })

  for (const [id, { drop, keep }] of Object.entries(cases)) {
    it(`${id}: drops its lines, and can fail: keeps real text`, () => {
      for (const line of drop) expect(furnitureRule(line)?.id, line).toBe(id)
      for (const line of keep) expect(furnitureRule(line)?.id, line).not.toBe(id)
      expect(keep.length).toBeGreaterThan(0)
    })
  }

  it('never drops a line that reads as a sentence, whatever it holds', () => {
    for (const line of [
      '分享到：微信，大家都說好。',
      '【打印】本頁的人很多，館方表示。',
      '當前位置：首頁。',
    ]) {
      expect(readsAsSentence(furnitureLine(line).plain), line).toBe(true)
      expect(furnitureRule(line), line).toBeUndefined()
    }
  })

  it('never reads a line longer than the cap', () => {
    expect(furnitureRule('分享到：' + '微信 '.repeat(200))).toBeUndefined()
  })

  it('reads a line without its markup fragments, entities and ?', () => {
    expect(furnitureLine('class="print">【打印本頁】</a>')).toMatchObject({
      plain: '【打印本頁】',
      skeleton: '打印本頁',
      markup: true,
    })
    expect(furnitureLine('字號：大 中 小<span class="').plain).toBe('字號：大 中 小')
    expect(furnitureLine('【??】&nbsp;')).toMatchObject({ plain: '【】', mangled: 2, visible: 4 })
    // Can fail: a `>` in the text is not the end of a tag.
    expect(furnitureLine('A > B').plain).toBe('A > B')
  })
})

describe('sentences', () => {
  it('end as sentences do, with a few words', () => {
    expect(readsAsSentence('他說，願意把經驗分享到各地。')).toBe(true)
    expect(readsAsSentence('「我只會念這兩個字。」')).toBe(true)
    expect(readsAsSentence('It takes effect in March.')).toBe(true)
    // Can fail: a `?` left by a broken encoding does not end a sentence; two words are not one.
    expect(readsAsSentence('分享到??')).toBe(false)
    expect(readsAsSentence('中。')).toBe(false)
    expect(readsAsSentence('上一篇：市長視察經開區')).toBe(false)
  })
})

describe('metadata lines', () => {
  it('recognises every label, with either colon', () => {
    const labels: [string, string][] = [
      ['發布時間', 'published'],
      ['发布时间', 'published'],
      ['發佈時間', 'published'],
      ['時間', 'published'],
      ['日期', 'published'],
      ['Date', 'published'],
      ['Published', 'published'],
      ['來源', 'source'],
      ['来源', 'source'],
      ['Source', 'source'],
      ['作者', 'author'],
      ['記者', 'author'],
      ['记者', 'author'],
      ['責任編輯', 'author'],
      ['责任编辑', 'author'],
    ]
    for (const [label, field] of labels) {
      for (const colon of [':', '：']) {
        expect(metadataLine(`${label}${colon} 值`), label).toEqual([{ field, label, value: '值' }])
      }
    }
  })

  it('reads English bylines with or without a colon', () => {
    for (const line of ['By Jane Doe', 'By: Jane Doe', 'By：Jane Doe', ' by :  Jane Doe ']) {
      expect(metadataLine(line), line).toEqual([
        { field: 'author', label: 'By', value: 'Jane Doe' },
      ])
    }
    expect(metadataLine('By Jane Doe and John Roe')![0]!.value).toBe('Jane Doe and John Roe')
  })

  it('can fail: a sentence that starts with By is not a byline', () => {
    expect(metadataLine('By the time the council met, the budget had passed.')).toBeUndefined()
    expect(metadataLine('By 2030 the city plans to plant trees')).toBeUndefined()
    expect(metadataLine('Bypass opens')).toBeUndefined()
  })

  it('splits several fields on one line', () => {
    expect(
      metadataLine('發布時間：2022年04月08日 10:30  來源：經開區管委會 | 作者：王小明'),
    ).toEqual([
      { field: 'published', label: '發布時間', value: '2022年04月08日 10:30' },
      { field: 'source', label: '來源', value: '經開區管委會' },
      { field: 'author', label: '作者', value: '王小明' },
    ])
    expect(metadataLine('【來源：新華社】')).toEqual([
      { field: 'source', label: '來源', value: '新華社' },
    ])
  })

  it('is not fooled by a sentence', () => {
    expect(metadataLine('時間過得很快，轉眼又是一年。')).toBeUndefined()
    expect(metadataLine('他說：來源不明的訊息不要轉傳。')).toBeUndefined()
  })

  it('recognises labels and values with phonetic annotations, however few', () => {
    const line = withoutAnnotations(
      '日(rì)期(qī)：2022年4月8日 作(zuò)者(zhě)：王(wáng)小(xiǎo)明(míng)',
    )
    expect(metadataLine(line)).toEqual([
      { field: 'published', label: '日期', value: '2022年4月8日' },
      { field: 'author', label: '作者', value: '王小明' },
    ])
    expect(withoutAnnotations('來（ㄌㄞˊ）源（ㄩㄢˊ）：中央社')).toBe('來源：中央社')
  })

  it('never reads a line longer than the cap', () => {
    expect(metadataLine('來源：' + '新'.repeat(400))).toBeUndefined()
    expect(metadataLine('來源：' + '新'.repeat(390))).toHaveLength(1)
  })
})

describe('news dates', () => {
  it.each([
    ['2022年04月08日', '2022-04-08', 'date'],
    ['2022年4月8日 10:30', '2022-04-08T10:30:00+08:00', 'time'],
    ['2022-04-08', '2022-04-08', 'date'],
    ['2022/04/08 10:30:00', '2022-04-08T10:30:00+08:00', 'time'],
    ['2022.04.08', '2022-04-08', 'date'],
    ['2022年4月8日10時30分', '2022-04-08T10:30:00+08:00', 'time'],
  ])('reads %s in the site zone, keeping its precision', (input, value, precision) => {
    expect(parseNewsDate(input, ZONE)).toMatchObject({ value, precision })
  })

  it('refuses what is not a date', () => {
    expect(parseNewsDate('不詳', ZONE)).toBeUndefined()
    expect(parseNewsDate('2022年13月40日', ZONE)).toBeUndefined()
    expect(parseNewsDate('2022年2月30日', ZONE)).toBeUndefined()
    expect(parseNewsDate('2022年2月3日 25:00', ZONE)).toBeUndefined()
  })

  it('reads a date standing alone on a line', () => {
    expect(standaloneDate('2024年3月5日', ZONE)).toMatchObject({
      value: '2024-03-05',
      precision: 'date',
    })
    expect(standaloneDate(' 2024-03-05 09:00 ', ZONE)?.value).toBe('2024-03-05T09:00:00+08:00')
    expect(standaloneDate('2024年3月5日 星期二', ZONE)?.value).toBe('2024-03-05')
    expect(standaloneDate('2024年3月5日（週二）', ZONE)?.value).toBe('2024-03-05')
  })

  it('can fail: a date that begins a sentence does not stand alone', () => {
    expect(standaloneDate('2024年3月5日，市府宣布新政策', ZONE)).toBeUndefined()
    expect(standaloneDate('2024年3月5日下午', ZONE)).toBeUndefined()
    expect(standaloneDate('20240305', ZONE)).toBeUndefined()
  })
})

describe('author names', () => {
  it('splits Chinese and Latin lists', () => {
    expect(authorNames('王小明 李四')).toEqual(['王小明', '李四'])
    expect(authorNames('王小明、李四')).toEqual(['王小明', '李四'])
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
  ])('reads the reporters of %s', (paragraph, authors, story) => {
    const dateline = readDateline(paragraph)!
    expect(dateline.authors).toEqual(authors)
    expect(paragraph.slice(dateline.end)).toBe(story)
  })

  it('reads a credit line of its own', () => {
    expect(readDateline('文／圖　記者 林美華')).toMatchObject({ authors: ['林美華'], credit: true })
    expect(readDateline('文/图 记者 王小明')).toMatchObject({ authors: ['王小明'], credit: true })
    expect(readDateline('攝影：王小明')).toMatchObject({ authors: ['王小明'], credit: true })
  })

  it('reads a dateline without a byline, naming nobody', () => {
    expect(readDateline('本報訊　經開區昨日舉辦論壇。')).toMatchObject({ authors: [], end: 4 })
    expect(readDateline('新華社北京4月7日電（國際在線）會議召開。')?.authors).toEqual([])
  })

  it('can fail: sentences that only look like datelines or credits', () => {
    expect(readDateline('本報訊息量很大，讀者反映熱烈。')).toBeUndefined()
    expect(readDateline('這個網站訊息更新很快。')).toBeUndefined()
    expect(readDateline('台電今日宣布電價調整。')).toBeUndefined()
    expect(readDateline('文化部長林美華')).toBeUndefined()
    expect(readDateline('文／圖　記者林美華說，老街的茶行已有百年歷史。')).toBeUndefined()
    // Brackets without a role name nobody: 國際在線 is not a reporter.
    expect(readDateline('本報訊（王小明）經開區昨日簽約。')?.authors).toEqual([])
  })
})

describe('authors in the import', () => {
  const page = (author: string) =>
    ['經開區簽約', author, '', '　　本報訊（記者 王小明）經開區昨日簽約。'].join('\n')

  it('come from the dateline when no author line names any', () => {
    const { fields, report } = importPlainText(page(''), 'text', ZONE)
    expect(fields.authors).toEqual([{ name: '王小明' }])
    expect(report.fields).toContainEqual({
      field: 'author',
      value: ['王小明'],
      line: 4,
      text: '　　本報訊（記者 王小明）經開區昨日簽約。',
    })
    // The dateline stays in the text; the summary starts at the story.
    expect(fields.content_text).toContain('本報訊（記者 王小明）')
    expect(fields.summary).toBe('經開區昨日簽約。')
  })

  it('can fail: an explicit author line wins', () => {
    const { fields } = importPlainText(page('作者：李四'), 'text', ZONE)
    expect(fields.authors).toEqual([{ name: '李四' }])
  })
})

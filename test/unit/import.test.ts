import { describe, expect, it } from 'vitest'
/**
 * The pieces the import's classifier reads lines with: furniture cues, sentences, metadata
 * lines. Dates, bylines and the classifier itself have their own files (import-*.test.ts).
 */
import { withoutAnnotations } from '../../src/articles/import/annotations'
import { FURNITURE_CUES, furnitureCue } from '../../src/articles/import/furniture'
import { furnitureLine } from '../../src/articles/import/furniture-line'
import { readMetadataLine } from '../../src/articles/import/metadata'
import { readsAsSentence } from '../../src/articles/import/sentence'

const ZONE = 'Asia/Taipei'

describe('furniture cues', () => {
  const cases: Record<string, { drop: string[]; keep: string[] }> = {
    'print-controls': {
      drop: ['【打印】【關閉】', '列印本頁', '[打印本页] [关闭窗口]', '【打?】【關閉】'],
      keep: [
        '市府今日發布打印機採購案，預算逾千萬元，引發議員質疑。相關單位表示將依法辦理並公開資訊。',
        '打印機大廠宣布在本市設立研發中心與區域總部',
      ],
    },
    'reading-time': {
      drop: ['4–5 minutes', '閱讀時間 2 分鐘', '3 min read', '3 分鐘'],
      keep: ['市民平均等候3分鐘即可入場，較去年縮短一半。', '5 minutes to midnight'],
    },
    'summary-box': {
      drop: [
        '摘要: 12月1日上午，仰光云南会馆在会馆礼堂隆重举行2025年度助学金颁发典礼 ...',
        '【内容提要】本文介绍了…',
      ],
      keep: ['提要求的市民可到服务中心登记，工作人员将在三个工作日内回复。', '摘要'],
    },
    'press-contact': {
      drop: ['傳媒查詢', 'Media Contact 媒体联络', 'Media enquiries 傳媒查詢', '新闻联络人：'],
      keep: ['传媒查询电话今日起更改，市民可致电新热线查询。', 'Media'],
    },
    'forum-controls': {
      drop: [
        '本帖最后由 penang_boy88 于 2-7-2025 09:25 AM 编辑',
        '本帖最後由 小明 於 2025-3-1 10:20 編輯',
        '回复主题 | 发表主题',
        '[回复] [引用] [举报]',
        '发表于 2-7-2025 09:41 AM | 显示全部楼层',
      ],
      keep: ['本帖由市议员发起，呼吁政府尽快回复居民的诉求，并举报违规停车。', '回复居民诉求'],
    },
    'font-size': {
      drop: [
        '字體：大 中 小',
        '【字号 大 中 小】',
        '字體：【大】【中】【小】',
        '字?：?大 中 小?',
        '字型大小：小 中 大',
      ],
      keep: ['中小企業大會今日開幕，字體設計師出席。', '字體大中小企業聯合會成立'],
    },
    share: {
      drop: [
        'Kongsi ini:',
        'Поделиться: VK  Telegram  WhatsApp  微信',
        'Plurk',
        '分享到：',
        '发送到 X  Facebook  LINE',
        'แชร์　Facebook　LINE',
        '分享到：微信 微博 QQ空間',
        '【分享到】',
        '<span>分享到：</span>',
        '分享 Facebook LINE 複製連結',
        'Facebook',
        'WhatsApp',
        '在 Telegram 上关注我们',
        '字級　LINE　FB　複製連結',
      ],
      keep: [
        '他說，願意把經驗分享到各地。',
        '字級　放大　縮小',
        '分享到各地的經驗，獲得許多回響與支持，主辦單位表示明年續辦',
      ],
    },
    'qr-code': {
      drop: [
        '掃描二維碼',
        '扫描二维码，分享此文章',
        '在您的設備上瀏覽本頁',
        '扫码下载APP',
        '扫一扫 二维码',
        '扫一扫，在手机打开当前页',
      ],
      keep: [
        '北京一社区试点“共享工具屋” 居民扫码借用电钻梯子',
        '民眾可掃描現場海報上的連結報名。',
        '掃描現場海報',
      ],
    },
    'previous-next': {
      drop: [
        '← 返回會館新聞',
        '上一篇：經開區舉辦論壇',
        '下一条：市长调研',
        '【下一篇】',
        '上一篇 Previous：我院开展义诊活动',
        'Next article: Hospital wins award',
      ],
      keep: [
        '上一篇報導提到，經開區的產值去年成長百分之八。',
        'Next year the hospital will expand.',
      ],
    },
    'footer-links': {
      drop: [
        'Penafian | Dasar Privasi | Peta Laman',
        '会社概要 | 個人情報保護方針 | 広告掲載について',
        '網站簡介 | 廣告服務 | 聯繫方式 | 法律聲明 | 關於我們',
        '关于我们 | 联系我们',
        '網站簡介',
      ],
      keep: ['記者聯繫方式已於文末註明，歡迎來信。'],
    },
    'bare-label': {
      drop: [
        '下載相片',
        '下載圖片',
        '华文版',
        '一覧に戻る',
        '字體:',
        '字號：',
        '返回頂部',
        '小字号',
        '回上頁',
        'A- A+  分享',
        '字級　分享　收藏',
      ],
      keep: ['字號：大中小學生書法比賽', '收藏家林先生', 'A股 分享'],
    },
    related: {
      drop: [
        'Berita Berkaitan',
        '関連記事',
        '活动照片（共12张）',
        '林秋月的其他報導',
        '相关新闻',
        '往期推荐',
        '往期回顧',
        '更多壹蘋新聞網報導',
        '相關照片（12）',
        '相關新聞：',
        '延伸閱讀',
        '熱門',
        '你可能也喜欢',
        '【更多新聞】',
        'Read more',
        '最受欢迎',
        '最多人看',
        '热点推荐',
        '24小时热点',
      ],
      keep: [
        '相關單位表示，將依法辦理。',
        '熱門景點湧入大批遊客',
        '更多人表示支持这项报道。',
        '最受欢迎的是一款抹茶冰淇淋。',
        '热点',
      ],
    },
    'click-here': {
      drop: ['更多南洋商报新闻，请点击这里', '點此看更多', '详情请点击此处。'],
      keep: ['他点此前从未见过的菜。', '民眾可點擊市府網站查詢。'],
    },
    copyright: {
      drop: [
        'Copyright © 2000-2024 XINHUANET.com All Rights Reserved.',
        '人民网版权所有，未经书面授权禁止使用',
        '本文所有內容受到著作權法保護，如無德國之聲特別授權，不得擅自使用。',
        '澎湃新闻，未经授权不得转载',
      ],
      keep: ['版權爭議延燒，出版社今天發表聲明', '他說，授權的範圍還在討論', '© WFP'],
    },
    'site-info': {
      drop: [
        'Paparan terbaik menggunakan Google Chrome, Mozilla Firefox dan Microsoft Edge.',
        '受付時間　平日 10:00～17:00（土日祝休み）',
        '主办单位：远安县人民政府办公室　承办单位：远安县大数据中心',
        '网站标识码：4211000001　鄂ICP备12345678号-1',
        '地址：远安县鸣凤镇人民路1号　联系电话：0716-1234567',
        '地址 Address：临江市滨江大道666号',
      ],
      keep: ['主辦單位表示，活動將延期舉行'],
    },
    app: {
      drop: ['下载星洲APP，随时掌握最新资讯', '新浪财经APP', '现在用APP看新闻 保证天天中奖'],
      keep: [
        '市府推出的APP上線三個月，下載量破十萬。',
        '高鐵提醒，旅客可透過「T Express」手機App、官網、超商及車站售票窗口購票，完成訂位後須在付款期限內取票。',
      ],
    },
    listen: {
      drop: ['收听新闻', '收聽新聞', '语音播报'],
      keep: ['收聽率調查出爐'],
    },
    correction: {
      drop: ['【纠错】', '我要糾錯', '【我要举报】'],
      keep: ['纠错机制上路'],
    },
    reactions: {
      drop: ['讚', '留言', '+1', '讚 留言'],
      keep: ['讚美詩班'],
    },
    attachment: {
      drop: ['Download PDF (华文)', '相關檔案', '相關附件', '住宅法部分條文修正草案總說明.pdf'],
      keep: ['附件中的資料顯示，預算增加三成'],
    },
    promo: {
      drop: [
        '收听SBS普通话节目，请点击这里。关注SBS中文微信公众号、微博和小红书。',
        'DW中文有Instagram！歡迎搜尋dw.chinese，或點擊這裡進入DW最新動態和精彩圖片分享。',
      ],
      keep: ['市民可关注市气象局微信公众号获取最新预警。', '详情请点击这里。'],
    },
    'follow-prompt': {
      drop: [
        '关注宜宾身边事，了解更多宜宾新鲜事！',
        '關注本台，獲取更多港澳資訊',
        '订阅我们，第一时间获取更多好文',
      ],
      keep: [
        '关注民生，了解群众需求是干部的基本功。',
        '市民关注新线开通，希望了解更多班次安排和票价信息。',
      ],
    },
    'related-link': {
      drop: [
        '【延伸閱讀】青衣巴士轉乘站改善工程完工　乘客候車不再日曬雨淋',
        '【相关新闻】多地发布高温预警',
      ],
      keep: ['【法官说法】', '【财新网】今天上午，多家银行宣布下调存款利率。'],
    },
    'release-label': {
      drop: [
        'Kenyataan Media, 文告',
        '[For Immediate Release]',
        '【即時發佈】',
        'PRESS RELEASE',
        '新聞稿 Comunicado de Imprensa',
      ],
      keep: [
        '公司今日即時發佈業績預告。',
        'For immediate release, the firm said',
        '新聞稿 今日發出',
      ],
    },
    'reprint-note': {
      drop: [
        '（本文刊载于《三联生活周刊》2025年第38期，原标题为《何家渡：最后一个夏天》）',
        '本文首發於《天下雜誌》831期',
        '本文出自商業周刊第1953期',
      ],
      keep: ['本文刊载于今天的报纸上。', '他的文章刊载于《人民日报》。'],
    },
    search: {
      drop: ['搜索', '搜索股票、组合、用户', '請輸入關鍵字', 'Search news'],
      keep: ['搜索引擎', '搜索隊今天在山區找到失聯的登山客。', '検索'],
    },
    ad: {
      drop: ['贊助廣告', '廣告', 'Advertisement', '【广告】悉尼专业搬家 一站式服务 0400 000 000'],
      keep: ['廣告業者表示，景氣回溫。'],
    },
    rule: {
      drop: ['*****************', '------', '＝＝＝＝＝', '* * *'],
      keep: ['***重要***', '。。。。。'],
    },
    'end-code': {
      drop: ['NNNN'],
      keep: ['NNNNews'],
    },
    disclaimer: {
      drop: [
        '本网站所刊载信息，不代表本网观点。',
        '※ PeoPo 公民新聞平台上的內容由公民記者自行上傳，不代表公共電視立場。',
        '1.本資料為MoneyDJ理財網編輯整理，僅供參考。本公司對資料之正確性與及時性不負任何責任。',
        '※ 本文為作者觀點，不代表本網站立場。',
        '本資料由公司自行輸入，如有疑義，請洽詢各該公司。',
        '郑重声明：东方财富发布此信息的目的在于传播更多信息，与本站立场无关。',
        '免責聲明：本文僅供參考',
        '本文仅代表作者本人观点，不代表平台立场。',
        '本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性承担法律责任。',
        '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。',
        'Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao.',
        '声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担',
        '版权声明：凡本网注明“来源：中国科学报”的所有作品，网站转载，请在正文上方注明来源和作者。',
        '声明：转载此文是出于传递更多信息之目的。若侵犯了您的合法权益，请与本网联系。',
        '本文为转载文章，如有侵权请联系我们删除。',
        '【声明】本文为金凤凰中文报编译，转载请注明出处。',
      ],
      keep: [
        '该负责人表示，这一说法不代表本市的最终决定，具体方案仍在研究中。',
        '公司声明，相关报道存在虚假内容，已向警方报案。',
        '版权声明这一做法在出版业已有百年历史。',
        '法院认定，被告的行为侵犯了原告的合法权益。',
        '他在声明中表示，转载时请注明出处是基本礼貌。',
      ],
    },
    'news-tips': {
      drop: [
        '红星新闻报料：请拨打报料热线028-86612222，或下载红星新闻APP，进入“红星帮帮”频道报料。',
        '（下载红星新闻，报料有奖！）',
        '《上報》讀者服務：有任何新聞爆料，請來信至 news@upmedia.mg',
      ],
      keep: ['警方表示，案件由群众报料后立案侦查，目前嫌疑人已被刑事拘留。'],
    },
    hashtags: {
      drop: ['#偏鄉教育 #圖書館 #屏東', '#流感疫苗 #疾管署 #公費疫苗 #H3N2'],
      keep: ['#MeToo運動在台灣延燒，多名受害者站出來發聲。'],
    },
    cookies: {
      drop: [
        '本網站使用 Cookies 以提升閣下的瀏覽體驗。繼續瀏覽即表示閣下同意我們的 私隱政策。',
        '本網頁使用Cookies。繼續瀏覽本網站，即表示您同意使用Cookies。了解更多',
        'We use cookies to improve your experience. Accept all cookies',
      ],
      keep: ['研究人员发现，浏览器的cookie机制存在安全漏洞，已通报厂商修补。'],
    },
    contributors: {
      drop: [
        'Mika Tanaka contributed reporting.',
        '作者系某高校经济学院副教授',
        '（作者是本地大学社会学讲师）',
        'Mika Tanaka对本文有报道贡献。',
        '（德新社、rbb）',
        'Associated Press writer Jane Roe contributed to this report.',
      ],
      keep: [
        '（記者王小明）',
        '分析人士认为，新政策对本文所述企业的贡献有限。',
        'She contributed reporting to the inquiry, officials said.',
      ],
    },
    comments: {
      drop: [
        '1 則迴響',
        '回應（2）',
        '网友评论',
        '論壇 評論',
        '最新评论',
        '说两句吧',
        '共 23 条评论',
        '评论 (3)',
        '留言（12）',
      ],
      keep: ['评论员文章指出，改革仍需深化。', '评论', '评论(三)'],
    },
    subscribe: {
      drop: [
        '本文為付費內容，訂閱端會員即可閱讀全文',
        '訂閱亞洲週刊　紙本及電子版',
        '已是會員？登入',
        '年度會員 每月低至 HK$ 30 · 首月 HK$ 1',
        '訂閱端傳媒每日簡報',
        '本文為會員專享的後半部分已開放試讀',
        '上下游News&Market 是由讀者支持的獨立媒體。您的支持，是我們持續深入產地的力量。▶ 成為上下游會員',
        '订阅透视大马中文版，掌握第一手新闻。',
        '如果您喜歡我們的文章，請支持環境資訊中心，每月小額捐款，讓報導能持續下去。',
      ],
      keep: [
        '市民可訂閱政府的天氣警告短訊服務，及早掌握颱風消息。',
        '會員大會今日舉行',
        '他去年成為協會會員，今年當選理事。',
        '订阅人数突破十万，平台掌握最新的用户数据。',
        '市府推動小額捐款平台，民眾反應熱烈。',
      ],
    },
    player: {
      drop: [
        '▶ 影片播放 02:14',
        '▶ 01:58',
        '[视频] 00:45',
        '新聞片段 01:56',
        '▶ 全场集锦 03:12',
        '▶ 播放影片',
      ],
      keep: ['播放時間為晚上八點。', '▶ 比分 2:1。'],
    },
    support: {
      drop: ['成為《報導者》贊助者', '贊助我們', '支持我们', '打赏作者', '立即捐款', '我要捐款'],
      keep: ['市府宣布支持我們的提案，明年起補助社區巴士。', '贊助商名單將於下週公布'],
    },
    'page-label': {
      drop: ['公告正文', '新闻详情', '华宇精机(603987)公告正文', '【文章詳情】'],
      keep: [
        '二十届三中全会公报全文',
        '正文内容请以印发文件为准。',
        '详情请见附件。',
        '正文。',
        '正文',
      ],
    },
    breadcrumb: {
      drop: [
        '當前位置：首頁 > 政務公開 > 通知公告',
        '您现在的位置：首页 » 新闻中心',
        'Current Location: Home > News > Hospital News',
      ],
      keep: [
        '當前位置偏遠，救援隊伍今晚才能抵達。',
        'Current location of the typhoon is uncertain.',
      ],
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

  it('has a test for every cue', () => {
    expect(Object.keys(cases).sort()).toEqual(FURNITURE_CUES.map((r) => r.id).sort())
  })

  for (const [id, { drop, keep }] of Object.entries(cases)) {
    it(`${id}: takes its lines, and can fail: leaves real text`, () => {
      for (const line of drop) expect(furnitureCue(line)?.id, line).toBe(id)
      for (const line of keep) expect(furnitureCue(line)?.id, line).not.toBe(id)
      expect(keep.length).toBeGreaterThan(0)
    })
  }

  it('takes no line that reads as a sentence, but for small print', () => {
    for (const line of [
      '分享到：微信，大家都說好。',
      '【打印】本頁的人很多，館方表示。',
      '當前位置：首頁。',
    ]) {
      expect(readsAsSentence(furnitureLine(line).plain), line).toBe(true)
      expect(furnitureCue(line), line).toBeUndefined()
    }
    const notice = '本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。'
    expect(furnitureCue(notice)?.id).toBe('copyright')
    // Inside the story, a sentence is story whatever it holds.
    expect(furnitureCue(notice, true)).toBeUndefined()
  })

  it('never reads a line longer than the cap', () => {
    expect(furnitureCue('分享到：' + '微信 '.repeat(200))).toBeUndefined()
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
  const fields = (line: string) =>
    readMetadataLine(line, ZONE)?.map((m) => [m.field, m.label ?? null, m.value])

  it('recognises every label, with either colon', () => {
    const labels: [string, string][] = [
      ['發布時間', 'published'],
      ['发布时间', 'published'],
      ['發佈時間', 'published'],
      ['出版', 'published'],
      ['時間', 'published'],
      ['日期', 'published'],
      ['Date', 'published'],
      ['Published', 'published'],
      ['更新時間', 'updated'],
      ['更新', 'updated'],
      ['來源', 'source'],
      ['来源', 'source'],
      ['資料來源', 'source'],
      ['Source', 'source'],
      ['作者', 'author'],
      ['記者', 'author'],
      ['记者', 'author'],
      ['撰文', 'author'],
      ['報道', 'author'],
      ['責任編輯', 'editor'],
      ['责任编辑', 'editor'],
      ['責編', 'editor'],
      ['攝影', 'photographer'],
      ['關鍵字', 'keywords'],
    ]
    for (const [label, field] of labels) {
      for (const colon of [':', '：']) {
        expect(fields(`${label}${colon} 值`), label).toEqual([[field, label, '值']])
      }
    }
  })

  it('reads a label it does not know by its shape, and says so', () => {
    expect(fields('索引号：11410000/2024-00012　　主题分类：城乡建设')).toEqual([
      ['other', '索引号', '11410000/2024-00012'],
      ['keywords', '主题分类', '城乡建设'],
    ])
    expect(fields('標　　題：通知')).toEqual([['other', '標題', '通知']])
    // A phrase after a label nobody reads may be a headline (`浙江杭州：…`): it says so.
    expect(readMetadataLine('浙江杭州：太子湾公园早樱进入盛花期', ZONE)).toEqual([
      { field: 'other', label: '浙江杭州', value: '太子湾公园早樱进入盛花期', prose: true },
    ])
  })

  it('reads labels written with a slash: 文／, 发布/', () => {
    expect(fields('发布/2024年3月5日 14:32')).toEqual([['published', '发布', '2024年3月5日 14:32']])
    expect(fields('文 / 王小明')).toEqual([['author', '文', '王小明']])
    expect(fields('文／圖　記者 林美華')).toEqual([['author', '文', '記者 林美華']])
    // Can fail: a path is not a label.
    expect(fields('首頁 / 生活')).toBeUndefined()
  })

  it('reads English bylines with or without a colon', () => {
    for (const line of ['By Jane Doe', 'By: Jane Doe', 'By：Jane Doe', ' by :  Jane Doe ']) {
      expect(readMetadataLine(line, ZONE)?.[0]?.byline?.authors, line).toEqual(['Jane Doe'])
    }
    expect(readMetadataLine('By Jane Doe and John Roe', ZONE)![0]!.byline!.authors).toEqual([
      'Jane Doe',
      'John Roe',
    ])
    expect(readMetadataLine('By Lin Mei-hua / Staff reporter', ZONE)![0]!.byline!.authors).toEqual([
      'Lin Mei-hua',
    ])
    expect(readMetadataLine('By John Chan　記者 陳大文', ZONE)![0]!.byline!.authors).toEqual([
      'John Chan',
      '陳大文',
    ])
  })

  it('can fail: a sentence that starts with By is not a byline', () => {
    expect(readMetadataLine('By the time the council met, the budget had passed.', ZONE)).toBe(
      undefined,
    )
    expect(readMetadataLine('By 2030 the city plans to plant trees', ZONE)).toBeUndefined()
    expect(readMetadataLine('Bypass opens', ZONE)).toBeUndefined()
  })

  it('splits several fields on one line, dates with or without a label among them', () => {
    expect(fields('發布時間：2022年04月08日 10:30  來源：經開區管委會 | 作者：王小明')).toEqual([
      ['published', '發布時間', '2022年04月08日 10:30'],
      ['source', '來源', '經開區管委會'],
      ['author', '作者', '王小明'],
    ])
    expect(fields('【來源：新華社】')).toEqual([['source', '來源', '新華社']])
    expect(fields('发布时间：2024-03-05　来源：县应急管理局　作者：王小明　浏览次数：326')).toEqual(
      [
        ['published', '发布时间', '2024-03-05'],
        ['source', '来源', '县应急管理局'],
        ['author', '作者', '王小明'],
        ['views', '浏览次数', '326'],
      ],
    )
    expect(fields('2024-03-05 14:32:10 来源：新华网')).toEqual([
      ['date', null, '2024-03-05 14:32:10'],
      ['source', '来源', '新华网'],
    ])
    expect(fields('来源：中国日报网 2024-03-05 14:32')).toEqual([
      ['source', '来源', '中国日报网'],
      ['date', null, '2024-03-05 14:32'],
    ])
    expect(fields('2024年03月05日08:27 | 来源：人民网－人民日报')).toEqual([
      ['date', null, '2024年03月05日08:27'],
      ['source', '来源', '人民网－人民日报'],
    ])
  })

  it('reads the outlet and the byline printed beside a date, and an update in brackets', () => {
    expect(fields('2024年03月05日 17:05 新浪财经')).toEqual([
      ['date', null, '2024年03月05日 17:05'],
      ['outlet', null, '新浪财经'],
    ])
    expect(fields('2024-03-05 14:32 聯合報／ 記者林佳慧／台北即時報導')).toEqual([
      ['date', null, '2024-03-05 14:32'],
      ['byline', null, '聯合報／ 記者林佳慧／台北即時報導'],
    ])
    expect(
      readMetadataLine('2024/03/02 14:32（3/2 15:10 更新）', ZONE)?.map((m) => m.date?.value),
    ).toEqual(['2024-03-02T14:32:00+08:00', '2024-03-02T15:10:00+08:00'])
    expect(fields('2024/03/02 14:32（3/2 15:10 更新）')?.map((f) => f[0])).toEqual([
      'date',
      'updated',
    ])
    expect(fields('2024年3月5日（星期二）')).toEqual([['date', null, '2024年3月5日']])
    expect(fields('香港時間14時32分')).toEqual([['time', null, '香港時間14時32分']])
    // Can fail: an outlet alone is a masthead; a date followed by a clause is a sentence.
    expect(fields('國語日報')).toBeUndefined()
    expect(fields('2024年3月5日下午')).toBeUndefined()
    expect(fields('2024年3月5日，市府宣布新政策')).toBeUndefined()
  })

  it('is not fooled by a sentence', () => {
    expect(readMetadataLine('時間過得很快，轉眼又是一年。', ZONE)).toBeUndefined()
    expect(readMetadataLine('他說：來源不明的訊息不要轉傳。', ZONE)).toBeUndefined()
    expect(
      readMetadataLine('各位居民：为提高辖区居民健康水平，社区将提供体检。', ZONE),
    ).toBeUndefined()
  })

  it('recognises labels and values with phonetic annotations, however few', () => {
    const line = withoutAnnotations(
      '日(rì)期(qī)：2022年4月8日 作(zuò)者(zhě)：王(wáng)小(xiǎo)明(míng)',
    )
    expect(fields(line)).toEqual([
      ['published', '日期', '2022年4月8日'],
      ['author', '作者', '王小明'],
    ])
    expect(withoutAnnotations('來（ㄌㄞˊ）源（ㄩㄢˊ）：中央社')).toBe('來源：中央社')
  })

  it('never reads a line longer than the cap', () => {
    expect(readMetadataLine('來源：' + '新'.repeat(400), ZONE)).toBeUndefined()
    expect(readMetadataLine('來源：' + '新'.repeat(390), ZONE)).toHaveLength(1)
  })
})

/**
 * The words and patterns the furniture cues (furniture.ts) look for, Traditional and Simplified:
 * controls, prompts, link rows, headings of related lists, small print.
 */
import { PAGE_KINDS } from './byline-words'

const words = (...list: string[]) => new RegExp(`(?:${list.join('|')})`, 'i')

export const FOOTER_LINKS = words(
  '網站簡介|网站简介|廣告服務|广告服务|聯繫方式|联系方式|聯繫我們|联系我们|聯絡我們|法律聲明|法律声明',
  '關於我們|关于我们|版權聲明|版权声明|網站地圖|网站地图|隱私權政策|隐私政策|服務條款|服务条款',
  '会社概要|個人情報保護方針|広告掲載|サイトマップ|お問い合わせ|Penafian|Dasar Privasi|Peta Laman',
)
export const CONTROL_LABELS = new Set(
  (
    '字體 字体 字號 字号 字級 字级 小字号 大字号 字體大小 字体大小 字型 分享到 分享至 分享 打印 列印 打印本頁 ' +
    '打印本页 收藏 關閉 关闭 關閉窗口 关闭窗口 返回頂部 返回顶部 回到頂部 回到顶部 回上頁 回上页 ' +
    '回上一頁 回上一页 回首頁 回首页 返回 返回列表 返回首頁 返回首页 返回目錄 返回目录 我要糾錯 ' +
    '我要纠错 純文本 纯文本 放大 縮小 缩小 默認 默认 還原 还原 登入 登录 註冊 注册 網站導覽 网站导航 ' +
    '無障礙 无障碍 跳到主要內容區塊 跳到主要內容 跳至主要內容 跳到主要内容 TOP 查看PDF原文 ' +
    '查看原文 下载PDF 下載PDF PDF原文 PDF下载 PDF下載 阅读下一篇 閱讀下一篇 下載圖片 下载图片 下載相片 下载相片 华文版 華文版 中文版 英文版 一覧に戻る このページの先頭へ ページの先頭へ A'
  ).split(' '),
)
export const PLATFORMS = new Set(
  (
    'facebook fb line x twitter whatsapp telegram weibo wechat email threads instagram youtube linkedin plurk 微信 ' +
    '电子邮件 電子郵件 电邮 電郵 邮件 郵件 ' +
    '微博 qq qq空間 qq空间 朋友圈 抖音 複製連結 复制链接 copylink 複製網址 复制网址 列印 分享 分享到 ' +
    '分享至 share sharethis แชร bagikan kongsi vk поделиться'
  ).split(' '),
)
/** A related-stories heading, the whole line (its brackets and colon aside). */
export const RELATED = new RegExp(
  '^(?:' +
    [
      '相[关關](?:查核)?(?:新[闻聞]|[阅閱][读讀]|文章|[报報][道導]|[报報]告|[链連][接結]|推[荐薦]|[图圖]片|照片|[内內]容)?(?: (?:related(?: links| news| stories)?))?',
      '本版(?:其他)?新[闻聞]|本版[导導][读讀]',
      '延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|[热熱][门門](?:新[闻聞]|推[荐薦]|文章|[话話]题|排行|快[报報])?|24小[时時][热熱][点點]|[热熱][点點](?:推[荐薦]|新[闻聞]|[关關]注|排行)',
      '最受[欢歡]迎(?:的)?(?:文章|新[闻聞]|[报報][道導])?|最多人(?:[看读讀]|[阅閱][读讀])|[你您]可能(?:也|还|還)?(?:喜[欢歡]|感[兴興]趣)|[你您]可能(?:[会會])?有[兴興]趣|猜你喜[欢歡]|更多新[闻聞]|更多(?:[报報][道導]|文章)?',
      '往期(?:推[荐薦]|回[顾顧]|精[选選]|[阅閱][读讀])|[历歷]史文章|最新(?:消息|新[闻聞]|文章)|(?:作者|[他她]的)(?:最新|其他|其它|更多)?文章|精彩推[荐薦]|[编編][辑輯]推[荐薦]|大家都在看|看更多|推[荐薦]',
      '更多.{1,8}(?:[报報][道導]|新[闻聞]|文章)|(?:相[关關](?:照片|[图圖]片)|相片集|照片集|[图圖]集|\\p{Script=Han}{0,4}照片)\\s*[（(](?:共\\s*)?\\d+\\s*[张張]?[)）]',
      '[関关]連記事|[関关]連ニュース|\\p{Script=Han}{2,4}的其他[报報][道導]',
      'read more|read also|related(?: (?:news|stories|articles|posts|fact checks))?|more stories|you may also like|most popular|latest news|berita berkaitan|berita terkait',
    ].join('|') +
    ')$',
  'iu',
)
export const PREVIOUS_NEXT =
  /^[\s【[]*(上一篇|下一篇|上一條|下一條|上一条|下一条|上一頁|下一頁|上一页|下一页|上一版|下一版)[\s】\]]*(?:(?:Previous|Next)(?:\s(?:article|post|story))?\s*)?([:：]|$|[\s\u3000|｜]+(?:下一篇|下一條|下一条|下一頁|下一页|下一版)$)|^(?:Previous|Next)(?:\s(?:article|post|story))?\s*[:：]|^[←«‹]\s*(?:返回|回到|back to)\s?\S{0,12}$/i
export const QR_CODE =
  /掃一掃|扫一扫|(?:^|[，,。！!])\s*(?:掃碼|扫码)|(?:掃碼|扫码)(?:下[载載]|[关關]注|[阅閱][读讀]|查看|收[听聽]|[观觀]看|[进進]入|加入|[关關]注|打[开開])|(?:掃碼|扫码)$|(掃描|扫描|掃瞄).{0,6}(二維碼|二维码|QR)|^(二維碼|二维码)|在您的(設備|设备)上(瀏覽|浏览)本(頁|页)/
export const BREADCRUMB =
  /^(當前位置|当前位置|您的位置|您現在的位置|您现在的位置|您當前的位置|您当前的位置|現在位置|所在位置)|^(?:Current (?:Location|Position)|You are here)\s*[:：]/i
export const VIEW_COUNT =
  /^(瀏覽次數|浏览次数|點擊數|点击数|點擊量|点击量|閱讀數|阅读数|閱讀量|阅读量|瀏覽量|浏览量|訪問量|访问量|閱讀次數|阅读次数)\d*(次)?$/
/** A prompt to follow a link, which a pasted page keeps without its link. */
export const CLICK_HERE =
  /(?:请|請)?(?:点击|點擊|点|點)(?:这里|這裡|这儿|此处|此處|此)(?:[看查]|$|[。！!]?$)|(?:查看|閱讀|阅读)更多(?:[内內]容|新[闻聞]|精彩)?$|^(?:在[网網]站)?[阅閱][读讀]全文\s*[›>»]?$/
export const COPYRIGHT = words(
  '©|copyright|all rights reserved|版[权權]所有|著作[权權][归歸]|版[权權]部|未[经經].{0,8}?(?:书面|書面)?(?:授[权權]|许可|許可)|不得.{0,4}[转轉][载載]|禁止.{0,4}[转轉][载載]|[违違]者必究|no reproduction without permission|受(?:到)?著作[权權]法保[护護]|受(?:到)?版[权權]保[护護]|版[权權][归歸](?:原)?作者(?:所有)?',
)
/**
 * Disclaimers: a site's (`不代表本网观点`, `与本站立场无关`, `免责声明：`, `文章仅代表作者观点`)
 * and the assurance every listed company's board prints atop its announcements
 * (`…保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏`), and a financial site's note that
 * it gives no investment advice (`…不构成实质性投资建议，据此操作风险自担`).
 */
export const DISCLAIMER =
  /^(?:免[责責][声聲]明|[郑鄭]重[声聲]明|特[别別][声聲]明|平台[声聲]明|版[权權][声聲]明|[转轉][载載][声聲]明|[转轉][载載][须須]知)\s*[:：]|^Notice\s*:\s*[Tt]he content above|[仅僅]提供信息存[储儲]服[务務]|不代表(?:本(?:[网網]站|[网網]|站|[报報]|台|平台|[刊号號])|[\u4e00-\u9fffA-Za-z]{1,8}?(?:新[闻聞]|[网網]|平台|[号號]|[电電][视視]|台))(?:的)?(?:[观觀]点|[观觀][點点]|立[场場])|[与與]本(?:[网網]|站|平台)立[场場]无[关關]|[與与]本(?:[网網]|站|平台)立[場场]無[關关]|[仅僅]代表(?:[该該])?作者(?:或机构|或機構)?(?:本人|个人|個人)?(?:的)?(?:[观觀][点點]|立[场場])|(?:[观觀][点點]|立[场場])[仅僅]代表作者|[纯純][属屬]作者(?:个人|個人|本人)?[观觀][点點]|保[证證]本公告[内內]容不存在(?:任何)?[虚虛]假[记記][载載]|不存在任何[虚虛]假[记記][载載]、[误誤][导導]性[陈陳]述|不[构構]成(?:任何|实质性|實質性)?投[资資]建[议議]|据此操作[，,]?[风風][险險]自[担擔負负]|本[資资]料由.{0,16}自行[輸输]入|如有疑[義义][，,]?[請请](?:洽[詢询]|[联聯][系繫絡])|[转轉][载載].{0,10}[传傳](?:[递遞]|播)更多信息|如有侵[权權]|[仅僅]供[参參]考.{0,30}不[负負](?:任何)?[责責]任|侵犯了?(?:您|你)的(?:合法)?[权權]益|本文[为為][转轉][载載]|^[【[](?:声明|聲明)[】\]]|[转轉][载載][请請][注註]明出[处處]/
export const SITE_INFO =
  /(?:主[办辦]|承[办辦]|[协協][办辦])[单單]位\s*[:：]|(?:[网網]站[标標][识識][码碼]|[联聯][系繫絡][电電][话話]|技[术術]支持|[网網]站[维維][护護]|地址|服[务務][热熱][线線])(?:\s[A-Za-z][A-Za-z -]{0,24})?\s*[:：]|ICP[备備證证]|公[网網]安[备備]|^受付[時时][間间][\s\u3000:：]|^Paparan terbaik/
export const APP =
  /(?:下[载載]|打[开開]|用|看|安[装裝]).{0,12}(?:APP|App|app|客[户戶]端)|(?:APP|App)\s*[，,、]|客[户戶]端[下看]/
export const LISTEN =
  /^(收[听聽]新[闻聞]|收[听聽]|[朗]读全文|朗[读讀]|[语語]音播[报報]|播放|[听聽]新[闻聞]|[听聽]全文)$/
export const CORRECTION = /^(我要)?(纠错|糾錯|举报|舉報)$/
export const REACTIONS =
  /^(讚|赞|留言|評論|评论|收藏|[点點][赞讚]|在看|[转轉][发發]|打[赏賞]|[讚赞]好|回[应應]|\+1|我要[举舉][报報])+$/
/**
 * Who else reported, as a story's last line: `Mika Tanaka contributed reporting.`,
 * `…对本文有报道贡献。`, the agencies it drew on in brackets (`（德新社、rbb）`).
 */
export const CONTRIBUTORS =
  /^[（(]?\s*(?:作者|筆者|笔者)(?:系|是|為|为|現為|现为|現任|现任)[^。（）()]{2,40}[。.]?\s*[）)]?$|^[（(](?![^）)]*(?:记者|記者|通[讯訊]员|通[讯訊]員|实习生|實習生|[:：]))(?=[^）)]*(?:社|AFP|Reuters|dpa|AP\b|Bloomberg|Kyodo))[^（）()。，,]{2,40}[）)]$|contributed (?:reporting|research|to this (?:report|article|story))\.?$|(?:对|對)本文(?:的)?(?:有)?(?:报道|報導|報道|采访|採訪)?(?:贡献|貢獻)。?$|(?:亦|也)?(?:有|參與|参与)?(?:协助|協助)(?:采访|採訪|报道|報導)。?$/i
/** Cookie banners: `本網站使用 Cookies…繼續瀏覽即表示閣下同意…`, `We use cookies…`. */
export const COOKIES =
  /(?:使用|接受|同意|啟用|启用).{0,24}(?:cookies?|小型文字檔案|小甜餅)|(?:cookies?|小型文字檔案).{0,40}(?:同意|接受|政策|設定|设置|了解更多)|\b(?:we|this (?:site|website)) uses? cookies|accept (?:all )?cookies/i
/** Calls for news tips: `红星新闻报料：请拨打报料热线…`, `有任何新聞爆料，請來信至…`. */
export const NEWS_TIPS =
  /(?:[报報]料|爆料)(?:[热熱]线|[热熱]線|[电電][话話]|信箱|[邮郵]箱|有[奖獎]|[，,]?\s*[请請](?:[来來]信|拨打|撥打|致电|致電|联系|聯繫))|新[闻聞]爆料/
/** A line of hashtags alone: `#偏鄉教育 #圖書館 #屏東`. */
export const HASHTAGS = /^(?:[#＃][^\s#＃]{1,24}\s*){2,}$/
/**
 * Paywall and newsletter prompts: `本文為付費內容，訂閱會員即可閱讀全文`, `已是會員？登入`,
 * `本文為會員專享…`, an appeal ending with its link (`…▶ 成為上下游會員`), `订阅透视大马中文版，
 * 掌握第一手新闻。`, a donation appeal (`請支持…，每月小額捐款…`).
 */
export const SUBSCRIBE =
  /付[费費]内容|付[費费]內容|[订訂][阅閱].{0,10}(?:[会會]員|[会会]员|全文|[简簡][报報]|[电電]子[报報版]|[纸紙]本|通[讯訊]|newsletter)|已是[会會][员員]|成[为為](?:付[费費])?[会會][员員]|成[为為][^，,。\s]{1,8}?[会會][员員]\s*$|解[锁鎖]全文|^[订訂][阅閱][^，,。]{1,16}[，,]掌握(?:第一手|最新)(?:新[闻聞]|[资資][讯訊]|消息|[动動]态)|[請请]支持.{1,12}[，,]?.{0,6}小[額额]捐款|[订訂][阅閱]即可|[会會][员員][专專][享属屬]|每月低至|首月\s*(?:HK)?\$|subscribe to (?:read|continue)|正在[阅閱][读讀]的是免[费費]文章|立即[订訂][阅閱]$|[订訂][阅閱].{0,16}(?:WhatsApp|Telegram|LINE)\s*(?:[频頻]道|好友)?|^加入.{0,12}LINE\s*好友|^Follow us on (?:Telegram|WhatsApp|Facebook|Instagram|X|LINE)\b/i
/**
 * A media player's controls and label: `▶ 影片播放 02:14`, `[视频] 00:45`, `新聞片段 01:56`,
 * `▶ 全场集锦 03:12`.
 */
export const PLAYER =
  /^[▶►]\s*(?:播放|觀看|观看)(?:影片|視頻|视频|新聞|新闻)?$|^[▶►]\s*[^\s\d。，]{0,8}\s*\d{1,2}:\d{2}$|^(?:[▶►]\s*)?(?:\[(?:视频|視頻|影片|音频|音頻|video)\]|(?:影片|视频|視頻|音频|音頻)?播放|(?:新聞|新闻|影片|视频|視頻)片段)\s*\d{1,2}:\d{2}$/i
/**
 * The heading of a comments section, the whole line: `网友评论`, `論壇 評論`, `最新评论`, and a
 * bare `评论` with its count (`评论 (3)`), which alone is a reaction button.
 */
export const COMMENTS =
  /^(?:(?:网友|網友|热门|熱門|最新|全部|精彩|读者|讀者)[评評][论論]|[评評][论論][区區]|[说說][两兩]句吧?|[发發]表[评評][论論]|[论論][坛壇]\s*[评評][论論]|共\s*\d+\s*[条條][评評][论論]|(?:Reader\s)?Comments)(?:\s*[（(]?\d*[)）]?)$|^(?:[评評][论論]|留言|回[应應]|回[复覆])\s*[（(]\d+[)）]$|^(?:读者|讀者)(?:回响|迴響|回響)$|^\d+\s*[则則条條]\s*(?:留言|[评評][论論]|回[应應覆]|[迴回][響响])$|^Leave a (?:Reply|Comment)$|^Your email address will not be published|^[发發][表佈布]留言$|[电電]子[邮郵]件地址不[会會]公[开開]/i
/** Prompts to pay for the journalism: `成為《報導者》贊助者`, `贊助我們`, `支持我们`, `打赏作者`. */
export const SUPPORT =
  /^支持(?:独立|獨立)(?:新闻|新聞|媒体|媒體)[，,]?.{0,12}$|^(?:立即|馬上|马上)?(?:成為|成为|加入).{0,12}(?:贊助者|赞助者|贊助會員|赞助会员|會員|会员|訂戶|订户)$|^(?:贊助|赞助|支持|捐款支持|捐助)(?:我們|我们|本站|本刊)$|^(?:打[賞赏]|[讚赞][賞赏])(?:作者|一下)?$|^(?:立即|我要)?(?:捐款|小額捐款|小额捐款)$|^(?:成為|成为)(?:訂戶|订户|會員|会员)[，,]\s*支持.{0,12}$/
export const FOLLOW =
  /(?:[关關]注|追蹤|追踪|訂閱|订阅)我[们們]|follow us|加入.{0,12}LINE\s*好友|[关關]注.{0,16}(?:公众号|公眾號|微博|小红书|小紅書)/i
export const ATTACHMENT =
  /^(?:相[关關](?:附件|[档檔]案)|附件(?:下[载載])?|下[载載]附件)$|\.(?:pdf|docx?|xlsx?|pptx?|zip)$|^Download PDF(?:\s*[（(][^（）()]{1,8}[)）])?$|^下[载載].{1,20}[（(](?:PDF|DOCX?|XLSX?)[，,\s].{0,12}[)）]$/i
export const END_CODE = /^(NNNN|＃＃＃|###)$/
/** A link's words anywhere in a line: `请点击这里`, `點擊這裡`. */
export const CLICK_HERE_WORDS = /[点點][击擊](?:这里|這裡|此处|此處|这儿|這兒)|click here/i
/** What a promotion asks: follow, listen, subscribe, search for the account. */
export const FOLLOW_OR_LISTEN =
  /[关關]注|追蹤|追踪|[订訂][阅閱]|收[听聽]|[欢歡]迎搜[索尋]|follow|subscribe|listen/i
/** An account's plea to follow it for more: `关注宜宾身边事，了解更多宜宾新鲜事！`. */
export const FOLLOW_FOR_MORE =
  /^(?:[关關]注|[订訂][阅閱]|追蹤|追踪)[^，,。！!]{1,16}[，,]\s*(?:了解|[获獲]取|看|[阅閱][读讀]|[发發]現|[发發]现|第一[时時][间間][获獲]取)[^。！!]{0,12}更多/u
/**
 * A press release's label alone on a line: `[For Immediate Release]`, `【即時發佈】`, or the kind of
 * page with its name in another language (`新聞稿 Comunicado de Imprensa`).
 */
export const RELEASE_LABEL = new RegExp(
  `^[[【(（]?\\s*(?:For Immediate Release|即時發佈|即時發布|即时发布|即時發放|Press Release|Kenyataan Media(?:[,，]\\s*(?:文告|新闻稿))?)\\s*[\\]】)）]?$|^(?:${PAGE_KINDS.join('|')})[ \\u3000]+[A-Za-z][A-Za-z ]{2,40}$`,
  'i',
)
/**
 * A search box's button or the words it holds before anyone types: `搜索股票、组合、用户`,
 * `請輸入關鍵字`, `Search…`.
 */
export const SEARCH_BOX =
  /^(?:(?:搜索|搜尋|搜寻|站内搜索|站內搜尋|全站搜索|检索|檢索)(?!引擎)|(?:请|請)?(?:输入|輸入)(?:关键|關鍵|搜索|搜尋)|search\b)/i
/** A picture's owner under its caption, `© WFP`: a name without a year, no copyright notice. */
export const PICTURE_OWNER =
  /^©\s*(?![\d\s])(?!.*(?:版[权權]|rights|所有|reserved|copyright|\d{4})).{1,40}$/i
/**
 * Where a story was first printed, as a reprint notes it:
 * `（本文刊载于《三联生活周刊》2025年第38期，原标题为《…》）`, `本文首發於《天下雜誌》`,
 * `This article was first published in Lianhe Zaobao as …`.
 */
export const REPRINT_NOTE =
  /^[（(]?\s*(?:本文|此文|原文|文章)(?:(?:原)?(?:刊[载載登]|[载載]|首[发發]|[发發]表)(?:于|於|在)\s*《|(?:出自|摘自|[选選]自)\s*《?\p{Script=Han}{2,12}(?:第\d{1,5}期|》))|^(?:This|The) (?:article|story|piece|commentary|essay|column) (?:was |is )?(?:first |originally )?(?:published|appeared) (?:in|on|by) /u
/** The outlet a reprint note names: `《三联生活周刊》`, `出自商業周刊第1953期`, `published in Lianhe Zaobao as`. */
export const REPRINTED_IN =
  /《([^《》]{2,20})》|(?:出自|摘自|[选選]自)\s*(\p{Script=Han}{2,12}?)\s*第?\d|(?:published|appeared) (?:in|on|by) (?:the )?(\p{Lu}[\p{L}&'’. ]{1,40}?)(?= as\b| on\b|[,.;]|$)/u
/** An advertisement's label alone on a line, where a slot stood. */
export const AD =
  /^(?:廣告|广告|贊助|赞助|推廣|推广|贊助廣告|赞助广告|Advertisement|ADVERTISEMENT|Sponsored|AD)$|^[【[](?:廣告|广告)[】\]]/
/** A rule drawn with a repeated symbol: `*****`, `-----`, `＝＝＝`. */
export const RULE = /^([*＊=＝\-－_＿—~～#＃+＋•・])\1{2,}$/u
/**
 * A forum's controls and notes around a post: `本帖最后由 penang_boy88 于 2-7-2025 09:25 AM 编辑`,
 * `回复主题 | 发表主题`, `[回复] [引用] [举报]`, `显示全部楼层`.
 */
export const FORUM_CONTROLS =
  /^本帖最[后後]由.{1,40}[于於].{1,30}[编編][辑輯]$|^(?:[[【]?(?:回复|回覆|回復|引用|举报|舉報|发表主题|發表主題|回复主题|回覆主題|发新帖|發新帖|快速回复|快速回覆)[\]】]?[\s|｜]*){2,}$|显示全部楼层|顯示全部樓層|只看该作者|只看該作者/
/** The heading of a release's press contacts, in either language or both: `傳媒查詢`, `Media Contact 媒体联络`. */
export const PRESS_CONTACT =
  /^(?:(?:Media|Press) (?:contacts?|enquiries|inquiries)(?:[\s:：]+(?:傳媒查詢|传媒查询|媒[体體][联聯][络絡]人?|新[闻聞][联聯][络絡]人?|媒[体體]查[询詢]))?|傳媒查詢|传媒查询|媒[体體][联聯][络絡]人?|新[闻聞][联聯][络絡]人?|媒[体體](?:查|垂)[询詢])[\s:：]*$/iu
/** A summary box that repeats the story's opening: `摘要: 12月1日上午，…`, `【内容提要】…`. */
export const SUMMARY_BOX =
  /^(?:[【[](?:内容|內容)?(?:摘要|提要)[】\]]|(?:内容|內容)?(?:摘要|提要)\s*[:：])\s*\S/u
/** A reading time alone on its line, as pages and readers' views print it: `4–5 minutes`, `閱讀時間 2 分鐘`. */
export const READING_TIME =
  /^(?:(?:閱讀時間|阅读时间|Reading time)[:：]?\s*)?(?:約|约|about\s)?\d{1,3}(?:\s*[–-]\s*\d{1,3})?\s*(?:分鐘|分钟|min(?:ute)?s?)(?:\s*(?:read|閱讀|阅读))?$/iu

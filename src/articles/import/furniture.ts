/**
 * Words and shapes that say a line is page furniture: controls (print, font size, share,
 * listen, 纠错), prompts (QR codes, apps), links (previous/next, footers, breadcrumbs, related
 * lists), and the site's small print (copyright, ICP and site codes, sponsors). Each is one cue
 * for the classifier (classify.ts), not a verdict: where the line sits decides what it is. A
 * `strong` cue names boilerplate a story never prints as a line of its own, so it drops a line
 * even inside the story; the others drop only around it. Copies are often mangled, so each
 * line is first reduced to what a reader sees (furniture-line.ts). Each cue is tested in
 * test/unit/import.test.ts with lines it must take and lines it must leave.
 */
import { furnitureLine, type FurnitureLine } from './furniture-line'
import {
  FOOTER_LINKS,
  FORUM_CONTROLS,
  PRESS_CONTACT,
  FOLLOW_FOR_MORE,
  SUMMARY_BOX,
  READING_TIME,
  CONTROL_LABELS,
  PLATFORMS,
  RELATED,
  PREVIOUS_NEXT,
  QR_CODE,
  BREADCRUMB,
  VIEW_COUNT,
  CLICK_HERE,
  COPYRIGHT,
  DISCLAIMER,
  SITE_INFO,
  APP,
  LISTEN,
  CORRECTION,
  REACTIONS,
  FOLLOW,
  SUPPORT,
  COMMENTS,
  SUBSCRIBE,
  PLAYER,
  COOKIES,
  NEWS_TIPS,
  HASHTAGS,
  CONTRIBUTORS,
  ATTACHMENT,
  END_CODE,
  AD,
  SEARCH_BOX,
  REPRINT_NOTE,
  PICTURE_OWNER,
  RELEASE_LABEL,
  CLICK_HERE_WORDS,
  FOLLOW_OR_LISTEN,
  RULE,
} from './furniture-words'
import { isShortLine } from './limits'
import { readsAsSentence } from './sentence'

export interface FurnitureCue {
  id: string
  description: string
  /** Boilerplate a story never prints as a line: dropped wherever it stands. */
  strong: boolean
  /** A heading that a list of links follows (`相关新闻`). */
  list?: boolean
  /** A heading under the story after which nothing is the story's (`网友评论`). */
  rest?: boolean
  /** Small print that may be written as a sentence (`…不得轉載。`): dropped after the story all the same. */
  sentence?: boolean
}

/** A cue and the lines it matches, each line read alone. */
interface CueRule extends FurnitureCue {
  matches: (line: FurnitureLine) => boolean
}

export const FURNITURE_CUES: CueRule[] = [
  {
    id: 'print-controls',
    description: 'print and close-window controls: 【打印】【關閉】, 列印本頁',
    strong: true,
    matches: (l) =>
      l.skeleton.length <= 16 &&
      (/(打印|列印|關閉窗口|关闭窗口)/.test(l.skeleton) || /[【[](關閉|关闭)[】\]]/.test(l.plain)),
  },
  {
    id: 'forum-controls',
    description:
      'a forum’s post controls and notes: 本帖最后由…编辑, 回复主题 | 发表主题, [回复] [引用] [举报]',
    strong: true,
    matches: (l) => l.plain.length <= 80 && FORUM_CONTROLS.test(l.plain.trim()),
  },
  {
    id: 'font-size',
    description: 'font-size controls: 字體：大 中 小, 字型大小：小 中 大, 小字号',
    strong: true,
    matches: (l) =>
      l.skeleton.length <= 10 && (l.skeleton.endsWith('大中小') || l.skeleton.endsWith('小中大')),
  },
  {
    id: 'share',
    description: 'share bars and follow prompts: 分享到：微信 微博, 分享 Facebook LINE 複製連結',
    strong: true,
    matches: (l) => {
      if (l.plain.length > 60 || /[，。；]/.test(l.plain)) return false
      if (
        /^(分享到|分享至|分享|发送到|發送到|转发到|轉發到)/.test(l.skeleton) &&
        l.skeleton.length <= 24
      ) {
        return true
      }
      if (/^(?:share(?:this)?|kongsiini|bagikan|поделиться)$/i.test(l.skeleton)) return true
      if (FOLLOW.test(l.plain) && l.plain.length <= 30) return true
      // `+关注`: a button that follows the writer.
      if (/^[+＋]\s*(?:[关關]注|追蹤|追踪|Follow)$/i.test(l.plain.trim())) return true
      const tokens = l.plain
        .toLowerCase()
        .replace(/[：:|｜]/g, ' ')
        .split(/\s+/)
        .filter(Boolean)
      // `字級　LINE　FB　複製連結`: the page's controls may stand among the platforms.
      const keys = tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, ''))
      return (
        keys.some((k) => PLATFORMS.has(k) && !CONTROL_LABELS.has(k)) &&
        keys.every(
          (k) => PLATFORMS.has(k) || CONTROL_LABELS.has(k) || CONTROL_LABELS.has(k.toUpperCase()),
        )
      )
    },
  },
  {
    id: 'news-tips',
    description: 'calls for news tips: 报料热线, 有任何新聞爆料，請來信至…',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 120 && NEWS_TIPS.test(l.plain),
  },
  {
    id: 'hashtags',
    description: 'a line of hashtags alone: #偏鄉教育 #圖書館',
    strong: true,
    matches: (l) => HASHTAGS.test(l.plain.trim()),
  },
  {
    id: 'cookies',
    description: 'cookie banners: 本網站使用 Cookies…即表示閣下同意, We use cookies',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 200 && COOKIES.test(l.plain),
  },
  {
    id: 'contributors',
    description:
      'who else reported, under the story: Mika Tanaka contributed reporting., 对本文有报道贡献',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 160 && CONTRIBUTORS.test(l.plain.trim()),
  },
  {
    id: 'comments',
    description: 'the heading of a comments section: 网友评论, 論壇 評論, 最新评论',
    strong: true,
    rest: true,
    matches: (l) => COMMENTS.test(l.plain.trim()),
  },
  {
    id: 'reading-time',
    description: 'a reading time alone: 4–5 minutes, 閱讀時間 2 分鐘, 3 min read',
    strong: true,
    matches: (l) => l.plain.length <= 24 && READING_TIME.test(l.plain.trim()),
  },
  {
    id: 'summary-box',
    description: 'a summary box that repeats the story’s opening: 摘要: 12月1日上午，…',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 200 && SUMMARY_BOX.test(l.plain.trim()),
  },
  {
    id: 'press-contact',
    description: 'the heading of a release’s press contacts: 傳媒查詢, Media Contact 媒体联络',
    strong: true,
    rest: true,
    matches: (l) => l.plain.length <= 40 && PRESS_CONTACT.test(l.plain.trim()),
  },
  {
    id: 'subscribe',
    description:
      'paywall and newsletter prompts: 本文為付費內容，訂閱會員即可閱讀全文, 已是會員？登入',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 80 && SUBSCRIBE.test(l.plain),
  },
  {
    id: 'player',
    description: 'a media player’s controls: ▶ 影片播放 02:14, [视频] 00:45',
    strong: true,
    matches: (l) => PLAYER.test(l.plain.trim()),
  },
  {
    id: 'support',
    description: 'prompts to pay for the journalism: 成為《報導者》贊助者, 贊助我們, 打赏作者',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 30 && SUPPORT.test(l.plain.replace(/\s+/g, '')),
  },
  {
    id: 'qr-code',
    description: 'QR-code prompts: 掃描二維碼, 扫一扫，在手机打开当前页',
    strong: true,
    matches: (l) => l.plain.length <= 60 && QR_CODE.test(l.plain),
  },
  {
    id: 'previous-next',
    description: 'previous/next links: 上一篇：…, 下一条：…',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 80 && PREVIOUS_NEXT.test(l.plain),
  },
  {
    id: 'footer-links',
    description: 'footer link rows: 網站簡介 | 廣告服務 | 聯繫方式 | 法律聲明 | 關於我們',
    strong: true,
    matches: (l) => {
      if (l.plain.length > 80) return false
      const found = l.plain.match(new RegExp(FOOTER_LINKS.source, 'gi'))?.length ?? 0
      return found >= 2 || (found === 1 && FOOTER_LINKS.test(l.skeleton) && l.skeleton.length <= 6)
    },
  },
  {
    id: 'related',
    description: 'the heading of a related-stories list: 相关新闻, 延伸閱讀, 熱門, 你可能也喜欢',
    strong: true,
    list: true,
    matches: (l) =>
      l.skeleton.length <= 16 &&
      RELATED.test(l.plain.replace(/^[\s【[〔]+|[\s】\]〕:：]+$/g, '').replace(/\s+/g, ' ')),
  },
  {
    id: 'click-here',
    description: 'a prompt to follow a link: 更多新闻，请点击这里, 點此看更多',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 40 && CLICK_HERE.test(l.plain),
  },
  {
    id: 'copyright',
    description: 'copyright and reprint notices: Copyright ©, 版權所有, 未经授权不得转载',
    strong: true,
    sentence: true,
    matches: (l) =>
      l.plain.length <= 160 && COPYRIGHT.test(l.plain) && !PICTURE_OWNER.test(l.plain.trim()),
  },
  {
    id: 'disclaimer',
    description:
      'disclaimers: 免责声明：…, 版权声明：…, 不代表本网观点, 与本站立场无关, a listed board’s 保证本公告内容不存在虚假记载',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 400 && DISCLAIMER.test(l.plain),
  },
  {
    id: 'site-info',
    description: 'the site’s small print: 主办单位, 网站标识码, ICP备, 公网安备, 联系电话',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 160 && SITE_INFO.test(l.plain),
  },
  {
    id: 'app',
    description: 'app promotions: 下载星洲APP, 现在用APP看新闻, 新浪财经APP',
    strong: true,
    sentence: true,
    matches: (l) =>
      l.plain.length <= 80 &&
      // `高鐵提醒，旅客可透過「T Express」手機App、官網…購票…。`: a story's long sentence may name
      // an app; a promotion in a sentence says so first (`下载…`).
      !(l.plain.length > 40 && readsAsSentence(l.plain) && !APP_PROMPT.test(l.plain)) &&
      (APP.test(l.plain) || /(APP|App)$/.test(l.skeleton)),
  },
  {
    id: 'listen',
    description: 'listen and read-aloud controls: 收听新闻, 收聽新聞',
    strong: true,
    matches: (l) => LISTEN.test(l.skeleton),
  },
  {
    id: 'correction',
    description: 'correction and report links: 【纠错】, 我要舉報',
    strong: true,
    matches: (l) => CORRECTION.test(l.skeleton),
  },
  {
    id: 'bare-label',
    description:
      'control labels with nothing after them: 字體:, 收藏, 返回頂部, 放大　縮小　默認, A- A+',
    strong: false,
    matches: (l) =>
      CONTROL_LABELS.has(l.skeleton) ||
      (l.plain.length <= 40 &&
        l.plain
          .split(/[\s\u3000|｜]+/)
          .every((t) => CONTROL_LABELS.has(t.replace(/[^\p{L}]/gu, '')))),
  },
  {
    id: 'promo',
    description:
      'a prompt to follow or listen, with a link: 收听…节目，请点击这里。关注…微信公众号, 歡迎搜尋…或點擊這裡',
    strong: true,
    sentence: true,
    matches: (l) =>
      l.plain.length <= 100 && CLICK_HERE_WORDS.test(l.plain) && FOLLOW_OR_LISTEN.test(l.plain),
  },
  {
    id: 'follow-prompt',
    description: 'an account’s plea to follow it for more: 关注宜宾身边事，了解更多宜宾新鲜事！',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 40 && FOLLOW_FOR_MORE.test(l.plain.trim()),
  },
  {
    id: 'related-link',
    description:
      'a related story linked between paragraphs: 【延伸閱讀】青衣巴士轉乘站…完工, 延伸閱讀：…',
    strong: true,
    matches: (l) => {
      const label = /^(?:[【[]([^】\]]{2,8})[】\]]|([^：:]{2,8})[：:])\s*\S/.exec(l.plain)
      return !!label && l.plain.length <= 80 && RELATED.test(label[1] ?? label[2]!)
    },
  },
  {
    id: 'release-label',
    description: 'a press release’s label: [For Immediate Release], 【即時發佈】',
    strong: true,
    matches: (l) => RELEASE_LABEL.test(l.plain.trim()),
  },
  {
    id: 'reprint-note',
    description:
      'where a story was first printed: （本文刊载于《三联生活周刊》2025年第38期，原标题为…）',
    strong: true,
    sentence: true,
    matches: (l) => l.plain.length <= 160 && REPRINT_NOTE.test(l.plain.trim()),
  },
  {
    id: 'search',
    description: 'a search box: 搜索, 搜索股票、组合、用户, 請輸入關鍵字, Search…',
    strong: false,
    matches: (l) =>
      l.plain.length <= 24 && !/[。！？!?，,]/.test(l.plain) && SEARCH_BOX.test(l.plain.trim()),
  },
  {
    id: 'ad',
    description: 'an advertisement’s label where the slot stood: 廣告, Advertisement',
    strong: true,
    matches: (l) => AD.test(l.plain),
  },
  {
    id: 'rule',
    description: 'a rule drawn with a repeated symbol: *****, -----',
    strong: true,
    matches: (l) => RULE.test(l.plain.replace(/\s+/g, '')),
  },
  {
    id: 'reactions',
    description: 'reaction buttons: 讚, 留言, +1, 收藏',
    strong: false,
    matches: (l) => l.skeleton.length <= 10 && REACTIONS.test(l.plain.replace(/\s+/g, '')),
  },
  {
    id: 'page-label',
    description:
      'the label a portal prints over the document it shows: 公告正文, 新闻详情, 華宇精機(603987)公告正文',
    strong: false,
    matches: (l) =>
      l.skeleton.length <= 24 &&
      /.(?:正文|[详詳]情)$/.test(l.skeleton) &&
      !/[。！？.!?]$/.test(l.plain),
  },
  {
    id: 'breadcrumb',
    description:
      'where the page sits on its site: 當前位置：首頁 > 新聞中心 > 要聞, Current Location: Home > News',
    strong: true,
    matches: (l) =>
      l.plain.length <= 100 && (BREADCRUMB.test(l.skeleton) || BREADCRUMB.test(l.plain.trim())),
  },
  {
    id: 'view-count',
    description: 'view counters: 瀏覽次數：1024, 阅读量：',
    strong: true,
    matches: (l) => VIEW_COUNT.test(l.skeleton),
  },
  {
    id: 'attachment',
    description: 'attachment lists: 相關附件, a file name ending .pdf',
    strong: false,
    matches: (l) => l.plain.length <= 80 && ATTACHMENT.test(l.plain),
  },
  {
    id: 'end-code',
    description: 'a wire service’s end-of-message code: NNNN',
    strong: false,
    matches: (l) => END_CODE.test(l.plain),
  },
  {
    id: 'markup',
    description: 'a line of page markup alone: <div class="share">, </span>, &nbsp;',
    strong: true,
    matches: (l) => l.markup && l.plain === '',
  },
  {
    id: 'mangled-controls',
    description: 'controls whose characters a broken encoding turned into ?: 【??】【??】',
    strong: false,
    matches: (l) => l.mangled >= 2 && l.mangled * 3 >= l.visible && l.skeleton.length <= 12,
  },
]

/**
 * The cue a line matches, if any. A line that reads as a sentence matches only the cues of
 * small print (`sentence`), and none at all when `inStory`: inside the story, a sentence is
 * story whatever it holds.
 */
export function furnitureCue(line: string, inStory = false): FurnitureCue | undefined {
  if (!isShortLine(line)) return undefined
  // Most lines of a page are sentences of the story: only small print can take them, and it
  // needs no reduction (a line with markup at its end does not read as a sentence).
  if (readsAsSentence(line.trimEnd())) {
    if (inStory) return undefined
    const plain = line.trim()
    const seen: FurnitureLine = { plain, skeleton: plain, markup: false, mangled: 0, visible: 0 }
    return SENTENCE_CUES.find((cue) => cue.matches(seen))
  }
  const reduced = furnitureLine(line)
  const sentence = readsAsSentence(reduced.plain)
  if (sentence && inStory) return undefined
  return FURNITURE_CUES.find((cue) => (!sentence || cue.sentence) && cue.matches(reduced))
}

/** How an app's promotion opens: `下载星洲APP，…`, `打开…`, `扫码…`. */
const APP_PROMPT = /^[^，,。]{0,6}(?:下[载載]|打[开開]|安[装裝]|[扫掃](?:码|碼|一[扫掃]))/

/** The cues that may take a line written as a sentence. */
const SENTENCE_CUES = FURNITURE_CUES.filter((cue) => cue.sentence)

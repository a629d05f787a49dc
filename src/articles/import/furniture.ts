/**
 * Page furniture that comes along when news is copied out of a web page: print and font-size
 * controls, share and QR-code prompts, previous/next links, footer link rows, breadcrumbs,
 * view counters. Copies are often mangled, so each line is first reduced to what a reader
 * would see (see furniture-line.ts): markup fragments, entities and the `?` of a broken
 * encoding removed. One rule per kind, each tested in test/unit/import.test.ts with a line it
 * must drop and one it must keep. A line that reads as a sentence is never furniture.
 */
import { furnitureLine, type FurnitureLine } from './furniture-line'
import { isShortLine } from './limits'
import { readsAsSentence } from './sentence'

export interface FurnitureRule {
  id: string
  description: string
  matches: (line: FurnitureLine) => boolean
}

const FOOTER_LINKS = [
  '網站簡介',
  '网站简介',
  '廣告服務',
  '广告服务',
  '聯繫方式',
  '联系方式',
  '聯繫我們',
  '联系我们',
  '法律聲明',
  '法律声明',
  '關於我們',
  '关于我们',
  '版權聲明',
  '版权声明',
  '網站地圖',
  '网站地图',
]

/** Controls that pages print as a label alone: `字體:`, `字號：`, `收藏`. */
const CONTROL_LABELS = new Set([
  '字體',
  '字体',
  '字號',
  '字号',
  '字體大小',
  '字体大小',
  '分享到',
  '分享至',
  '分享',
  '打印',
  '列印',
  '打印本頁',
  '打印本页',
  '收藏',
  '關閉',
  '关闭',
  '關閉窗口',
  '关闭窗口',
  '返回頂部',
  '返回顶部',
  '我要糾錯',
  '我要纠错',
  '純文本',
  '纯文本',
])

const PREVIOUS_NEXT =
  /^[\s【[]*(上一篇|下一篇|上一條|下一條|上一条|下一条|上一頁|下一頁|上一页|下一页)[\s】\]]*([:：]|$)/
const QR_CODE =
  /(掃描|扫描|掃一掃|扫一扫).{0,6}(二維碼|二维码)|在您的(設備|设备)上(瀏覽|浏览)本(頁|页)/
const BREADCRUMB =
  /^(當前位置|当前位置|您的位置|您現在的位置|您现在的位置|您當前的位置|您当前的位置)/
const VIEW_COUNT =
  /^(瀏覽次數|浏览次数|點擊數|点击数|點擊量|点击量|閱讀數|阅读数|閱讀量|阅读量|瀏覽量|浏览量|訪問量|访问量)\d*$/

export const FURNITURE_RULES: FurnitureRule[] = [
  {
    id: 'print-controls',
    description: 'print and close-window controls: 【打印】【關閉】, 列印本頁',
    matches: (l) =>
      l.skeleton.length <= 16 &&
      (/(打印|列印|關閉窗口|关闭窗口)/.test(l.skeleton) || /[【[](關閉|关闭)[】\]]/.test(l.plain)),
  },
  {
    id: 'font-size',
    description: 'font-size controls: 字體：大 中 小, 【字号 大 中 小】, 字?：大 中 小',
    matches: (l) => l.skeleton.length <= 8 && l.skeleton.endsWith('大中小'),
  },
  {
    id: 'share',
    description: 'share prompts: 分享到：微信 微博',
    // Then a list of platforms, not a clause: 分享到各地的經驗，… is a sentence's start.
    matches: (l) =>
      l.skeleton.length <= 40 && /^(分享到|分享至)/.test(l.skeleton) && !/[，。；]/.test(l.plain),
  },
  {
    id: 'qr-code',
    description: 'QR-code prompts: 掃描二維碼, 在您的設備上瀏覽本頁',
    matches: (l) => l.plain.length <= 60 && QR_CODE.test(l.plain),
  },
  {
    id: 'previous-next',
    description: 'previous/next links: 上一篇：…, 下一条：…',
    matches: (l) => l.plain.length <= 80 && PREVIOUS_NEXT.test(l.plain),
  },
  {
    id: 'footer-links',
    description: 'footer link rows: 網站簡介 | 廣告服務 | 聯繫方式 | 法律聲明 | 關於我們',
    matches: (l) => {
      if (l.plain.length > 80) return false
      const found = FOOTER_LINKS.filter((word) => l.plain.includes(word)).length
      return found >= 2 || (found === 1 && FOOTER_LINKS.includes(l.skeleton))
    },
  },
  {
    id: 'bare-label',
    description: 'a control label with nothing after it: 字體:, 字號：, 收藏',
    matches: (l) => CONTROL_LABELS.has(l.skeleton),
  },
  {
    id: 'breadcrumb',
    description: 'where the page sits on its site: 當前位置：首頁 > 新聞中心 > 要聞',
    matches: (l) => l.plain.length <= 100 && BREADCRUMB.test(l.skeleton),
  },
  {
    id: 'view-count',
    description: 'view counters: 瀏覽次數：1024, 阅读量：',
    matches: (l) => VIEW_COUNT.test(l.skeleton),
  },
  {
    id: 'markup',
    description: 'a line of page markup alone: <div class="share">, </span>, &nbsp;',
    matches: (l) => l.markup && l.plain === '',
  },
  {
    id: 'mangled-controls',
    description: 'controls whose characters a broken encoding turned into ?: 【??】【??】',
    matches: (l) => l.mangled >= 2 && l.mangled * 3 >= l.visible && l.skeleton.length <= 12,
  },
]

/** The rule a line matches, if any; never one for a long line or one that reads as a sentence. */
export function furnitureRule(line: string): FurnitureRule | undefined {
  if (!isShortLine(line)) return undefined
  const reduced = furnitureLine(line)
  if (readsAsSentence(reduced.plain)) return undefined
  return FURNITURE_RULES.find((rule) => rule.matches(reduced))
}

/**
 * Page furniture that comes along when news is copied out of a web page: print and font-size
 * controls, share and QR-code prompts, previous/next links, footer link rows. One rule per
 * kind, each tested in test/unit/import.test.ts. Lines are matched with annotations removed.
 */

export interface FurnitureRule {
  id: string
  description: string
  matches: (line: string) => boolean
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

/** Short lines only: furniture is a control or a link row, never a paragraph. */
const short = (line: string, max = 40) => [...line.trim()].length <= max

export const FURNITURE_RULES: FurnitureRule[] = [
  {
    id: 'print-controls',
    description: 'print and close-window controls: 【打印】【關閉】, 列印本頁',
    matches: (l) => short(l) && /(打印|列印|關閉窗口|关闭窗口|【關閉】|【关闭】)/.test(l),
  },
  {
    id: 'font-size',
    description: 'font-size controls: 字體：大 中 小, 【字号 大 中 小】',
    matches: (l) =>
      short(l) && /字[體体號号][^大中小]{0,4}大[^大中小]{0,4}中[^大中小]{0,4}小/.test(l),
  },
  {
    id: 'share',
    description: 'share prompts: 分享到：微信 微博',
    matches: (l) => short(l, 60) && /^\s*[【\[]?\s*分享到/.test(l),
  },
  {
    id: 'qr-code',
    description: 'QR-code prompts: 掃描二維碼, 在您的設備上瀏覽本頁',
    matches: (l) =>
      short(l, 60) &&
      /(掃描|扫描|掃一掃|扫一扫).{0,6}(二維碼|二维码)|在您的(設備|设备)上(瀏覽|浏览)本(頁|页)/.test(
        l,
      ),
  },
  {
    id: 'previous-next',
    description: 'previous/next links: 上一篇：…, 下一条：…',
    matches: (l) =>
      short(l, 80) &&
      /^\s*[【\[]?\s*(上一篇|下一篇|上一條|下一條|上一条|下一条|上一頁|下一頁|上一页|下一页)\s*[】\]]?\s*([:：]|$)/.test(
        l,
      ),
  },
  {
    id: 'footer-links',
    description: 'footer link rows: 網站簡介 | 廣告服務 | 聯繫方式 | 法律聲明 | 關於我們',
    matches: (l) => {
      const found = FOOTER_LINKS.filter((word) => l.includes(word)).length
      return short(l, 80) && (found >= 2 || (found === 1 && FOOTER_LINKS.includes(l.trim())))
    },
  },
]

/** The rule a line matches, if any. */
export function furnitureRule(line: string): FurnitureRule | undefined {
  return FURNITURE_RULES.find((rule) => rule.matches(line))
}

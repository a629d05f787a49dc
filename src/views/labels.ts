import { scriptOf } from '../articles/script'

/** The few words the pages say themselves, in the page's language. */
const EN = {
  skip: 'Skip to content',
  feeds: 'Feeds',
  subscribe: 'Subscribe',
  subscribeHint: 'Paste one of these addresses into a feed reader to follow new articles.',
  allFeeds: 'All feeds',
  older: 'Older articles',
  newer: 'Newer articles',
  olderArticle: 'Older article',
  newerArticle: 'Newer article',
  noArticles: 'No articles yet.',
  source: 'Source',
  tags: 'Tags',
  originally: 'Originally published at',
  updated: 'updated',
  copy: 'Copy',
  copied: 'Copied',
  original: 'Original',
  files: 'Files',
  download: 'Download',
  notFound: 'Page not found',
  notFoundText: 'Nothing is at this address. It may have moved, or the link may be mistyped.',
  gone: 'Article removed',
  goneText: 'This article was removed by its publisher.',
  home: 'Back to the front page',
  feedsIntro:
    'A feed lets a feed reader (NetNewsWire, Feedly, Inoreader, Thunderbird and many more) tell you when something new is published here, without visiting the site. Copy an address below and add it in your reader; RSS and Atom work everywhere, JSON Feed in newer readers.',
  siteFeeds: 'Whole site',
  tagFeeds: 'By tag',
  authorFeeds: 'By author',
  opml: 'Every feed in one file (OPML), to import into a reader',
  scriptFeeds: 'In another script',
  feedPreview: 'This is a feed',
  feedPreviewText:
    'Feed readers use this address to follow the site. To subscribe, copy it into your feed reader. The latest articles are below.',
}
type Labels = typeof EN

const ZH_HANT: Labels = {
  skip: '跳到主要內容',
  feeds: '訂閱',
  subscribe: '訂閱',
  subscribeHint: '把下列網址貼到閱讀器（RSS 閱讀器）即可追蹤新文章。',
  allFeeds: '所有訂閱源',
  older: '較早的文章',
  newer: '較新的文章',
  olderArticle: '上一篇',
  newerArticle: '下一篇',
  noArticles: '目前還沒有文章。',
  source: '來源',
  tags: '標籤',
  originally: '原文刊於',
  updated: '更新於',
  copy: '複製',
  copied: '已複製',
  original: '原文',
  files: '附件',
  download: '下載',
  notFound: '找不到這個頁面',
  notFoundText: '這個網址沒有內容，可能已搬移，或連結有誤。',
  gone: '文章已移除',
  goneText: '這篇文章已由發布者移除。',
  home: '回到首頁',
  feedsIntro:
    '訂閱源讓閱讀器（如 NetNewsWire、Feedly、Inoreader、Thunderbird）在本站有新文章時通知你，不必每次上網站查看。複製下方網址，加入你的閱讀器即可；RSS 與 Atom 通用，JSON Feed 適用於較新的閱讀器。',
  siteFeeds: '全站',
  tagFeeds: '依標籤',
  authorFeeds: '依作者',
  opml: '所有訂閱源一次匯入閱讀器（OPML）',
  scriptFeeds: '其他字體',
  feedPreview: '這是一個訂閱源',
  feedPreviewText: '閱讀器透過這個網址追蹤本站。要訂閱，請把網址複製到你的閱讀器。以下是最新文章。',
}

const ZH_HANS: Labels = {
  skip: '跳到主要内容',
  feeds: '订阅',
  subscribe: '订阅',
  subscribeHint: '把下列网址粘贴到阅读器（RSS 阅读器）即可关注新文章。',
  allFeeds: '所有订阅源',
  older: '较早的文章',
  newer: '较新的文章',
  olderArticle: '上一篇',
  newerArticle: '下一篇',
  noArticles: '目前还没有文章。',
  source: '来源',
  tags: '标签',
  originally: '原文刊于',
  updated: '更新于',
  copy: '复制',
  copied: '已复制',
  original: '原文',
  files: '附件',
  download: '下载',
  notFound: '找不到这个页面',
  notFoundText: '这个网址没有内容，可能已迁移，或链接有误。',
  gone: '文章已删除',
  goneText: '这篇文章已由发布者删除。',
  home: '回到首页',
  feedsIntro:
    '订阅源让阅读器（如 NetNewsWire、Feedly、Inoreader、Thunderbird）在本站有新文章时通知你，不必每次访问网站。复制下方网址，添加到你的阅读器即可；RSS 与 Atom 通用，JSON Feed 适用于较新的阅读器。',
  siteFeeds: '全站',
  tagFeeds: '按标签',
  authorFeeds: '按作者',
  opml: '所有订阅源一次导入阅读器（OPML）',
  scriptFeeds: '其他字体',
  feedPreview: '这是一个订阅源',
  feedPreviewText: '阅读器通过这个网址关注本站。要订阅，请把网址复制到你的阅读器。以下是最新文章。',
}

/**
 * Labels for a page in `lang`: Chinese in its script (Traditional when the tag does not say),
 * English otherwise.
 */
export function labelsFor(lang: string): Labels {
  const script = scriptOf(lang)
  if (script === undefined) return EN
  return script === 'zh-Hans' ? ZH_HANS : ZH_HANT
}

export type { Labels }

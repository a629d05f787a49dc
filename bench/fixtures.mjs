// Realistic Chinese news articles of about 5 KB for the benchmark, generated deterministically.
const SENTENCES = [
  '經開區昨日舉辦「創新論壇」，逾百家企業代表出席，共商產業升級路徑。',
  '市政府表示，今年將投入專項資金，支持中小企業數位轉型與綠色發展。',
  '與會專家指出，人工智慧與半導體產業的結合，將成為下一波成長動能。',
  '據統計，上半年區內工業產值年增百分之八點五，出口訂單亦穩定回升。',
  '記者現場觀察，展區內人潮不斷，不少民眾駐足體驗最新的智慧家居產品。',
  '主辦單位透露，明年論壇規模將擴大一倍，並邀請更多海外企業參與。',
  '對此，業界普遍樂觀，認為政策支持與市場需求將形成良性循環。',
  '另據了解，相關配套措施包括人才引進、稅收優惠與研發補助等多項內容。',
]

/** About `bytes` of UTF-8 Chinese text in indented paragraphs; `seed` varies the order. */
export function chineseText(seed, bytes = 5000) {
  const out = []
  let size = 0
  let paragraph = []
  for (let i = 0; size < bytes; i++) {
    const sentence = SENTENCES[(seed * 7 + i * 3) % SENTENCES.length]
    paragraph.push(sentence)
    size += sentence.length * 3
    if (paragraph.length === 4) {
      out.push('　　' + paragraph.join(''))
      paragraph = []
    }
  }
  if (paragraph.length) out.push('　　' + paragraph.join(''))
  return out.join('\n')
}

/** The JSON a publisher would post for article number `i`. */
export function benchArticle(i) {
  const day = String(1 + (i % 28)).padStart(2, '0')
  const minute = String(i % 60).padStart(2, '0')
  return {
    title: `第${i}號：經開區舉辦創新論壇，逾百家企業參與`,
    content_text: chineseText(i),
    published: `2024-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${day}T10:${minute}:00+08:00`,
    tags: ['經開區', i % 2 ? '科技' : '產業'],
    authors: [{ name: '王小明' }],
    language: 'zh-Hant',
  }
}

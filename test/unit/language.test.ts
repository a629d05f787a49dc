/**
 * The language of an article sent without one: the site's only when the text agrees with it.
 */
import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../src/articles/language'

const ENGLISH =
  'Council approves the 2025 budget after a nine-hour debate. The city council approved the budget late on Monday; spending on schools rises by four per cent.'
const TRADITIONAL = '經開區舉辦創新論壇，逾百家企業代表出席，共商產業升級與數位轉型。'
const SIMPLIFIED =
  '经济数据显示制造业持续回暖，国家统计局今天发布的数据显示，五月份制造业指数上升。'
const COMMON = '中央大道上人山人海，大家一同看花。' // no character only one script uses

describe('detectLanguage', () => {
  it('gives an English article on a zh-Hant site English, and the site its own tag back', () => {
    expect(detectLanguage(ENGLISH, 'zh-Hant')).toBe('en')
    expect(detectLanguage(ENGLISH, 'en-GB')).toBe('en-GB')
    expect(detectLanguage(ENGLISH, 'fr')).toBe('en')
  })

  it('keeps a Chinese text in the site language when its script agrees', () => {
    expect(detectLanguage(TRADITIONAL, 'zh-Hant')).toBe('zh-Hant')
    expect(detectLanguage(TRADITIONAL, 'zh-TW')).toBe('zh-TW')
    expect(detectLanguage(SIMPLIFIED, 'zh-Hans')).toBe('zh-Hans')
    expect(detectLanguage(COMMON, 'zh-Hant')).toBe('zh-Hant')
    expect(detectLanguage(COMMON, 'zh-Hans')).toBe('zh-Hans')
  })

  it('decides Simplified or Traditional by the share of characters only one script uses', () => {
    expect(detectLanguage(SIMPLIFIED, 'zh-Hant')).toBe('zh-Hans')
    expect(detectLanguage(TRADITIONAL, 'zh-Hans')).toBe('zh-Hant')
    // A Simplified report quoting a Traditional name is still Simplified.
    expect(detectLanguage(`${SIMPLIFIED}「經開區」`, 'zh-Hant')).toBe('zh-Hans')
    expect(detectLanguage(TRADITIONAL, 'en')).toBe('zh-Hant')
    expect(detectLanguage(COMMON, 'en')).toBe('zh')
  })

  it('tells Japanese by its kana, and not a Chinese text that quotes a Japanese name', () => {
    expect(detectLanguage('市議会は火曜日、長い議論の末に新しい予算を承認した。', 'zh-Hant')).toBe(
      'ja',
    )
    expect(
      detectLanguage(`${TRADITIONAL}會場展出ポケモン周邊商品。${TRADITIONAL}`, 'zh-Hant'),
    ).toBe('zh-Hant')
  })

  it('names other languages with their shortest tag', () => {
    const texts: [string, string][] = [
      ['Le conseil municipal a approuvé mardi le nouveau budget après un long débat.', 'fr'],
      ['Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen.', 'de'],
      ['Городской совет во вторник утвердил новый бюджет после долгих дебатов.', 'ru'],
      ['وافق مجلس المدينة على الميزانية الجديدة يوم الثلاثاء بعد نقاش طويل', 'ar'],
      ['시의회는 화요일 오랜 논쟁 끝에 새 예산을 승인했다.', 'ko'],
      ['Hội đồng thành phố đã thông qua ngân sách mới vào thứ Ba sau cuộc tranh luận dài.', 'vi'],
    ]
    for (const [text, language] of texts) expect(detectLanguage(text, 'en')).toBe(language)
  })

  it('keeps the site language for a short text in its script, and says und for another', () => {
    expect(detectLanguage('Hello, world', 'en')).toBe('en')
    expect(detectLanguage('Hello, world', 'zh-Hant')).toBe('und')
    expect(detectLanguage('2024 12 31 100%', 'zh-Hant')).toBe('zh-Hant')
  })

  it('takes no toss-up among trigrams for a language: short English titles and notes', () => {
    // franc-min's best guesses for these were Swahili, Swedish, Malagasy, Ilocano and Madurese.
    const english = [
      'Karibu Kenya\nKaribu Kenya. Karibu Kenya.',
      'Good morning\nGood morning. Good morning.',
      'Rainy day in Kowloon\nRainy day in Kowloon',
      'Kakamega forest under threat from loggers',
      'Safari rally: Kalle Rovanperä wins in Naivasha',
      'Back home again\nBack home again. Back home again.',
    ]
    for (const text of english) {
      expect(detectLanguage(text, 'en'), text).toBe('en')
      expect(detectLanguage(text, 'zh-Hant'), text).toBe('und')
    }
    // A toss-up the site's language is far from is not given it.
    expect(detectLanguage('Kenya: Nairobi marathon takes place on Sunday', 'en')).toBe('und')
    expect(detectLanguage('Der Bürgermeister eröffnet die neue Brücke heute', 'en')).toBe('und')
    expect(detectLanguage('Der Bürgermeister eröffnet die neue Brücke heute', 'de')).toBe('de')
    expect(detectLanguage('El alcalde inaugura el nuevo puente sobre el río', 'es')).toBe('es')
  })

  it('still names a short title in a language that leads clearly', () => {
    const titles: [string, string][] = [
      ['Council approves budget for the new year ahead', 'en'],
      ['Le maire inaugure le nouveau pont sur la rivière', 'fr'],
      ['Il sindaco inaugura il nuovo ponte sul fiume oggi', 'it'],
      ['De burgemeester opent vandaag de nieuwe brug', 'nl'],
      ['Rais amesema serikali itaendelea kuboresha huduma za afya nchini', 'sw'],
      ['Thị trưởng khánh thành cây cầu mới bắc qua sông', 'vi'],
      ['Городской совет во вторник утвердил новый бюджет после долгих дебатов.', 'ru'],
    ]
    for (const [title, language] of titles) {
      expect(detectLanguage(title, 'zh-Hant'), title).toBe(language)
    }
  })

  it('reads no language into addresses: a page of links is the site language', () => {
    const links = Array.from({ length: 50 }, (_, i) => `https://e${i}.example/a`).join(' ')
    expect(detectLanguage(links, 'zh-Hant')).toBe('zh-Hant')
    expect(detectLanguage(`${ENGLISH} ${links} mail@news.example`, 'zh-Hant')).toBe('en')
  })

  it('reads a megabyte without a space as it reads its opening (the address rules once took minutes)', () => {
    // Each of these made the unbounded address rules try every start against the whole text.
    for (const unit of ['x', 'a@', 'a@b.', 'http://', 'www.', '經']) {
      const text = unit.repeat(Math.ceil(2 ** 20 / unit.length))
      expect(detectLanguage(text, 'zh-Hant'), unit).toBe(
        detectLanguage(text.slice(0, 8000), 'zh-Hant'),
      )
    }
  })
})

/**
 * The words bylines are read with (byline.ts), Traditional and Simplified: roles, kinds of
 * report, closings, outlets' last words, surnames, and the words that look like names but name
 * no one (menus, cities, photo credits).
 */

/** Space-separated words, longest first, so `全媒體記者` is matched before `記者`. */
function words(list: string): string[] {
  return list.split(' ').sort((a, b) => b.length - a.length)
}

/** Words that name reporters' roles, Traditional and Simplified; longest first when matched. */
export const ROLES = words(
  '特約撰稿人 特约撰稿人 專欄作者 专栏作者 查核記者 查核记者 全媒體記者 全媒体记者 融媒體記者 ' +
    '融媒体记者 融媒記者 融媒记者 本報記者 本报记者 特約記者 特约记者 特派記者 特派记者 見習記者 ' +
    '见习记者 實習記者 实习记者 首席記者 首席记者 攝影記者 摄影记者 駐站記者 驻站记者 特派員 特派员 ' +
    '通訊員 通讯员 實習生 实习生 評論員 评论员 主筆 主笔 記者 记者',
)
/** Roles in English bylines, compared without case: `By Lin Mei-hua / Staff reporter`. */
export const LATIN_ROLES = [
  ['staff', 'reporter'],
  ['staff', 'writer'],
  ['reporter'],
  ['correspondent'],
]
/**
 * The word before a byline's names in Latin letters, and the colon or space after it: `By`,
 * `Written by` (Squarespace's), `oleh` (Malay and Indonesian WordPress themes').
 */
export const BY = /^(?:(?:(?:written|reported|words|story)\s+)?by|oleh)(?:\s*[:：]\s*|\s+)(?=\S)/i
/** The words for a report, in every spelling: `報導`, `报导`, `報道`, `报道`. */
const REPORT = ['報導', '报导', '報道', '报道']
/** A report's kind after its place: `台北報導`, `台北即时报导`, `台北2日電`, `新加坡讯`. */
export const KINDS = words(
  ['', '綜合外電', '综合外电', '外電', '外电', '即時', '即时', '綜合', '综合', '連線', '连线']
    .flatMap((kind) => REPORT.map((report) => kind + report))
    .concat('專訊 专讯 消息 電 电 訊 讯'.split(' '))
    .join(' '),
)
/** Kinds of reporter named before the role, which are no newsroom: `学生记者`, `公民記者`. */
export const REPORTER_KIND = /^(?:学生|學生|校园|校園|公民|社区|社區|少年|青年|市民|网友|網友)$/u
/** Words that join two names: `Jane Doe and John Roe`, `Hannah Whitford 和 张子安`. */
export const JOINERS = new Set(['and', '&', '和', '與', '与', '及'])
/** The commonest surnames, Simplified and Traditional. */
export const SURNAME = new RegExp(
  `[${'王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范範金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯'}]`,
)
/** Double surnames, whose bearers' names run to four characters: `欧阳`, `司马`. */
export const DOUBLE_SURNAME =
  /^(?:欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|东方|東方|皇甫|尉迟|尉遲|公孙|公孫|慕容|令狐|夏侯|长孙|長孫|宇文|司徒|端木|申屠|轩辕|軒轅|澹台|澹臺|呼延|南宫|南宮|独孤|獨孤)/
/** Words that end in 讯 and name no newsroom: `快讯`, `简讯`, `资讯`, `新闻讯`. */
export const NEWS_WORDS = /[资資通快简簡喜死音视視电電审審传傳闻聞短提质質]$/
/** The kinds of report a newsroom files as its own. */
export const OWN_KINDS = new Set('專訊 专讯 訊 讯'.split(' '))
/** Jobs a byline may credit besides writing (a camera, an edit): the names after them are no authors. */
export const NOT_WRITING = new Set(
  (
    '編譯 编译 翻譯 翻译 責任編輯 责任编辑 編輯 编辑 校對 校对 攝像 摄像 剪輯 剪辑 後期 后期 配音 製作 制作 ' +
    '統籌 统筹 策劃 策划 監製 监制 審核 审核'
  ).split(' '),
)
/** Words after names: the writer's `報道`, `文/图` (wrote and photographed), the photographer's `攝`. */
export const CLOSINGS = words('報導 报导 報道 报道 整理 撰文 采写 採寫 文 图 圖 图文 圖文')
export const PHOTO_CLOSINGS = words('攝影 摄影 攝 摄')
/** The last word of an outlet's name. */
export const OUTLET_END =
  /(?:經濟報道|经济报道|通訊社|通讯社|新聞網|新闻网|新聞雲|新闻云|傳媒|传媒|媒體|媒体|日報|日报|時報|时报|晚報|晚报|早報|早报|週刊|周刊|雜誌|杂志|月刊|季刊|畫報|画报|頭條|头条|電視台|电视台|電視|电视|電台|电台|新聞|新闻|社|報|报|網|网|台|端|刊)$/u
/** The kinds of page a public body issues: `新聞稿`, `公告`, `媒体发布` (a menu's words too). */
export const PAGE_KINDS = words(
  '新聞稿 新闻稿 新聞公報 新闻公报 媒體文告 媒体文告 媒體發布 媒体发布 文告 公告 通告 通知 聲明 声明',
)
/** Words of a site's menus, short like a name: `视频`, `专题`, `新聞稿`. */
export const MENU_WORDS = new Set([
  ...(
    '视频 視頻 音频 音頻 图片 圖片 专题 專題 直播 首页 首頁 评论 評論 更多 热点 熱點 推荐 推薦 要闻 ' +
    '要聞 新闻 新聞 财经 財經 体育 體育 娱乐 娛樂 科技 国际 國際 社会 社會 图集 圖集 语音 語音 专栏 專欄 ' +
    '经济 經濟 政治 国内 國內 本地 健康 教育 旅游 旅遊 汽车 汽車 房产 房產 军事 軍事 活动 活動'
  ).split(' '),
  ...PAGE_KINDS,
])
/**
 * A site's section named as news of a kind (`校园新闻`, `本地新聞`, `政务动态`): shaped like an
 * outlet's name, but a menu's item, which is no source beside the date.
 */
export const SECTION_NAME = new RegExp(
  `^(?:${(
    '校园 校園 本地 地方 国内 國內 国际 國際 社会 社會 体育 體育 娱乐 娛樂 财经 財經 科技 文化 教育 ' +
    '健康 生活 综合 綜合 时事 時事 要闻 要聞 图片 圖片 视频 視頻 滚动 滾動 即时 即時 最新 热门 熱門 ' +
    '焦点 焦點 学校 學校 院系 部门 部門 工作 政务 政務 党建 黨建 民生 法治 军事 軍事 两岸 兩岸 港澳 ' +
    '华社 華社 校友 学术 學術 医院 醫院 商会 商會 会员 會員'
  ).replaceAll(' ', '|')})(?:新闻|新聞|动态|動態|资讯|資訊)$`,
  'u',
)
/** Cities bylines name after the reporter (`記者王小明 台北`), which are no one's names. */
export const BYLINE_PLACES = new Set(
  (
    '台北 臺北 新北 台中 臺中 台南 臺南 高雄 桃園 新竹 基隆 嘉義 花蓮 台東 臺東 宜蘭 屏東 香港 澳門 澳门 ' +
    '北京 上海 广州 廣州 深圳 天津 重庆 重慶 杭州 南京 武汉 武漢 成都 西安 东京 東京 首尔 首爾 纽约 紐約 ' +
    '伦敦 倫敦 巴黎 柏林 华盛顿 華盛頓 悉尼 雪梨 新加坡 吉隆坡'
  ).split(' '),
)
/** Words a photo's credit carries that name no person: `資料照`, `示意圖`. */
export const NOT_NAMES = new Set(
  '資料照 资料照 資料圖 资料图 檔案照 档案照 示意圖 示意图 翻攝 翻摄 截圖 截图 網路圖 网络图'.split(
    ' ',
  ),
)
/** Titles a church, a temple or a school prints after a name: `關子晴傳道`, `释慧明法师`. */
export const TITLE_AFTER =
  /^(\p{Script=Han}{2,4}?)(?:傳道|传道|牧師|牧师|長老|长老|執事|执事|神父|修女|法師|法师|居士|老師|老师|教授)$/u
/** What a columnist does, printed after the name: `周承翰／高中公民科教師`, `／大學副教授`. */
export const JOB_END =
  /(?:教師|教师|老師|老师|教授|講師|讲师|律師|律师|醫師|医师|醫生|医生|作家|研究員|研究员|學者|学者|博士|顧問|顾问|工程師|工程师|評論員|评论员|社工|總監|总监|經理|经理|創辦人|创办人|執行長|执行长|董事長|董事长|校長|校长|會計師|会计师|建築師|建筑师|設計師|设计师|心理師|心理师|營養師|营养师|藥師|药师|牧師|牧师|主任)$/u

/**
 * Other sites' archives, written from the formats' specifications as real sites publish them:
 * an RSS 2.0 archive over RFC 5005 archive documents, a paged Atom feed, a JSON Feed with
 * `next_url`, and a WordPress export (WXR 1.2). Each is a map of path to document, served by
 * the integration tests' fixture host and read directly by the unit tests.
 */

export const OLD_SITE = 'http://old.test:8080'

/** The n-th story of an archive: varied titles, zones, authors and categories. */
export function story(n: number) {
  const zh = n % 3 === 0
  const title = zh ? `第${n}號報導:市議會通過預算` : `Story ${n}: council passes the budget`
  const day = 1 + (n % 28)
  const month = 1 + (Math.floor(n / 28) % 12)
  const year = 2015 + Math.floor(n / 336)
  const hour = n % 24
  return {
    n,
    title,
    guid: `tag:old.test,2015:story-${n}`,
    link: `${OLD_SITE}/${year}/${String(month).padStart(2, '0')}/story-${n}.html`,
    // RSS's RFC 822 date with Taipei's offset, and the same instant in RFC 3339.
    rfc822: `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}, ${String(day).padStart(2, '0')} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${year} ${String(hour).padStart(2, '0')}:15:00 +0800`,
    rfc3339: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:15:00+08:00`,
    author: n % 2 ? 'Wang Xiaoming' : '李小華',
    category: ['Politics', 'City', '市政'][n % 3]!,
    html: zh
      ? `<p>市議會今天以二十票對十票通過第${n}號預算案。</p><p>議長表示 &amp; 感謝。</p>`
      : `<p>The council voted 20 to 10 for budget no. ${n}.</p><p>The speaker said <em>thanks</em> &amp; left.</p>`,
  }
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function rssItem(n: number): string {
  const s = story(n)
  const enclosure =
    n % 10 === 0
      ? `\n      <enclosure url="${OLD_SITE}/audio/${n}.mp3" length="${1000 + n}" type="audio/mpeg"/>`
      : ''
  return `    <item>
      <title>${xmlEscape(s.title)}</title>
      <link>${s.link}</link>
      <guid isPermaLink="false">${s.guid}</guid>
      <pubDate>${s.rfc822}</pubDate>
      <dc:creator>${s.author}</dc:creator>
      <category>${s.category}</category>
      <description>${xmlEscape(`Summary of story ${n}.`)}</description>
      <content:encoded><![CDATA[${s.html}]]></content:encoded>
      <media:content url="${OLD_SITE}/images/${n}.jpg" medium="image" type="image/jpeg"/>${enclosure}
    </item>`
}

/**
 * RFC 5005 archived feeds: `/feed.xml` holds the newest `perPage` stories and links to the
 * newest archive document; each archive (`fh:archive`) links to the one before it.
 */
export function rssArchive(count = 250, perPage = 50, base = OLD_SITE): Map<string, string> {
  const pages = Math.ceil(count / perPage)
  const out = new Map<string, string>()
  for (let p = pages - 1; p >= 0; p--) {
    const first = p * perPage + 1
    const last = Math.min(count, first + perPage - 1)
    const current = p === pages - 1
    const path = current ? '/feed.xml' : `/archive/${p + 1}.xml`
    const prev =
      p > 0 ? `\n    <atom:link rel="prev-archive" href="${base}/archive/${p}.xml"/>` : ''
    const items = []
    for (let n = last; n >= first; n--) items.push(rssItem(n))
    out.set(
      path,
      `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:fh="http://purl.org/syndication/history/1.0">
  <channel>
    <title>Old Gazette</title>
    <link>${OLD_SITE}/</link>
    <description>The old site</description>
    <language>en</language>
    <atom:link rel="self" href="${base}${path}"/>${current ? '' : '\n    <fh:archive/>'}${prev}
${items.join('\n')}
  </channel>
</rss>
`,
    )
  }
  return out
}

/** A paged Atom feed (RFC 5005 section 3): `/atom.xml`, then `/atom.xml?page=2`... by `rel="next"`. */
export function atomPaged(count = 60, perPage = 25, base = OLD_SITE): Map<string, string> {
  const out = new Map<string, string>()
  const pages = Math.ceil(count / perPage)
  for (let p = 1; p <= pages; p++) {
    const path = p === 1 ? '/atom.xml' : `/atom.xml?page=${p}`
    const next = p < pages ? `\n  <link rel="next" href="${base}/atom.xml?page=${p + 1}"/>` : ''
    const entries = []
    for (let n = count - (p - 1) * perPage; n > Math.max(0, count - p * perPage); n--) {
      const s = story(n)
      entries.push(`  <entry>
    <id>${s.guid}</id>
    <title type="html">${xmlEscape(s.title)}</title>
    <link rel="alternate" type="text/html" href="${s.link}"/>
    <published>${s.rfc3339}</published>
    <updated>${s.rfc3339}</updated>
    <author><name>${s.author}</name><uri>${OLD_SITE}/authors/${n % 2}</uri></author>
    <category term="${s.category.toLowerCase()}" label="${s.category}"/>
    <summary type="text">Summary of story ${n}.</summary>
    <content type="html">${xmlEscape(s.html)}</content>${n % 10 === 0 ? `\n    <link rel="enclosure" type="audio/mpeg" length="${1000 + n}" href="${OLD_SITE}/audio/${n}.mp3"/>` : ''}
  </entry>`)
    }
    out.set(
      path,
      `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${OLD_SITE}/</id>
  <title>Old Gazette</title>
  <updated>2019-01-01T00:00:00+08:00</updated>
  <link rel="self" href="${base}${path}"/>${next}
${entries.join('\n')}
</feed>
`,
    )
  }
  return out
}

/** A JSON Feed 1.1 paged with `next_url`. */
export function jsonFeedPaged(count = 45, perPage = 20, base = OLD_SITE): Map<string, string> {
  const out = new Map<string, string>()
  const pages = Math.ceil(count / perPage)
  for (let p = 1; p <= pages; p++) {
    const path = p === 1 ? '/feed.json' : `/feed.json?page=${p}`
    const items = []
    for (let n = count - (p - 1) * perPage; n > Math.max(0, count - p * perPage); n--) {
      const s = story(n)
      items.push({
        id: s.guid,
        url: s.link,
        title: s.title,
        content_html: s.html,
        summary: `Summary of story ${n}.`,
        date_published: s.rfc3339,
        authors: [{ name: s.author }],
        tags: [s.category],
        image: `${OLD_SITE}/images/${n}.jpg`,
        ...(n % 10 === 0
          ? {
              attachments: [
                {
                  url: `${OLD_SITE}/audio/${n}.mp3`,
                  mime_type: 'audio/mpeg',
                  size_in_bytes: 1000 + n,
                },
              ],
            }
          : {}),
      })
    }
    out.set(
      path,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Old Gazette',
        home_page_url: `${OLD_SITE}/`,
        feed_url: `${base}${path}`,
        ...(p < pages ? { next_url: `${base}/feed.json?page=${p + 1}` } : {}),
        items,
      }),
    )
  }
  return out
}

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`

function wpItem(fields: {
  id: number
  title: string
  type: string
  status: string
  content?: string
  excerpt?: string
  date: string
  dateGmt: string
  creator?: string
  categories?: [string, string, string][]
  meta?: [string, string][]
  comments?: string[]
  attachmentUrl?: string
  slug?: string
}): string {
  const link = `${OLD_SITE}/?p=${fields.id}`
  return `
	<item>
		<title>${cdata(fields.title)}</title>
		<link>${fields.status === 'publish' ? `${OLD_SITE}/${fields.slug ?? `post-${fields.id}`}/` : link}</link>
		<pubDate>${fields.status === 'draft' ? 'Mon, 30 Nov -0001 00:00:00 +0000' : 'Sat, 04 Mar 2017 02:20:30 +0000'}</pubDate>
		<dc:creator>${cdata(fields.creator ?? 'editor')}</dc:creator>
		<guid isPermaLink="false">${link}</guid>
		<description></description>
		<content:encoded>${cdata(fields.content ?? '')}</content:encoded>
		<excerpt:encoded>${cdata(fields.excerpt ?? '')}</excerpt:encoded>
		<wp:post_id>${fields.id}</wp:post_id>
		<wp:post_date>${cdata(fields.date)}</wp:post_date>
		<wp:post_date_gmt>${cdata(fields.dateGmt)}</wp:post_date_gmt>
		<wp:post_modified>${cdata(fields.date)}</wp:post_modified>
		<wp:post_modified_gmt>${cdata(fields.dateGmt)}</wp:post_modified_gmt>
		<wp:comment_status>${cdata('open')}</wp:comment_status>
		<wp:ping_status>${cdata('open')}</wp:ping_status>
		<wp:post_name>${cdata(fields.slug ?? `post-${fields.id}`)}</wp:post_name>
		<wp:status>${cdata(fields.status)}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata(fields.type)}</wp:post_type>
		<wp:post_password>${cdata('')}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>${fields.attachmentUrl ? `\n\t\t<wp:attachment_url>${cdata(fields.attachmentUrl)}</wp:attachment_url>` : ''}${(
      fields.categories ?? []
    )
      .map(
        ([domain, nicename, name]) =>
          `\n\t\t<category domain="${domain}" nicename="${nicename}">${cdata(name)}</category>`,
      )
      .join('')}${(fields.meta ?? [])
      .map(
        ([key, value]) => `
		<wp:postmeta>
			<wp:meta_key>${cdata(key)}</wp:meta_key>
			<wp:meta_value>${cdata(value)}</wp:meta_value>
		</wp:postmeta>`,
      )
      .join('')}${(fields.comments ?? [])
      .map(
        (text, i) => `
		<wp:comment>
			<wp:comment_id>${fields.id * 100 + i}</wp:comment_id>
			<wp:comment_author>${cdata('A reader')}</wp:comment_author>
			<wp:comment_author_email>${cdata('reader@example.com')}</wp:comment_author_email>
			<wp:comment_date>${cdata(fields.date)}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(fields.dateGmt)}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(text)}</wp:comment_content>
			<wp:comment_approved>${cdata('1')}</wp:comment_approved>
			<wp:comment_type>${cdata('comment')}</wp:comment_type>
			<wp:comment_parent>0</wp:comment_parent>
		</wp:comment>`,
      )
      .join('')}
	</item>`
}

/** The ids and guids of the posts and pages a WXR export from `wordpressExport` publishes. */
export const wxrGuid = (id: number) => `${OLD_SITE}/?p=${id}`

/** A media library item: an attachment of `url`, as WordPress lists each upload. */
function attachment(id: number, url: string): string {
  return wpItem({
    id,
    title: url.split('/').pop()!,
    type: 'attachment',
    status: 'inherit',
    date: '2017-03-04 10:20:30',
    dateGmt: '2017-03-04 02:20:30',
    attachmentUrl: url,
  })
}

export interface ExportShape {
  /**
   * Where the featured images' attachments are: before the posts (the first post's), or after
   * the posts that use them, as WordPress often writes them: the second post's right after it,
   * the first post's at the end of the file.
   */
  featured?: 'before' | 'after'
  /** More attachments at the end, none used as a featured image: a media library's bulk. */
  library?: number
  /** The featured image's address (another host's, to copy into R2). */
  featuredUrl?: string
  /** Content of the first post, instead of the usual. */
  firstContent?: string
}

/**
 * A WordPress export (WXR 1.2) as WordPress 6 writes it: the site's authors, categories and
 * tags first, then items: a featured image (an attachment) before the post that uses it,
 * `posts` published posts in Taipei time with comments, categories, tags and CDATA holding
 * `]]>`, one page, one draft, one private post and a menu item (none of those three imported).
 */
export function wordpressExport(posts = 6, shape: ExportShape = {}): string {
  const featured = shape.featured ?? 'before'
  const featuredUrl = shape.featuredUrl ?? `${OLD_SITE}/wp-content/uploads/2017/03/harbour.jpg`
  const items: string[] = featured === 'before' ? [attachment(9000, featuredUrl)] : []
  for (let i = 1; i <= posts; i++) {
    const zh = i % 2 === 0
    items.push(
      wpItem({
        id: i,
        title: zh ? `港口擴建第${i}期動工` : `Harbour works, phase ${i} & more`,
        type: 'post',
        status: 'publish',
        slug: `harbour-phase-${i}`,
        creator: zh ? 'lihua' : 'editor',
        content:
          i === 1 && shape.firstContent !== undefined
            ? shape.firstContent
            : zh
              ? `港口擴建今天動工。\n\n第二段:碼頭 <strong>${i}</strong> 號。`
              : `The works began today.\n\nA line with ]]> in it, and <a href="${OLD_SITE}/map/">a map</a>.`,
        excerpt: i === 1 ? 'Phase one begins.' : '',
        date: `2017-03-${String(i).padStart(2, '0')} 10:20:30`,
        dateGmt: `2017-03-${String(i).padStart(2, '0')} 02:20:30`,
        categories: [
          ['category', 'harbour', 'Harbour'],
          ['post_tag', 'works', zh ? '工程' : 'Works'],
        ],
        meta:
          i === 1
            ? [['_thumbnail_id', '9000']]
            : i === 2 && featured === 'after'
              ? [['_thumbnail_id', '9001']]
              : [['_edit_last', '1']],
        comments: ['Great news!', 'When does it end?'],
      }),
    )
    if (i === 2 && featured === 'after') {
      items.push(attachment(9001, `${OLD_SITE}/wp-content/uploads/2017/03/pier.jpg`))
    }
  }
  items.push(
    wpItem({
      id: 500,
      title: 'About us',
      type: 'page',
      status: 'publish',
      slug: 'about',
      content: 'We report on the harbour.',
      date: '2016-01-01 09:00:00',
      dateGmt: '2016-01-01 01:00:00',
    }),
    wpItem({
      id: 501,
      title: 'Unfinished draft',
      type: 'post',
      status: 'draft',
      content: 'Not ready.',
      date: '2017-05-01 09:00:00',
      dateGmt: '0000-00-00 00:00:00',
    }),
    wpItem({
      id: 502,
      title: 'Private memo',
      type: 'post',
      status: 'private',
      content: 'Staff only.',
      date: '2017-05-02 09:00:00',
      dateGmt: '2017-05-02 01:00:00',
    }),
    wpItem({
      id: 503,
      title: 'Home',
      type: 'nav_menu_item',
      status: 'publish',
      date: '2017-05-02 09:00:00',
      dateGmt: '2017-05-02 01:00:00',
    }),
  )
  if (featured === 'after') items.push(attachment(9000, featuredUrl))
  for (let n = 0; n < (shape.library ?? 0); n++) {
    items.push(attachment(20000 + n, `${OLD_SITE}/wp-content/uploads/2016/01/photo-${n}.jpg`))
  }
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- generator="WordPress/6.4.2" created="2024-01-15 08:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>

<channel>
	<title>Old Gazette</title>
	<link>${OLD_SITE}</link>
	<description>Harbour news</description>
	<pubDate>Mon, 15 Jan 2024 08:00:00 +0000</pubDate>
	<language>zh-TW</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${OLD_SITE}</wp:base_site_url>
	<wp:base_blog_url>${OLD_SITE}</wp:base_blog_url>

	<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('editor')}</wp:author_login><wp:author_email>${cdata('editor@old.test')}</wp:author_email><wp:author_display_name>${cdata('Chen Editor')}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>
	<wp:author><wp:author_id>2</wp:author_id><wp:author_login>${cdata('lihua')}</wp:author_login><wp:author_email>${cdata('lihua@old.test')}</wp:author_email><wp:author_display_name>${cdata('李小華')}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>

	<wp:category>
		<wp:term_id>3</wp:term_id>
		<wp:category_nicename>${cdata('harbour')}</wp:category_nicename>
		<wp:category_parent>${cdata('')}</wp:category_parent>
		<wp:cat_name>${cdata('Harbour')}</wp:cat_name>
	</wp:category>
	<wp:tag>
		<wp:term_id>4</wp:term_id>
		<wp:tag_slug>${cdata('works')}</wp:tag_slug>
		<wp:tag_name>${cdata('Works')}</wp:tag_name>
	</wp:tag>

	<generator>https://wordpress.org/?v=6.4.2</generator>
${items.join('\n')}
</channel>
</rss>
`
}

/**
 * People and the site as microformats2 h-cards, which IndieWeb readers, Micro.blog and Bridgy
 * Fed read: an article's authors (`p-author`) and the site itself, with its `rel="me"` profiles.
 */
import type { Author } from '../articles/model'
import { toIri } from '../urls'
import type { Site } from './layout'

/** Authors as h-cards, named as the page writes a list of names (`王小明、Jane`). */
export function AuthorCards(props: { authors: Author[] }) {
  return (
    <>
      {props.authors.map((author, i) => (
        <>
          {i ? '、' : ''}
          {author.url ? (
            <a class="p-author h-card" href={author.url}>
              {author.name}
            </a>
          ) : (
            <span class="p-author h-card">{author.name}</span>
          )}
        </>
      ))}
    </>
  )
}

/** The site as an author: articles that name none are by the site, as in its feeds. */
export function siteAuthor(site: Site): Author {
  return { name: site.title, url: `${site.baseUrl}/` }
}

/** A profile's address as people read it: without `https://` and a closing slash. */
function profileName(url: string): string {
  return toIri(url)
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '')
}

/** The site's h-card: its name, what it is, and its profiles elsewhere (`rel="me"`). */
export function SiteCard(props: { site: Site }) {
  const { site } = props
  return (
    <span class="h-card">
      <a class="p-name u-url u-uid" href={`${site.baseUrl}/`}>
        {site.title}
      </a>
      {' · '}
      <span class="p-note">{site.description}</span>
      {site.me.map((url) => (
        <>
          {' · '}
          <a class="u-url" rel="me" href={url}>
            {profileName(url)}
          </a>
        </>
      ))}
    </span>
  )
}

/**
 * People and the site as microformats2 h-cards, which IndieWeb readers, Micro.blog and Bridgy
 * Fed read: an article's authors (`p-author`) and the site itself, with its `rel="me"` profiles.
 */
import type { Author } from '../articles/model'
import { authorPath, toIri } from '../urls'
import type { Site } from './layout'

/**
 * Authors as h-cards, named as the page writes a list of names (`王小明、Jane`), each linking
 * to the author's page here, with their articles and feeds. An article that names none is by
 * the site, whose card links to its home page.
 */
export function AuthorCards(props: { site: Site; authors: Author[] }) {
  const { site, authors } = props
  if (authors.length === 0) {
    return (
      <a class="p-author h-card" href={`${site.baseUrl}/`}>
        {site.title}
      </a>
    )
  }
  return (
    <>
      {authors.map((author, i) => (
        <>
          {i ? '、' : ''}
          {author.url ? (
            // Their own address stays on the card (microformats read both urls), out of the
            // byline's way: the name links here, a small arrow to them.
            <span class="p-author h-card">
              <a class="p-name u-url" href={site.prefix + authorPath(author.name)}>
                {author.name}
              </a>
              <a class="u-url" href={author.url} aria-label={profileName(author.url)}>
                ↗
              </a>
            </span>
          ) : (
            <a class="p-author h-card" href={site.prefix + authorPath(author.name)}>
              {author.name}
            </a>
          )}
        </>
      ))}
    </>
  )
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

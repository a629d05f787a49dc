/**
 * Our media's addresses: the URL a file is given out at, and which URLs in an article are
 * files of ours (the Worker's `/media/{sha256}`, or R2's public domain). Large audio and
 * video are linked on R2's public domain when there is one: Workers Cache does not store the
 * 206 answers that players ask for, and R2's domain serves and caches Range requests itself.
 */
import { mediaPath } from '../urls'
import { isStoredType, kindOf, type StoredType } from './types'

/** Where files are served: the site, and R2's public domain if configured. */
export interface MediaSite {
  baseUrl: string
  mediaPublicUrl?: string
}

/** The URL a file is given out at: a WordPress export, which is not served, at the API's. */
export function fileUrl(site: MediaSite, key: string, type: StoredType): string {
  const kind = kindOf(type)
  if (kind === 'export') return `${site.baseUrl}/api/media/${key}`
  if (site.mediaPublicUrl && (kind === 'audio' || kind === 'video')) {
    return `${site.mediaPublicUrl}/${key}`
  }
  return site.baseUrl + mediaPath(key)
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

/**
 * The URL to link a file at, given any of its addresses: a file of ours of a type we store is
 * linked where `fileUrl` gives it out (audio and video on R2's public domain, when there is
 * one); any other URL is left as it is.
 */
export function linkedUrl(site: MediaSite, url: string, type: string): string {
  const key = mediaKeyOf(site, url)
  return key && isStoredType(type) ? fileUrl(site, key, type) : url
}

/** A pattern of every address of ours a file has; group 1 is its key. */
function addresses(site: MediaSite): RegExp {
  const prefixes = [`${escape(site.baseUrl)}/media/`]
  if (site.mediaPublicUrl) prefixes.push(`${escape(site.mediaPublicUrl)}/`)
  return new RegExp(`^(?:${prefixes.join('|')})([0-9a-f]{64})$`)
}

/** The key of a file of ours at `url`, or undefined for any other URL. */
export function mediaKeyOf(site: MediaSite, url: string): string | undefined {
  return addresses(site).exec(url)?.[1]
}

/**
 * The key of a file uploaded here, named by any of its addresses: those `mediaKeyOf` knows,
 * or the API's (`/api/media/{sha256}`, where a WordPress export is given out).
 */
export function uploadKeyOf(site: MediaSite, url: string): string | undefined {
  const api = new RegExp(`^${escape(site.baseUrl)}/api/media/([0-9a-f]{64})$`).exec(url)
  return api?.[1] ?? mediaKeyOf(site, url)
}

/**
 * The keys of our files that `html` links or shows, in order, once each: absolute addresses
 * of ours and site-relative `/media/{sha256}` links in any attribute.
 */
export function mediaKeysIn(site: MediaSite, html: string): string[] {
  const origins = [escape(site.baseUrl) + '/media/', '/media/']
  if (site.mediaPublicUrl) origins.push(escape(site.mediaPublicUrl) + '/')
  const pattern = new RegExp(`["'\\s](?:${origins.join('|')})([0-9a-f]{64})(?=["'\\s?#/])`, 'g')
  return [...new Set([...html.matchAll(pattern)].map((m) => m[1]!))]
}

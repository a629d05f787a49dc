/**
 * An article's attachments that are files of ours get their type and size from R2 itself, so
 * an enclosure's length is always the bytes a reader downloads; one that names a file we do
 * not have is refused.
 */
import type { ArticleInput } from '../articles/schema'
import { MediaRefusal } from './errors'
import { mediaKeyOf, type MediaSite } from './links'

/** `input` with its attachments of ours typed and sized as R2 stores them. */
export async function withFileFacts<T extends Pick<ArticleInput, 'attachments'>>(
  bucket: R2Bucket,
  site: MediaSite,
  input: T,
): Promise<T> {
  if (!input.attachments?.length) return input
  const attachments = await Promise.all(
    input.attachments.map(async (attachment, i) => {
      const key = mediaKeyOf(site, attachment.url)
      if (!key) return attachment
      const object = await bucket.head(key)
      if (!object) {
        throw new MediaRefusal(
          400,
          'Invalid input',
          `No file of ours is ${key}: upload it to /api/media first.`,
          `/attachments/${i}/url`,
        )
      }
      const mime_type = object.httpMetadata?.contentType ?? 'application/octet-stream'
      return { ...attachment, mime_type, size_in_bytes: object.size }
    }),
  )
  return { ...input, attachments }
}

/**
 * Files of ours in an article get their type and size from R2 itself, so an enclosure's length
 * is always the bytes a reader downloads: each attachment, and the lead image. An article that
 * names a file we do not have is refused.
 */
import { leadImage } from '../articles/build'
import type { MediaFacts } from '../articles/model'
import type { ArticleInput } from '../articles/schema'
import { MediaRefusal } from './errors'
import { mediaKeyOf, type MediaSite } from './links'

type WithFiles = Pick<ArticleInput, 'attachments' | 'image' | 'photos' | 'image_file'>

/**
 * `input` with its attachments of ours typed and sized as R2 stores them, and the facts of its
 * lead image (`image_file`) when that is a file of ours.
 */
export async function withFileFacts<T extends WithFiles>(
  bucket: R2Bucket,
  site: MediaSite,
  input: T,
): Promise<T> {
  const lead = leadImage(input)
  const [attachments, image_file] = await Promise.all([
    input.attachments &&
      Promise.all(
        input.attachments.map(async (attachment, i) => {
          const facts = await factsOf(bucket, site, attachment.url, `/attachments/${i}/url`)
          return facts ? { ...attachment, ...facts } : attachment
        }),
      ),
    // A lead image taken from the photos is named where it was sent, as the coordinator names it.
    lead && imageFacts(bucket, site, lead, input.image ? '/image' : '/photos/0/url'),
  ])
  const out: T = { ...input }
  if (attachments) out.attachments = attachments
  if (image_file) out.image_file = image_file
  return out
}

/** R2's facts of an image of ours; a file of ours that is no image (an MP3, a PDF) is refused. */
async function imageFacts(
  bucket: R2Bucket,
  site: MediaSite,
  url: string,
  pointer: string,
): Promise<MediaFacts | undefined> {
  const facts = await factsOf(bucket, site, url, pointer)
  if (facts && !facts.mime_type.startsWith('image/')) {
    throw new MediaRefusal(
      400,
      'Invalid input',
      `${url} is ${facts.mime_type}, not an image: give it as an attachment.`,
      pointer,
    )
  }
  return facts
}

/** R2's facts of the file at `url` if it is ours (undefined if not); refused if R2 lacks it. */
async function factsOf(
  bucket: R2Bucket,
  site: MediaSite,
  url: string,
  pointer: string,
): Promise<MediaFacts | undefined> {
  const key = mediaKeyOf(site, url)
  if (!key) return undefined
  const object = await bucket.head(key)
  if (!object) {
    throw new MediaRefusal(
      400,
      'Invalid input',
      `No file of ours is ${key}: upload it to /api/media first.`,
      pointer,
    )
  }
  const mime_type = object.httpMetadata?.contentType ?? 'application/octet-stream'
  return { mime_type, size_in_bytes: object.size }
}

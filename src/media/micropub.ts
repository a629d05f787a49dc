/**
 * Micropub's multipart files (W3C Micropub 3.7.1): each `photo`, `video` or `audio` file of a
 * create is checked and stored for its writer. A photo is given to the post as its URL, with
 * the alt text of `mp-photo-alt` when the client sends one; a video or an audio file becomes
 * one of its attachments, typed and sized as stored. Every file is checked before any is stored, and
 * the files a refused create stored are let go again, so a refusal leaves nothing.
 */
import type { Properties } from '../articles/mf2'
import type { Attachment } from '../articles/model'
import type { Writer } from '../desk/protocol'
import { MediaRefusal } from './errors'
import type { MediaSite } from './links'
import { checkFile, storeFile, type MediaDesk } from './store'

/** The properties a file may be sent as. */
const FILE_PROPERTIES = new Set(['photo', 'video', 'audio'])

/** The coordinator, as storing and letting go of files needs it. */
export interface FilesDesk extends MediaDesk {
  releaseMedia(writer: Writer, key: string): Promise<unknown>
}

/**
 * Stores `files` and adds them to `props`, then runs `create`; if it fails, the files this
 * request was the first to store for `writer` are let go before the failure is passed on.
 */
export async function withFiles<T>(
  bucket: R2Bucket,
  desk: FilesDesk,
  writer: Writer,
  site: MediaSite,
  files: Record<string, File[]>,
  props: Properties,
  create: (props: Properties, attachments: Attachment[]) => Promise<T>,
): Promise<T> {
  const names = Object.keys(files)
  const wrong = names.find((name) => !FILE_PROPERTIES.has(name))
  if (wrong !== undefined) {
    throw new MediaRefusal(
      400,
      'Invalid input',
      `Files are taken as photo, video or audio, not as "${wrong.slice(0, 50)}".`,
      `/${wrong.slice(0, 50)}`,
    )
  }
  const checked = await Promise.all(
    names.map(async (name) => ({
      name,
      files: await Promise.all(
        files[name]!.map(async (f) => checkFile(new Uint8Array(await f.arrayBuffer()), f.type)),
      ),
    })),
  )
  const created: string[] = []
  const alts = props['mp-photo-alt'] ?? []
  delete props['mp-photo-alt']
  const attachments: Attachment[] = []
  try {
    for (const { name, files: list } of checked) {
      const values: unknown[] = [...(props[name] ?? [])]
      for (const file of list) {
        const { file: stored, created: first } = await storeFile(bucket, desk, writer, file, site)
        if (first) created.push(stored.key)
        if (name !== 'photo') {
          attachments.push({ url: stored.url, mime_type: stored.type, size_in_bytes: stored.size })
          continue
        }
        const alt = alts[values.length]
        values.push(typeof alt === 'string' ? { value: stored.url, alt } : stored.url)
      }
      if (values.length) props[name] = values
    }
    return await create(props, attachments)
  } catch (error) {
    for (const key of created) await desk.releaseMedia(writer, key)
    throw error
  }
}

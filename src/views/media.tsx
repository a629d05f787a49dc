/** Media on a page: a photo with its variant ladder, and the files an article carries. */
import type { Attachment } from '../articles/model'
import type { Site } from './layout'
import { fileView, PHOTO_SIZES, srcsetOf } from './models/media'

/** A photo: a file of ours is offered at each width of the ladder, the browser choosing. */
export function Photo(props: { site: Site; url: string; alt: string; class?: string }) {
  const srcset = srcsetOf(props.site, props.url)
  return srcset ? (
    <img class={props.class} src={props.url} srcset={srcset} sizes={PHOTO_SIZES} alt={props.alt} />
  ) : (
    <img class={props.class} src={props.url} alt={props.alt} />
  )
}

/** The files an article carries: audio and video played in place, anything else downloaded. */
export function Attachments(props: { site: Site; attachments?: Attachment[] }) {
  const files = (props.attachments ?? []).map((a) => fileView(props.site, a))
  if (files.length === 0) return null
  const l = props.site.labels
  return (
    <section class="files" aria-label={l.files}>
      {files.map((file) => (
        <figure>
          {file.kind === 'audio' ? (
            <audio controls preload="none" src={file.url} />
          ) : file.kind === 'video' ? (
            <video controls preload="metadata" src={file.url} />
          ) : null}
          <figcaption>
            {file.title ? <>{file.title} · </> : null}
            <a href={file.url} type={file.type} download="">
              {l.download}
            </a>{' '}
            <span class="meta">({file.facts})</span>
          </figcaption>
        </figure>
      ))}
    </section>
  )
}

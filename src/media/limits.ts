/**
 * How large a file may be, by kind, and how uploads are cut: one request carries a photo;
 * anything larger is uploaded in parts (R2's multipart upload API), streamed to R2 without
 * being held in memory. docs/media.md lists these.
 */
import type { MediaKind } from './types'

const MiB = 1024 * 1024

/** The largest file of each kind. */
export const KIND_LIMITS: Record<MediaKind, number> = {
  image: 25 * MiB,
  audio: 512 * MiB,
  video: 4096 * MiB,
  document: 100 * MiB,
  // A WordPress export runs to hundreds of megabytes, and is read in ranges, never whole: at
  // about 100 posts (0.5 to 1 MiB) a step, 512 MiB stays within a Workflow run's steps.
  export: 512 * MiB,
}

/**
 * The most one upload request may carry: the file is held in memory to be checked, stripped
 * and hashed, and a Worker has 128 MB for every request its isolate runs.
 */
export const REQUEST_LIMIT = KIND_LIMITS.image

/** Parts of a multipart upload: R2 wants equal parts of at least 5 MiB (the last smaller). */
export const PART_MIN = 5 * MiB
/** Workers take request bodies of up to 100 MB (Free and Pro plans). */
export const PART_MAX = 95 * MiB
/** R2 takes at most 10,000 parts. */
export const PARTS_MAX = 10_000

/** A limit in words: "25 MiB (26214400 bytes)". */
export function bytesInWords(bytes: number): string {
  return `${bytes >= 1024 * MiB ? `${bytes / (1024 * MiB)} GiB` : `${bytes / MiB} MiB`} (${bytes} bytes)`
}

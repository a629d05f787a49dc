/**
 * An uploaded WordPress export in R2, read in byte ranges (R2's `range` reads), so that the
 * importer holds one range at a time, never the file.
 */
import type { ByteSource } from './wxr'

/** The export under `key`, or undefined when R2 has no such object. */
export async function r2Source(bucket: R2Bucket, key: string): Promise<ByteSource | undefined> {
  const head = await bucket.head(key)
  if (!head) return undefined
  return {
    size: head.size,
    read: async (offset, length) => {
      const object = await bucket.get(key, { range: { offset, length } })
      if (!object) throw new Error(`the export ${key} disappeared from R2 while it was read`)
      return new Uint8Array(await object.arrayBuffer())
    },
  }
}

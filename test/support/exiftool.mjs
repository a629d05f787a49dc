// exiftool, the reference reader of photo metadata, for the unit tests that check what GPS
// stripping left. Plain JavaScript, so the tests' types need no Node declarations.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** True when exiftool is installed (Debian's libimage-exiftool-perl). */
export const hasExiftool = (() => {
  try {
    execFileSync('exiftool', ['-ver'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/**
 * Every tag exiftool reads in `bytes`, as `Group:Tag` names (`-G1`), duplicates included.
 * @param {Uint8Array} bytes
 * @returns {Record<string, unknown>}
 */
export function exiftoolTags(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'edgefeed-exif-'))
  try {
    const file = join(dir, 'photo')
    writeFileSync(file, bytes)
    return JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', file]).toString())[0]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

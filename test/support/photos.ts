/// <reference types="vite/client" />
/**
 * The test photos (test/fixtures/media, made by make-fixtures.sh), as bytes in either test
 * project: Vite inlines them, so workerd needs no file system.
 */
import jpeg from '../fixtures/media/gps.jpg?inline'
import png from '../fixtures/media/gps.png?inline'
import webp from '../fixtures/media/gps.webp?inline'

const DATA = { 'gps.jpg': jpeg, 'gps.png': png, 'gps.webp': webp }

export type PhotoName = keyof typeof DATA

/** A fresh copy of a test photo's bytes. */
export function photo(name: PhotoName): Uint8Array {
  const base64 = DATA[name].slice(DATA[name].indexOf(',') + 1)
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
}

/**
 * The images an article's HTML shows, and the same HTML pointing some of them elsewhere. The
 * HTML was sanitised on write and serialised by parse5, so every `src` is double-quoted with
 * `&` and `"` escaped, and an exact match of that form finds every use of a URL.
 */

const IMG_SRC = /<img\b[^>]*?\ssrc="([^"]*)"/g

const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&amp;/g, '&')
const encode = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

/** The `src` of every image in `html`, in order, once each. */
export function imageSources(html: string): string[] {
  return [...new Set([...html.matchAll(IMG_SRC)].map((m) => decode(m[1]!)))]
}

/** `html` with each image whose `src` is a key of `moved` pointing at its value instead. */
export function moveImages(html: string, moved: ReadonlyMap<string, string>): string {
  if (moved.size === 0) return html
  return html.replace(IMG_SRC, (tag, src: string) => {
    const to = moved.get(decode(src))
    return to === undefined ? tag : tag.replace(`src="${src}"`, `src="${encode(to)}"`)
  })
}

/**
 * The variant ladder: each stored photo also exists 320, 640 and 1280 pixels wide at most, as
 * WebP, made by the Images binding the first time it is asked for and kept in R2. A fixed
 * ladder bounds the work: three transformations per photo, ever, whatever pages ask. A width
 * the photo does not reach gives the photo as it is (`scale-down` never enlarges).
 */
export const LADDER = [320, 640, 1280] as const

/** Photo types the Images binding transforms (a GIF may be animated: it is shown as it is). */
const TRANSFORMABLE = new Set<string>(['image/jpeg', 'image/png', 'image/webp', 'image/avif'])

export function hasVariants(type: string): boolean {
  return TRANSFORMABLE.has(type)
}

export function isLadderWidth(width: number): boolean {
  return (LADDER as readonly number[]).includes(width)
}

/** One variant of the photo `original`, as WebP bytes. */
export async function makeVariant(
  images: ImagesBinding,
  original: ReadableStream<Uint8Array>,
  width: number,
): Promise<Uint8Array> {
  const result = await images
    .input(original)
    .transform({ width, fit: 'scale-down' })
    .output({ format: 'image/webp', quality: 82 })
  return new Uint8Array(await new Response(result.image()).arrayBuffer())
}

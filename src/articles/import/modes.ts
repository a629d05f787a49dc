/**
 * What to do with the phonetic annotations of a text that carries them (annotations.ts):
 * `strip` removes them (the default), `keep` keeps them verbatim, `ruby` shows them as
 * `<ruby>` in the article's HTML and keeps the base text in its plain-text fields.
 */
export const ANNOTATION_MODES = ['strip', 'keep', 'ruby'] as const

export type AnnotationMode = (typeof ANNOTATION_MODES)[number]

/** Used when the publisher does not choose. */
export const DEFAULT_ANNOTATION_MODE: AnnotationMode = 'strip'

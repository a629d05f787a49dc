/**
 * Inline phonetic annotations some converters put after each character, e.g. `日(rì)期(qī)`
 * or `王（ㄨㄤˊ）`. Recognising labels and values must not depend on their absence, so
 * they are removed from metadata and furniture lines before matching (never from the body).
 */
const ANNOTATION =
  /(?<=\p{Script=Han})\s*[(（][\p{Script=Latin}\p{Script=Bopomofo}\p{M}ˊˇˋ˙\d\s]+[)）]/gu

export function withoutAnnotations(line: string): string {
  return line.replace(ANNOTATION, '')
}

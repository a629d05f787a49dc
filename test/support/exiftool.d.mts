export const hasExiftool: boolean
export function exiftoolTags(bytes: Uint8Array): Record<string, unknown>

export interface MicropubRocksContext {
  fetch: (url: string, init?: RequestInit) => Promise<Response>
  endpoint: string
  token: string
  tokenWithoutCreate: string
  /** The suite's files by name: sunset.jpg, city-at-night.jpg, micropub-rocks.png and .gif. */
  files: Record<string, Uint8Array>
}

export interface MicropubRocksResult {
  number: number
  name: string
  passed: boolean
  failures: string[]
}

export const SERVER_TESTS: [number, string, unknown][]
export function runServerTests(
  ctx: MicropubRocksContext,
  only?: number[],
): Promise<MicropubRocksResult[]>
export function suiteFiles(jpeg: Uint8Array, png: Uint8Array): Record<string, Uint8Array>

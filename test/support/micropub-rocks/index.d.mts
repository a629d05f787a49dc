export interface MicropubRocksContext {
  fetch: (url: string, init?: RequestInit) => Promise<Response>
  endpoint: string
  token: string
  tokenWithoutCreate: string
}

export interface MicropubRocksResult {
  number: number
  name: string
  passed: boolean
  failures: string[]
}

export const MEDIA_TESTS: [number, string][]
export const SERVER_TESTS: [number, string, unknown][]
export function runServerTests(
  ctx: MicropubRocksContext,
  only?: number[],
): Promise<MicropubRocksResult[]>

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzRuns: number
    fuzzSeed: number
    concurrentWrites: number
  }
}
export {}

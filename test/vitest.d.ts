declare module 'vitest' {
  export interface ProvidedContext {
    fuzzRuns: number
    fuzzSeed: number
    concurrentWrites: number
    /** wrangler.toml's `[vars]`, as the configuration says them. */
    configuredVars: Record<string, string>
  }
}
export {}

/** How many KV reads one request made: reported in `Server-Timing` so tests can assert them. */
export interface KvReads {
  /** Keys read by `get` (a bulk get of 20 keys counts 20). */
  keys: number
  /** `list` calls. */
  lists: number
}

/** The same namespace, counting reads into `reads`. Writes pass straight through. */
export function countReads(kv: KVNamespace, reads: KvReads): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown
      if (typeof value !== 'function') return value
      if (prop === 'get' || prop === 'getWithMetadata') {
        return (...args: unknown[]) => {
          reads.keys += Array.isArray(args[0]) ? args[0].length : 1
          return value.apply(target, args)
        }
      }
      if (prop === 'list') {
        return (...args: unknown[]) => {
          reads.lists++
          return value.apply(target, args)
        }
      }
      return value.bind(target)
    },
  })
}

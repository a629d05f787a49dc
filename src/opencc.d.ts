// opencc-js publishes its dictionaries and their groupings as modules without types.
// Importing these (rather than the whole bundle) keeps one copy of each dictionary.

declare module 'opencc-js/dict/*' {
  /** `from to|from to|...` */
  const dict: string
  export default dict
}

declare module 'opencc-js/from/*' {
  import type { DictGroup } from 'opencc-js/core'
  const groups: readonly DictGroup[]
  export default groups
}

declare module 'opencc-js/to/*' {
  import type { DictGroup } from 'opencc-js/core'
  const groups: readonly DictGroup[]
  export default groups
}

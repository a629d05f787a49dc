import type { Writer } from '../desk/protocol'
import type { Scope } from './scopes'

/** Who is making a request: the admin, or a publisher holding a token the admin issued. */
export interface Principal extends Writer {
  /** Credited on articles that name no author. */
  defaultAuthor?: string
  /** What its token may do (src/access/scopes.ts); the admin may do everything. */
  scopes: readonly Scope[]
}

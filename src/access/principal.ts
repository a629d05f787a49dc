import type { Writer } from '../desk/protocol'

/** Who is making a request: the admin, or a publisher holding a token the admin issued. */
export interface Principal extends Writer {
  /** Credited on articles that name no author. */
  defaultAuthor?: string
}

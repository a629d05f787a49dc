/**
 * Who may see an article before readers do. A scheduled article (and, once there are drafts,
 * a draft) is its publisher's and the admin's alone until it is public: to anyone else it does
 * not exist, so an id reveals nothing of an embargo (404, never 403). Every reading path, and
 * every refusal that would name an article, asks this.
 */
import type { Writer } from '../desk/protocol'

/** What the rule needs of an article's record. */
export interface Held {
  state: 'live' | 'scheduled' | 'deleted'
  owner: string
}

/** True when `viewer` may know of the article `held`. */
export function visibleTo(viewer: Writer, held: Held): boolean {
  return held.state !== 'scheduled' || viewer.admin || viewer.id === held.owner
}

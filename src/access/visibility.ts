/**
 * Who may see an article before readers do. A draft, and a scheduled article before its time,
 * is its publisher's and the admin's alone until it is public: to anyone else it does not
 * exist, so an id reveals nothing of an embargo or a draft (404, never 403). Every reading
 * path, and every refusal that would name an article, asks this.
 */
import type { Writer } from '../desk/protocol'

/** What the rule needs of an article's record. */
export interface Held {
  state: 'live' | 'scheduled' | 'draft' | 'deleted'
  owner: string
}

/** True while readers may not see the article: its owner's and the admin's alone. */
export function unpublished(held: Pick<Held, 'state'>): boolean {
  return held.state === 'scheduled' || held.state === 'draft'
}

/** True when `viewer` may know of the article `held`. */
export function visibleTo(viewer: Writer, held: Held): boolean {
  return !unpublished(held) || viewer.admin || viewer.id === held.owner
}

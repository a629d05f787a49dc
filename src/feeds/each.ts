import type { FeedItem } from './model'

/**
 * Renders each item on its own: an item that throws (a corrupt stored value, a bug) is left
 * out and logged, and the feed still goes out with every other item.
 */
export function renderEach<T>(items: FeedItem[], render: (item: FeedItem) => T): T[] {
  const out: T[] = []
  for (const item of items) {
    try {
      out.push(render(item))
    } catch (error) {
      console.error(`feed item ${item.id} left out: it failed to render`, error)
    }
  }
  return out
}

/** Publishers and the writes they make, for the tests of the write path. */
import { expect } from 'vitest'
import { ADMIN_TOKEN, client, SITE } from '../helpers'

/** Issues a publisher token with the admin token. */
export async function issuePublisher(name: string, extra: Record<string, string> = {}) {
  const res = await client().json('POST', '/api/publishers', { name, ...extra })
  expect(res.status, await res.clone().text()).toBe(201)
  return res.json<{ id: string; name: string; token: string }>()
}

/** Revokes a publisher with the admin token; the status. */
export async function revokePublisher(name: string): Promise<number> {
  return (await client().json('DELETE', `/api/publishers/${name}`)).status
}

/** A Micropub action (`delete`, `undelete`) on an article, with `token`. */
export function micropubAction(token: string, action: string, id: string) {
  return client(null).fetch('/micropub', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action, url: `${SITE}/articles/${id}` }),
  })
}

export { ADMIN_TOKEN }

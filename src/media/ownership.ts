/**
 * Who may use and delete a stored file. A file belongs to each publisher who uploaded it; an
 * article may show a file its publisher owns, or one it showed already, and the admin may use
 * any. A file is deleted only when no article uses it, and only from R2 when its last owner
 * lets it go.
 */
import type { FieldError } from '../articles/errors'
import { can, type ScopeHolder } from '../access/scopes'
import type { Refusal } from '../desk/protocol'
import type { MediaRef } from './refs'
import { isExport } from './types'

/**
 * Why `holder` may not upload or delete files: a token issued without the `media` scope
 * (RFC 6750's `insufficient_scope`). Listing and reading files need no scope.
 */
export function lackingMediaScope(holder: ScopeHolder): Refusal | undefined {
  if (can(holder, 'media')) return undefined
  return {
    status: 403,
    title: 'Insufficient scope',
    detail: 'This token may not upload or delete files: it was issued without the "media" scope.',
    scope: 'media',
  }
}

/** What the rules need to know of a file. */
export interface FileFacts {
  owners: string[]
  /** Its stored type: a WordPress export is never shown by an article. */
  type: string
  /** True while the collection deletes it. */
  collecting: boolean
}

/** Who writes, and for whose article. */
export interface Use {
  admin: boolean
  /** The article's owner (a publisher's id, or `admin`). */
  owner: string
  /** Files the article used before this write: it may keep them, whoever owns them now. */
  kept: Set<string>
}

/** Why an article may not use its files: 400 for files we do not have, 403 for others'. */
export interface UseRefusal {
  status: 400 | 403
  errors: FieldError[]
}

/** The refusal of an article's uses of files, or undefined when every use is allowed. */
export function refuseUses(
  refs: MediaRef[],
  facts: (key: string) => FileFacts | undefined,
  use: Use,
): UseRefusal | undefined {
  const missing: FieldError[] = []
  const others: FieldError[] = []
  for (const { key, pointer } of refs) {
    if (use.kept.has(key)) continue
    const file = facts(key)
    if (!file || file.collecting) {
      missing.push({ pointer, detail: `no file of ours is ${key} (upload it to /api/media first)` })
    } else if (isExport(file.type)) {
      missing.push({
        pointer,
        detail: `the file ${key} is a WordPress export: it is read by an import, not shown`,
      })
    } else if (!use.admin && !file.owners.includes(use.owner)) {
      others.push({ pointer, detail: `the file ${key} belongs to another publisher` })
    }
  }
  if (missing.length) return { status: 400, errors: [...missing, ...others] }
  if (others.length) return { status: 403, errors: others }
  return undefined
}

/** Why a file may not be deleted now, or undefined when it may. */
export function refuseDelete(
  file: FileFacts,
  who: { id: string; admin: boolean },
  usedBy: string[],
): { status: 403 | 409; detail: string } | undefined {
  if (!who.admin && !file.owners.includes(who.id)) {
    return { status: 403, detail: 'The file belongs to another publisher.' }
  }
  if (usedBy.length) {
    const n = usedBy.length
    return {
      status: 409,
      detail: `${n} article${n === 1 ? '' : 's'} still use${n === 1 ? 's' : ''} the file; remove it from ${n === 1 ? 'it' : 'them'} first.`,
    }
  }
  return undefined
}

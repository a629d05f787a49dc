/**
 * What a token may do. Each publisher token carries scopes, chosen when the admin issues it:
 * `create` articles, `update` them, `delete` (and undelete) them, upload `media`. Reading
 * needs none. The admin token may do everything, and so may tokens issued before scopes
 * existed. The write coordinator checks them on every write (src/desk/decide.ts).
 */

export const SCOPES = ['create', 'update', 'delete', 'media'] as const
export type Scope = (typeof SCOPES)[number]

/** Who holds a token, as far as scopes go: the admin, or a publisher with its scopes. */
export interface ScopeHolder {
  admin: boolean
  /** Undefined: every scope (the admin, or a token issued before scopes existed). */
  scopes?: readonly Scope[]
}

/** True when `holder` may act with `scope`. */
export function can(holder: ScopeHolder, scope: Scope): boolean {
  return holder.admin || (holder.scopes ?? SCOPES).includes(scope)
}

/** Scopes as OAuth writes them (RFC 6749 §3.3): space-separated, in SCOPES' order. */
export function scopeText(scopes: readonly Scope[]): string {
  return SCOPES.filter((s) => scopes.includes(s)).join(' ')
}

/** The scopes a `scopeText` names; words that are not scopes are left out. */
export function parseScopes(text: string): Scope[] {
  const words = text.split(' ')
  return SCOPES.filter((s) => words.includes(s))
}

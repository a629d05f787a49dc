import { z } from 'zod'
import type { NewPublisher } from '../desk/protocol'
import type { PublisherRecord } from '../store/publishers'
import { SCOPES } from '../access/scopes'

const Scopes = z
  .array(z.enum(SCOPES))
  .refine((s) => new Set(s).size === s.length, 'must not name a scope twice')

/** `POST /api/publishers` body. */
export const PublisherInput = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1 to 64 lowercase letters, digits, "-" or "_"')
    .refine((s) => s !== 'admin', 'is reserved'),
  display_name: z.string().trim().min(1).max(200).optional(),
  default_author: z.string().trim().min(1).max(200).optional(),
  scopes: Scopes.optional().describe(
    'What the token may do: create, update, delete (and undelete) articles, upload media. All of them when absent; an empty list issues a token that may only read',
  ),
}) satisfies z.ZodType<NewPublisher>

export type PublisherInput = z.infer<typeof PublisherInput>

/** `PUT /api/publishers/{name}/access-email` body: the email, or null to clear it. */
export const AccessEmailInput = z.strictObject({
  email: z
    .email()
    .max(254)
    .nullable()
    .describe(
      'The email Cloudflare Access vouches for (its JWT `email`) that signs this publisher in to the desk; null: none',
    ),
})

/** A publisher as the API shows it: never its token, which is shown once, when issued. */
export const PublisherOutput = z.object({
  id: z.string().describe('Stable and never reused: articles belong to it, not to the name'),
  name: z.string(),
  display_name: z.string().optional(),
  default_author: z
    .string()
    .optional()
    .describe("Credited on this publisher's articles that name no author"),
  scopes: z.array(z.enum(SCOPES)).describe('What its token may do'),
  created: z.iso.datetime(),
  access_email: z
    .string()
    .optional()
    .describe(
      'The email Cloudflare Access signs this publisher in to the desk with (docs/desk.md)',
    ),
})

// Fails to compile when the record and its description part ways.
const _described = (p: PublisherRecord): z.infer<typeof PublisherOutput> => p
const _record = (p: z.infer<typeof PublisherOutput>): PublisherRecord => p
void _described
void _record

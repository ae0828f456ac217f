/**
 * A workspace is one customer engagement: the tenants it connects to, its cached
 * snapshots and its finding decisions hang off its id. Only non-secret metadata
 * lives here; credentials stay in the node side's vault.
 */
import { z } from 'zod'

export const WORKSPACE_NAME_MAX = 80

export const WorkspaceName = z
  .string()
  .trim()
  .min(1, 'Give the workspace a name.')
  .max(WORKSPACE_NAME_MAX, `Keep the name under ${WORKSPACE_NAME_MAX} characters.`)
  .refine(
    (name) => ![...name].some(isControlCharacter),
    'The name cannot contain control characters.',
  )

export const WorkspaceId = z.uuid()

export const Workspace = z.object({
  id: WorkspaceId,
  name: WorkspaceName,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type Workspace = z.infer<typeof Workspace>

function isControlCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return code < 0x20 || code === 0x7f
}

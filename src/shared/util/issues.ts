/**
 * The one way a zod failure is put into words, wherever it is shown: an IPC error, a profile
 * that does not validate, a snapshot file that does not match the format. Each issue is its
 * JSON path (`entra.users[1].id`, `(top level)` for the root) and zod's message.
 */
import type { z } from 'zod'

/** One validation problem: where, and what. */
export interface IssueLine {
  path: string
  message: string
}

/** A JSON path as a reader writes it: `a.b[0].c`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key)
  }
  return out || '(top level)'
}

/** Every issue of a zod failure as `{ path, message }`. */
export function describeIssues(error: z.ZodError): IssueLine[] {
  return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }))
}

/**
 * The first `max` issues as `path: message` lines, then `…and N more` when some are left
 * out (a broken file can hold thousands).
 */
export function formatIssues(error: z.ZodError, max = 5): string[] {
  const lines = describeIssues(error)
    .slice(0, max)
    .map((issue) => `${issue.path}: ${issue.message}`)
  if (error.issues.length > max) lines.push(`…and ${error.issues.length - max} more`)
  return lines
}

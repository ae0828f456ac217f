/**
 * The connection doctor's result: per side, whether it works, every problem in plain words
 * with the profile/connect-form field at fault and the fix, and the permissions granted and
 * missing. JSON-serialisable (it crosses IPC and is printed by the CLI).
 */
import { z } from 'zod'

export const DoctorProblem = z.object({
  /** the profile / connect-form field at fault, e.g. "entra.clientSecret", "okta.orgUrl" */
  field: z.string(),
  /** stable code, e.g. "secret-id-instead-of-value", "aadsts-7000215", "okta-token-invalid" */
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  fix: z.string(),
})
export type DoctorProblem = z.infer<typeof DoctorProblem>

export const DoctorSide = z.object({
  ok: z.boolean(),
  problems: z.array(DoctorProblem),
  grantedPermissions: z.array(z.string()),
  missingPermissions: z.array(z.string()),
})
export type DoctorSide = z.infer<typeof DoctorSide>

export const DoctorReport = z.object({
  entra: DoctorSide.optional(),
  okta: DoctorSide.optional(),
})
export type DoctorReport = z.infer<typeof DoctorReport>

/**
 * The finding contract: what a diagnostic rule reports. Ids are stable across
 * snapshots (a hash of the rule and its subjects), so a consultant's decision on
 * a finding (accepted, ignored) survives a refresh.
 */
import { z } from 'zod'
import { Source } from './snapshot'

export const CATEGORIES = [
  'credential-mismatch',
  'attribute-mapping',
  'credential-expiry',
  'sync',
  'duplicate',
  'data-validation',
  'permission',
  'domain-federation',
  'sign-in',
  'provisioning',
  'configuration',
] as const
export const Category = z.enum(CATEGORIES)
export type Category = z.infer<typeof Category>

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
export const Severity = z.enum(SEVERITIES)
export type Severity = z.infer<typeof Severity>

/** Rank for sorting and `--fail-on`: higher is worse. */
export const SEVERITY_RANK: Record<Severity, number> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0,
}

export const Subject = z.object({
  source: Source,
  /** e.g. "user", "application", "idp", "app", "domain" */
  type: z.string(),
  id: z.string(),
  name: z.string().optional(),
})
export type Subject = z.infer<typeof Subject>

export const Finding = z.object({
  id: z.string(),
  rule: z.string(),
  category: Category,
  severity: Severity,
  title: z.string(),
  detail: z.string(),
  subjects: z.array(Subject),
  /** compared values, with both sides named */
  evidence: z.record(z.string(), z.unknown()),
  remediation: z.object({ steps: z.array(z.string()), links: z.array(z.string()) }),
})
export type Finding = z.infer<typeof Finding>

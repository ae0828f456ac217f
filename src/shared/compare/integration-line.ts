/**
 * One field of an integration, both sides, and its verdict (integration.ts builds them).
 */
import type { FederationPair, IdpPair, LinkFinding, SeamLink } from '../overview/seam-map'
import type { SeamLinkKind } from '../overview/seam-links'

/** One field of an integration, both sides. */
export interface IntegrationLine {
  label: string
  entra: { attribute: string; value?: string }
  okta: { attribute: string; value?: string }
  /** ok: the sides agree; problem: they do not, or a finding says so; unknown: not collected */
  status: 'ok' | 'problem' | 'unknown'
  note?: string
  /** the seam-map link the line belongs to, and its findings */
  link?: SeamLinkKind
  findings: LinkFinding[]
}

/** An integration's two halves. */
export interface IntegrationPair {
  kind: 'idp' | 'federation'
  key: string
  title: string
  /** what the seam map says about the pair as a whole */
  pair: IdpPair | FederationPair
  lines: IntegrationLine[]
}

/** Whether the two sides agree; undefined when a side is not known. */
export type Verdict = boolean | undefined

/** One line, red when the sides disagree or a finding of its seam-map link says so. */
export function line(
  label: string,
  entra: IntegrationLine['entra'],
  okta: IntegrationLine['okta'],
  agree: Verdict,
  links: readonly SeamLink[],
  kind: SeamLinkKind | undefined,
  note?: string,
): IntegrationLine {
  const link = kind ? links.find((l) => l.kind === kind) : undefined
  const findings = link?.findings ?? []
  const flagged = findings.some((f) => f.severity !== 'info')
  const status = agree === false || flagged ? 'problem' : agree === undefined ? 'unknown' : 'ok'
  return {
    label,
    entra,
    okta,
    status,
    ...(note ? { note } : {}),
    ...(kind ? { link: kind } : {}),
    findings,
  }
}

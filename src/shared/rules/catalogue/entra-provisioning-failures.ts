/**
 * entra-provisioning-failures — Entra provisioning log entries with status failure,
 * grouped per service principal and error code, listing the identities involved.
 * A failure followed by a later success for the same identity and app (a retry that
 * went through) is resolved and not reported.
 * Reads: entra.provisioningLogs; entra.users when collected (to name the people).
 * False positives: none known; the evidence gives first and last occurrence.
 */
import type { Finding, Subject } from '../../model'
import { type Rec, str } from '../../util/access'
import { LINKS } from '../links'
import { capSubjects, defineRule, makeFinding } from '../rule'
import { entraUserSubject } from '../../compare/seam'

/** The app and the source identity of a provisioning log entry. */
function identityKey(p: Rec): string {
  return `${str(p, 'servicePrincipal', 'id') ?? '?'}|${str(p, 'sourceIdentity', 'id') ?? str(p, 'targetIdentity', 'id') ?? '?'}`
}

export const entraProvisioningFailures = defineRule({
  id: 'entra-provisioning-failures',
  title: 'Entra provisioning failures',
  category: 'provisioning',
  severity: 'high',
  reads: ['entra.provisioningLogs'],
  optionalReads: ['entra.users'],
  evaluate(snapshot, ctx): Finding[] {
    const logs = snapshot.entra?.provisioningLogs ?? []
    const lastSuccess = new Map<string, string>()
    for (const p of logs) {
      if (str(p, 'provisioningStatusInfo', 'status')?.toLowerCase() !== 'success') continue
      const who = identityKey(p)
      const at = str(p, 'activityDateTime') ?? ''
      if (at > (lastSuccess.get(who) ?? '')) lastSuccess.set(who, at)
    }
    const groups = new Map<string, Rec[]>()
    for (const p of logs) {
      if (str(p, 'provisioningStatusInfo', 'status')?.toLowerCase() !== 'failure') continue
      if ((lastSuccess.get(identityKey(p)) ?? '') > (str(p, 'activityDateTime') ?? '')) continue
      const key = `${str(p, 'servicePrincipal', 'id') ?? '?'}|${str(p, 'provisioningStatusInfo', 'errorInformation', 'errorCode') ?? '?'}`
      groups.set(key, [...(groups.get(key) ?? []), p])
    }
    const findings: Finding[] = []
    for (const [key, entries] of groups) {
      const [spId, errorCode] = key.split('|') as [string, string]
      const first = entries[0]
      const spName = str(first, 'servicePrincipal', 'displayName') ?? spId
      const subjects: Subject[] = [
        { source: 'entra', type: 'servicePrincipal', id: spId, name: spName },
      ]
      const seen = new Set<string>()
      for (const e of entries) {
        const logId = str(e, 'id')
        if (logId) subjects.push({ source: 'entra', type: 'provisioningLog', id: logId })
        for (const side of ['sourceIdentity', 'targetIdentity'] as const) {
          const id = str(e, side, 'id')
          if (!id || seen.has(id)) continue
          seen.add(id)
          const user = ctx.index.entraById.get(id)
          if (user) subjects.push(entraUserSubject(user))
          else if (side === 'sourceIdentity')
            subjects.push({
              source: 'entra',
              type: (str(e, side, 'identityType') ?? 'user').toLowerCase(),
              id,
              name: str(e, side, 'displayName'),
            })
        }
      }
      const times = entries
        .map((e) => str(e, 'activityDateTime') ?? '')
        .filter(Boolean)
        .sort()
      findings.push(
        makeFinding(entraProvisioningFailures, {
          title: `${entries.length} provisioning failure${entries.length === 1 ? '' : 's'} in "${spName}" (${errorCode})`,
          detail: `${str(first, 'provisioningStatusInfo', 'errorInformation', 'reason') ?? 'Provisioning failed.'}${str(first, 'provisioningStatusInfo', 'errorInformation', 'recommendedAction') ? ` Recommended: ${str(first, 'provisioningStatusInfo', 'errorInformation', 'recommendedAction')}` : ''}`,
          subjects: capSubjects(subjects, ctx.thresholds.maxSubjects),
          cause: key,
          evidence: {
            entra: {
              servicePrincipalId: spId,
              errorCode,
              errorCategory:
                str(first, 'provisioningStatusInfo', 'errorInformation', 'errorCategory') ?? null,
              count: entries.length,
              first: times[0] ?? null,
              last: times[times.length - 1] ?? null,
              actions: [...new Set(entries.map((e) => str(e, 'provisioningAction')))],
              targetSystem: str(first, 'targetSystem', 'displayName') ?? null,
            },
          },
          steps: [
            `Entra admin center › Enterprise applications › ${spName} › Provisioning › Provisioning logs › filter Status = Failure: read the error and the recommended action.`,
            'Fix the attribute mapping or the source data named in the error, then use "Provision on demand" for one user to confirm.',
            `API: GET https://graph.microsoft.com/v1.0/auditLogs/provisioning?$filter=servicePrincipal/id eq '${spId}' and provisioningStatusInfo/status eq 'failure'.`,
          ],
          links: [LINKS.provisioningLogs, LINKS.provisioningQuarantine],
        }),
      )
    }
    return findings
  },
})

/**
 * entra-sync-job-failing — Entra provisioning / synchronization jobs (per service
 * principal) in quarantine, with a failed last execution, or with successive complete
 * failures. Covers Entra's outbound provisioning to apps and cloud sync jobs.
 * Reads: entra.synchronizationJobs, entra.servicePrincipals (names).
 * False positives: a job paused on purpose (status Paused) is not reported.
 */
import type { Finding } from '../../model'
import { num, rec, str } from '../../util/access'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { servicePrincipalSubject } from '../../compare/seam'

export const entraSyncJobFailing = defineRule({
  id: 'entra-sync-job-failing',
  title: 'Provisioning or synchronization job quarantined or failing',
  category: 'sync',
  severity: 'high',
  reads: ['entra.synchronizationJobs'],
  optionalReads: ['entra.servicePrincipals'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    for (const [spId, jobs] of Object.entries(snapshot.entra?.synchronizationJobs ?? {})) {
      const sp = ctx.index.servicePrincipalsById.get(spId)
      for (const job of jobs) {
        const code = str(job, 'status', 'code') ?? ''
        const quarantine = rec(job, 'status', 'quarantine')
        const lastState = str(job, 'status', 'lastExecution', 'state') ?? ''
        const failures = num(job, 'status', 'countSuccessiveCompleteFailures') ?? 0
        const quarantined =
          code.toLowerCase() === 'quarantine' ||
          (quarantine !== undefined && str(quarantine, 'reason') !== undefined)
        const failed = lastState.toLowerCase() === 'failed' || failures > 0
        if (!quarantined && !failed) continue
        const reason = str(quarantine, 'reason')
        const error =
          str(quarantine, 'error', 'message') ??
          str(job, 'status', 'lastExecution', 'error', 'message')
        const name = sp ? (str(sp, 'displayName') ?? spId) : spId
        findings.push(
          makeFinding(entraSyncJobFailing, {
            severity: quarantined ? 'high' : 'medium',
            title: quarantined
              ? `Provisioning job of "${name}" is in quarantine${reason ? ` (${reason})` : ''}`
              : `Provisioning job of "${name}" is failing`,
            detail: `Job ${str(job, 'id') ?? ''} (template ${str(job, 'templateId') ?? '?'}): status ${code || '?'}, last execution ${lastState || '?'}, ${failures} successive complete failure${failures === 1 ? '' : 's'}.${error ? ` Error: ${error}` : ''}`,
            subjects: [
              {
                source: 'entra',
                type: 'synchronizationJob',
                id: str(job, 'id') ?? '',
                name: str(job, 'templateId'),
              },
              sp
                ? servicePrincipalSubject(sp)
                : { source: 'entra', type: 'servicePrincipal', id: spId },
            ],
            cause: `${spId}:${str(job, 'id') ?? ''}`,
            evidence: {
              entra: {
                servicePrincipalId: spId,
                jobId: str(job, 'id') ?? null,
                templateId: str(job, 'templateId') ?? null,
                statusCode: code || null,
                quarantineReason: reason ?? null,
                quarantineError: error ?? null,
                lastExecutionState: lastState || null,
                countSuccessiveCompleteFailures: failures,
              },
            },
            steps: [
              `Entra admin center › Identity › Applications › Enterprise applications › ${name} › Provisioning: read the quarantine reason, fix the credentials or scoping, then "Restart provisioning".`,
              'Check the provisioning logs for the same job (Provisioning › View provisioning logs).',
              `API: POST https://graph.microsoft.com/v1.0/servicePrincipals/${spId}/synchronization/jobs/${str(job, 'id') ?? '{jobId}'}/restart {"criteria":{"resetScope":"Full"}}.`,
            ],
            links: [LINKS.provisioningQuarantine, LINKS.provisioningLogs],
          }),
        )
      }
    }
    return findings
  },
})

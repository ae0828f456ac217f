/** Logs, sync state and provisioning jobs of the fixture tenant, planted around its "now". */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { EntraTenant } from '../scenarios/types'
import { FIXTURE } from './constants'

const day = 86400_000
const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')

export function fixtureActivity(
  now: number,
  users: MG.User[],
): Pick<
  EntraTenant,
  | 'onPremisesSynchronization'
  | 'signIns'
  | 'directoryAudits'
  | 'provisioningLogs'
  | 'synchronizationJobs'
> {
  return {
    onPremisesSynchronization: [
      {
        id: FIXTURE.tenantId,
        configuration: {
          accidentalDeletionPrevention: {
            synchronizationPreventionType: 'enabledForCount',
            alertThreshold: 500,
          },
        },
        features: {
          passwordSyncEnabled: true,
          passwordWritebackEnabled: false,
          softMatchOnUpnEnabled: true,
        },
      },
    ],
    signIns: [0, 1, 2].map((i) => ({
      id: `si-${i}`,
      createdDateTime: iso(now - (i + 1) * 3600_000),
      userDisplayName: users[0]?.displayName ?? 'User',
      userPrincipalName: users[0]?.userPrincipalName ?? 'user@contoso.example',
      userId: users[0]?.id ?? '',
      appId: '00000002-0000-0ff1-ce00-000000000000',
      appDisplayName: 'Office 365 Exchange Online',
      ipAddress: '203.0.113.10',
      clientAppUsed: 'Browser',
      correlationId: `c0ffee00-0000-4000-8000-00000000000${i}`,
      conditionalAccessStatus: 'notApplied',
      isInteractive: true,
      status: {
        errorCode: i === 1 ? 50107 : 0,
        failureReason: i === 1 ? 'The requested federation realm object does not exist.' : 'Other.',
        additionalDetails: null,
      },
    })),
    directoryAudits: [
      {
        id: 'Directory_1',
        activityDateTime: iso(now - 5 * day),
        activityDisplayName: 'Set domain authentication',
        category: 'DirectoryManagement',
        correlationId: 'c0ffee00-0000-4000-8000-000000000010',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        result: 'success',
        resultReason: '',
        initiatedBy: {
          user: {
            id: users[0]?.id ?? '',
            displayName: 'Admin',
            userPrincipalName: 'admin@contoso.example',
            ipAddress: '203.0.113.1',
          },
        },
        targetResources: [
          {
            id: FIXTURE.federatedDomain,
            displayName: FIXTURE.federatedDomain,
            type: 'Domain',
            modifiedProperties: [],
          },
        ],
        additionalDetails: [],
      },
      {
        id: 'Directory_2',
        activityDateTime: iso(now - 1 * day),
        activityDisplayName: 'Update application',
        category: 'ApplicationManagement',
        correlationId: 'c0ffee00-0000-4000-8000-000000000011',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        result: 'success',
        resultReason: '',
        initiatedBy: {
          app: {
            appId: FIXTURE.readerAppId,
            displayName: 'Crosswalk reader',
            servicePrincipalId: FIXTURE.readerSpId,
            servicePrincipalName: 'Crosswalk reader',
          },
        },
        targetResources: [],
        additionalDetails: [{ key: 'User-Agent', value: 'EvoSTS' }],
      },
    ],
    provisioningLogs: [
      {
        id: 'prov-1',
        activityDateTime: iso(now - 2 * day),
        changeId: 'ch-1',
        cycleId: 'cy-1',
        jobId: 'job-1',
        durationInMilliseconds: 120,
        provisioningAction: 'update',
        provisioningStatusInfo: {
          status: 'failure',
          errorInformation: {
            errorCode: 'AzureActiveDirectoryConflict',
            errorCategory: 'nonServiceFailure',
            reason: 'Duplicate value',
            additionalDetails: null,
            recommendedAction: 'Fix the duplicate',
          },
        },
        provisioningSteps: [],
        servicePrincipal: { id: FIXTURE.provisioningSpId, displayName: 'Okta provisioning' },
        modifiedProperties: [],
      },
    ],
    synchronizationJobs: {
      [FIXTURE.provisioningSpId]: [
        {
          id: 'okta.e0e0.job',
          templateId: 'okta',
          schedule: { interval: 'PT40M', state: 'Active', expiration: null },
          status: {
            code: 'Quarantine',
            countSuccessiveCompleteFailures: 3,
            escrowsPruned: false,
            quarantine: {
              currentBegan: iso(now - day),
              nextAttempt: iso(now + day),
              reason: 'EncounteredQuarantineException',
              seriesBegan: iso(now - 2 * day),
              seriesCount: 3,
              error: {
                code: 'CredentialsInvalid',
                message: 'Invalid credentials',
                tenantActionable: true,
              },
            },
            synchronizedEntryCountByType: [],
            progress: [],
          },
          synchronizationJobSettings: [],
        },
      ],
    },
  }
}

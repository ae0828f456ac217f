/**
 * Activity records: Entra sign-ins, directory audits, provisioning logs and
 * synchronization jobs (Okta System Log events are in okta-events.ts). Every
 * record names a user and an app (or IdP) that exist in the scenario.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { Draft } from './base'
import { SIGN_IN_LOCATIONS } from './constants'
import { MS, graphDate } from './random'
import { oktaAppTarget, oktaEvent, oktaIdpTarget, oktaUserActor } from './okta-events'

export interface SignInSpec {
  user: MG.User
  sp: MG.ServicePrincipal
  atMs: number
  errorCode?: number
  failureReason?: string
  additionalDetails?: string | null
  conditionalAccessStatus?: 'success' | 'failure' | 'notApplied'
}

export function entraSignIn(d: Draft, s: SignInSpec): MG.SignIn {
  const { rng } = d.ctx
  const loc = rng.pick(SIGN_IN_LOCATIONS)
  const code = s.errorCode ?? 0
  return {
    id: rng.guid(),
    createdDateTime: graphDate(s.atMs),
    userDisplayName: s.user.displayName,
    userPrincipalName: s.user.userPrincipalName,
    userId: s.user.id ?? '',
    appId: s.sp.appId,
    appDisplayName: s.sp.displayName,
    ipAddress: loc.ip + rng.int(2, 250),
    clientAppUsed: 'Browser',
    correlationId: rng.guid(),
    conditionalAccessStatus: s.conditionalAccessStatus ?? 'notApplied',
    isInteractive: true,
    resourceDisplayName: 'Microsoft Graph',
    resourceId: d.ctx.graphServicePrincipalId,
    status: {
      errorCode: code,
      failureReason: code === 0 ? 'Other.' : (s.failureReason ?? 'Other.'),
      additionalDetails: s.additionalDetails ?? null,
    },
    deviceDetail: {
      browser: 'Edge 130.0.0',
      deviceId: '',
      displayName: '',
      isCompliant: false,
      isManaged: false,
      operatingSystem: 'Windows10',
      trustType: '',
    },
    location: {
      city: loc.city,
      state: loc.state,
      countryOrRegion: 'US',
      geoCoordinates: { altitude: null, latitude: loc.lat, longitude: loc.lon },
    },
    appliedConditionalAccessPolicies: [],
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes_v2: [],
  }
}

/** The synchronization job of an enterprise app's provisioning (healthy: Active, last run succeeded). */
export function synchronizationJob(
  d: Draft,
  o: { templateId: string; lastRunMs: number; quarantine?: MG.SynchronizationQuarantine },
): MG.SynchronizationJob {
  const { rng } = d.ctx
  const execution = (ok: boolean): MG.SynchronizationTaskExecution => ({
    activityIdentifier: rng.guid(),
    countEntitled: 184,
    countEntitledForProvisioning: 184,
    countEscrowed: ok ? 0 : 37,
    countEscrowedRaw: ok ? 0 : 37,
    countExported: ok ? 3 : 0,
    countExports: ok ? 3 : 0,
    countImported: 190,
    countImportedDeltas: 4,
    countImportedReferenceDeltas: 0,
    error: ok
      ? null
      : {
          code: 'SalesforceInvalidCredentials',
          message: 'The credentials provided for the Salesforce administrator account are invalid.',
          tenantActionable: true,
        },
    state: ok ? 'Succeeded' : 'Failed',
    timeBegan: graphDate(o.lastRunMs),
    timeEnded: graphDate(o.lastRunMs + 95_000),
  })
  const quarantined = o.quarantine !== undefined
  return {
    id: `${o.templateId}.${rng.chars('0123456789abcdef', 32)}.${rng.chars('0123456789abcdef', 32)}`,
    templateId: o.templateId,
    schedule: { expiration: null, interval: 'PT40M', state: 'Active' },
    status: {
      code: quarantined ? 'Quarantine' : 'Active',
      countSuccessiveCompleteFailures: quarantined ? 14 : 0,
      escrowsPruned: false,
      lastExecution: execution(!quarantined),
      lastSuccessfulExecution: execution(true),
      lastSuccessfulExecutionWithExports: execution(true),
      progress: [],
      quarantine: o.quarantine ?? null,
      steadyStateFirstAchievedTime: graphDate(o.lastRunMs - 300 * MS.day),
      steadyStateLastAchievedTime: graphDate(quarantined ? o.lastRunMs - 9 * MS.hour : o.lastRunMs),
      synchronizedEntryCountByType: [{ key: 'user to User', value: 184 }],
      troubleshootingUrl: null,
    },
    synchronizationJobSettings: [],
  }
}

export function provisioningLog(
  d: Draft,
  o: {
    sp: MG.ServicePrincipal
    jobId: string
    user: MG.User
    atMs: number
    failure?: { errorCode: string; reason: string }
  },
): MG.ProvisioningObjectSummary {
  const { rng } = d.ctx
  const failed = o.failure !== undefined
  return {
    id: rng.guid(),
    activityDateTime: graphDate(o.atMs),
    changeId: rng.guid(),
    cycleId: rng.guid(),
    jobId: o.jobId,
    durationInMilliseconds: rng.int(300, 4000),
    initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    tenantId: d.ctx.tenantId,
    provisioningAction: 'update',
    provisioningStatusInfo: {
      status: failed ? 'failure' : 'success',
      errorInformation: failed
        ? {
            errorCode: o.failure?.errorCode ?? null,
            errorCategory: 'nonServiceFailure',
            reason: o.failure?.reason ?? null,
            additionalDetails: null,
            recommendedAction: 'Check the user in the target application and retry.',
          }
        : null,
    },
    provisioningSteps: [
      {
        name: 'EntryImport',
        description: `Retrieved ${o.user.userPrincipalName} from Azure Active Directory`,
        provisioningStepType: 'import',
        status: 'success',
        details: {},
      },
      {
        name: 'EntryExportUpdate',
        description: failed
          ? 'Failed to update User in Salesforce'
          : 'User was updated in Salesforce',
        provisioningStepType: 'export',
        status: failed ? 'failure' : 'success',
        details: {},
      },
    ],
    servicePrincipal: { id: o.sp.id ?? '', displayName: o.sp.displayName },
    sourceIdentity: {
      id: o.user.id ?? '',
      displayName: o.user.displayName,
      identityType: 'User',
      details: {},
    },
    targetIdentity: {
      id: rng.chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 18),
      displayName: o.user.displayName,
      identityType: 'User',
      details: {},
    },
    sourceSystem: { id: rng.guid(), displayName: 'Azure Active Directory', details: {} },
    targetSystem: { id: rng.guid(), displayName: 'Salesforce', details: {} },
    modifiedProperties: [],
  }
}

export function directoryAudit(
  d: Draft,
  o: {
    atMs: number
    activity: string
    category: string
    operationType: string
    target: { id: string; displayName: string; type: string; userPrincipalName?: string }
    /** who did it (default: the tenant's admin); Entra Connect's changes name its sync account */
    initiator?: MG.User
  },
): MG.DirectoryAudit {
  const { rng } = d.ctx
  const admin =
    o.initiator ??
    d.entra.users.find((u) => u.userPrincipalName?.startsWith('admin@')) ??
    d.entra.users[0]
  return {
    id: `Directory_${rng.guid()}`,
    activityDateTime: graphDate(o.atMs),
    activityDisplayName: o.activity,
    category: o.category,
    correlationId: rng.guid(),
    loggedByService: 'Core Directory',
    operationType: o.operationType,
    result: 'success',
    resultReason: '',
    initiatedBy: {
      user: {
        id: admin?.id ?? null,
        displayName: null,
        userPrincipalName: admin?.userPrincipalName ?? null,
        ipAddress: '203.0.113.10',
      },
      app: null,
    },
    targetResources: [
      {
        id: o.target.id,
        displayName: o.target.displayName,
        type: o.target.type,
        userPrincipalName: o.target.userPrincipalName ?? null,
        modifiedProperties: [],
      },
    ],
    additionalDetails: [],
  }
}

/** Ordinary, successful activity on both sides for a sample of people. */
export function addBaselineActivity(d: Draft, sampleSize: number): void {
  const { rng, nowMs } = d.ctx
  const synced = d.entra.users.filter((u) => u.onPremisesSyncEnabled)
  const oktaById = new Map(d.okta.users.map((u) => [String(u['id']), u]))
  const o365Users = d.okta.appUsers[d.o365.appId] ?? []
  const idpSp = d.idp.registration.servicePrincipal
  for (let i = 0; i < sampleSize && synced.length > 0; i++) {
    const user = synced[(i * 7) % synced.length]
    if (!user) continue
    const at = nowMs - rng.int(5, 70 * 60) * MS.minute
    d.entra.signIns.push(entraSignIn(d, { user, sp: rng.pick([...d.firstParty, idpSp]), atMs: at }))
  }
  for (let i = 0; i < sampleSize && o365Users.length > 0; i++) {
    const appUser = o365Users[(i * 11) % o365Users.length]
    const user = appUser ? oktaById.get(String(appUser['id'])) : undefined
    if (!user) continue
    const actor = oktaUserActor(user)
    const drawn = nowMs - rng.int(5, 70 * 60) * MS.minute
    // an org in use always has a recent event: the first sign-in is a minute old
    const at = i === 0 ? nowMs - MS.minute : drawn
    d.okta.logs.push(
      oktaEvent(d, {
        eventType: 'user.authentication.auth_via_IDP',
        displayMessage: 'Authenticate user via IDP',
        atMs: at,
        result: 'SUCCESS',
        actor,
        targets: [oktaIdpTarget(d.idp.idp)],
        issuer: { id: d.idp.idpId, type: 'MICROSOFT' },
      }),
      oktaEvent(d, {
        eventType: 'user.authentication.sso',
        displayMessage: 'User single sign on to app',
        atMs: at + 4000,
        result: 'SUCCESS',
        actor,
        targets: [oktaAppTarget(d.o365.app)],
      }),
    )
    if (i % 3 === 0) {
      d.okta.logs.push(
        oktaEvent(d, {
          eventType: 'application.provision.user.push_profile',
          displayMessage: 'Push user profile to application',
          atMs: at - 2 * MS.hour,
          result: 'SUCCESS',
          targets: [{ ...actor }, oktaAppTarget(d.o365.app)],
          transaction: 'JOB',
        }),
      )
    }
  }
  const job = synchronizationJob(d, { templateId: 'salesforce', lastRunMs: nowMs - 25 * MS.minute })
  d.entra.synchronizationJobs[d.provisioningSp.id ?? ''] = [job]
  for (let i = 0; i < Math.min(10, synced.length); i++) {
    const user = synced[(i * 13) % synced.length]
    if (user)
      d.entra.provisioningLogs.push(
        provisioningLog(d, {
          sp: d.provisioningSp,
          jobId: job.id ?? '',
          user,
          atMs: nowMs - (25 + i) * MS.minute,
        }),
      )
  }
  const idpApp = d.idp.registration.application
  d.entra.directoryAudits.push(
    directoryAudit(d, {
      atMs: nowMs - 30 * MS.day,
      activity: 'Update application – Certificates and secrets management ',
      category: 'ApplicationManagement',
      operationType: 'Update',
      target: { id: idpApp.id ?? '', displayName: idpApp.displayName ?? '', type: 'Application' },
    }),
    directoryAudit(d, {
      atMs: nowMs - 3 * MS.day,
      activity: 'Set federation settings on domain',
      category: 'DirectoryManagement',
      operationType: 'Update',
      target: { id: d.ctx.federatedDomain, displayName: d.ctx.federatedDomain, type: 'Other' },
    }),
    directoryAudit(d, {
      atMs: nowMs - 2 * MS.day,
      activity: 'Add member to group',
      category: 'GroupManagement',
      operationType: 'Assign',
      target: {
        id: d.entra.groups[0]?.id ?? '',
        displayName: d.entra.groups[0]?.displayName ?? '',
        type: 'Group',
      },
    }),
  )
  d.entra.signIns.sort(
    (a, b) => (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') * -1,
  )
  d.okta.logs.sort((a, b) => String(a['published']).localeCompare(String(b['published'])))
}

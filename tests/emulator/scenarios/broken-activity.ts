/**
 * Planted operational problems for `broken`: Entra Connect lag and errors,
 * provisioning failures, people on unverified or federated domains, and the
 * sign-in failures (Entra AADSTS codes, Okta IdP matching) they cause.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { Draft } from './base'
import type { SeamHandles } from './broken-config'
import type { PeoplePlants } from './broken-people'
import type { PlantKit } from './plant-kit'
import { entraSignIn, provisioningLog } from './activity'
import { oktaAppTarget, oktaEvent, oktaIdpTarget, oktaUserActor } from './okta-events'
import { plant, subject } from './answer-key'
import { type Person, SYNC_CYCLE_MS, entraCloudUser } from './people'
import { applyPendingChange, nextTitle } from './pending-change'
import { MS, graphDate } from './random'

export function plantOperationalProblems(
  d: Draft,
  kit: PlantKit,
  people: Person[],
  seam: SeamHandles,
  earlier: PeoplePlants,
): void {
  const { ctx, answerKey: key } = d
  const { rng, nowMs: now } = ctx
  const fed = ctx.federatedDomain
  const { add, both, entraUserOf } = kit
  const { mismatch, renamed } = earlier

  // --- sync ----------------------------------------------------------------
  plant(
    key,
    'sync',
    'connect-sync-delayed',
    `Entra Connect last synchronized ${Math.round((now - d.orgLastSyncMs) / MS.hour)} hours ago with a 30-minute interval (more than twice the interval).`,
    [{ source: 'entra', type: 'organization', id: ctx.tenantId, name: ctx.company }],
  )
  // AD changes Okta imported hours to days ago that Entra Connect has not exported, although it
  // ran (late, but) more than an hour after each; the users' last exports are months old
  const pending = [
    { exportedDaysAgo: 143, changedAgoMs: 6 * MS.hour },
    { exportedDaysAgo: 61, changedAgoMs: 2 * MS.day + 5 * MS.hour },
  ].map((c) => {
    const r = add(() => {}, {
      lastSyncMs: d.orgLastSyncMs - c.exportedDaysAgo * 48 * SYNC_CYCLE_MS,
    })
    const event = applyPendingChange(ctx, r.oktaUser, {
      attribute: 'title',
      value: nextTitle(r.p),
      atMs: now - c.changedAgoMs,
    })
    d.okta.logs.push(event)
    return { r, event }
  })
  plant(
    key,
    'sync',
    'user-sync-lag',
    'Okta imported new AD titles for two users hours and days ago; Entra still has the old titles and last exported both users months ago, although Entra Connect has run since each change.',
    pending.flatMap(({ r, event }) => [...both(r), subject.oktaLog(event)]),
  )
  const conflict = add()
  conflict.entraUser.onPremisesProvisioningErrors = [
    {
      category: 'PropertyConflict',
      propertyCausingError: 'ProxyAddresses',
      value: `smtp:sales@${fed}`,
      occurredDateTime: graphDate(now - 2 * MS.day),
    },
  ]
  plant(
    key,
    'duplicate',
    'onprem-property-conflict',
    `Entra Connect reports a PropertyConflict on ProxyAddresses (smtp:sales@${fed}) for this user.`,
    [subject.entraUser(conflict.entraUser)],
  )
  const syncError = add()
  syncError.appUser['syncState'] = 'ERROR'
  plant(
    key,
    'sync',
    'okta-app-user-sync-error',
    `The Office 365 app user ${syncError.p.upn} is PROVISIONED with syncState ERROR.`,
    [subject.oktaUser(syncError.oktaUser), subject.oktaApp(d.o365.app)],
  )

  // --- provisioning --------------------------------------------------------
  const pushFailed = add()
  const pushEvent = oktaEvent(d, {
    eventType: 'application.provision.user.push_profile',
    displayMessage: 'Push user profile to application',
    atMs: now - 3 * MS.hour,
    result: 'FAILURE',
    reason:
      `Automatic profile push of user ${pushFailed.p.displayName} to app Microsoft Office 365 failed: httpStatusCode=400 errorCode=Request_BadRequest errorMessage="Unable to update the specified properties for on-premises mastered Directory Sync objects"`.slice(
        0,
        255,
      ),
    targets: [oktaUserActor(pushFailed.oktaUser), oktaAppTarget(d.o365.app)],
    severity: 'ERROR',
    transaction: 'JOB',
  })
  d.okta.logs.push(pushEvent)
  plant(
    key,
    'provisioning',
    'okta-o365-push-failure',
    "An Okta push of a synced user's profile to Office 365 failed with Graph Request_BadRequest (on-premises mastered).",
    [
      subject.oktaLog(pushEvent),
      subject.oktaUser(pushFailed.oktaUser),
      subject.oktaApp(d.o365.app),
    ],
  )
  const jobId = d.entra.synchronizationJobs[d.provisioningSp.id ?? '']?.[0]?.id ?? ''
  const provTarget = entraUserOf(people[20] ?? pushFailed.p)
  const provFailure = provisioningLog(d, {
    sp: d.provisioningSp,
    jobId,
    user: provTarget,
    atMs: now - 50 * MS.minute,
    failure: {
      errorCode: 'SalesforceDuplicateUsername',
      reason:
        'Duplicate Username. The username already exists in this or another Salesforce organization.',
    },
  })
  d.entra.provisioningLogs.push(provFailure)
  plant(
    key,
    'provisioning',
    'entra-provisioning-log-failure',
    'An Entra provisioning cycle to Salesforce failed for this user (duplicate username).',
    [
      subject.entraProvisioningLog(provFailure),
      subject.entraUser(provTarget),
      subject.entraSp(d.provisioningSp),
    ],
  )

  // --- domain-federation (people) -------------------------------------------
  const unverifiedSuffix = add((p) => (p.upn = `${p.mailNickname}@northwindtraders.de`))
  unverifiedSuffix.entraUser.userPrincipalName = `${unverifiedSuffix.p.mailNickname}@${ctx.initialDomain}`
  plant(
    key,
    'domain-federation',
    'upn-suffix-unverified',
    `The AD UPN ${unverifiedSuffix.p.upn} uses a suffix that is not a verified domain; Entra fell back to ${ctx.initialDomain}.`,
    both(unverifiedSuffix),
  )
  const noAnchor = entraCloudUser(
    ctx,
    {
      entraId: rng.guid(),
      given: 'Temp',
      surname: 'Worker',
      displayName: 'Temp Worker',
      upn: `temp.worker@${fed}`,
      mail: `temp.worker@${fed}`,
      mailNickname: 'temp.worker',
      createdMs: now - 15 * MS.day,
      department: 'Operations',
      jobTitle: 'Seasonal',
    },
    d.dates,
  )
  d.entra.users.push(noAnchor)
  plant(
    key,
    'domain-federation',
    'federated-user-without-immutableid',
    `The cloud-only user temp.worker@${fed} is on the federated domain but has no onPremisesImmutableId.`,
    [subject.entraUser(noAnchor)],
  )

  // --- sign-in -------------------------------------------------------------
  const [exchange, teams, officeHome] = d.firstParty
  if (!exchange || !teams || !officeHome) throw new Error('first-party service principals missing')
  const staleSp = seam.staleSecret.registration.servicePrincipal
  const failures: [number, Person, MG.ServicePrincipal, string, 'failure' | 'notApplied'][] = [
    [
      50107,
      people[10] ?? pushFailed.p,
      officeHome,
      "The requested federation realm object 'http://www.okta.com/exk0unknown' does not exist.",
      'notApplied',
    ],
    [
      50008,
      people[11] ?? pushFailed.p,
      officeHome,
      'SAML token is missing or misconfigured.',
      'notApplied',
    ],
    [
      90020,
      people[12] ?? pushFailed.p,
      officeHome,
      'The SAML 1.1 Assertion is missing ImmutableID of the user.',
      'notApplied',
    ],
    [
      51004,
      mismatch.p,
      officeHome,
      'The user account does not exist in the directory.',
      'notApplied',
    ],
    [
      7000215,
      people[13] ?? pushFailed.p,
      staleSp,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${staleSp.appId ?? ''}'.`,
      'notApplied',
    ],
    [
      50126,
      people[14] ?? pushFailed.p,
      exchange,
      'Error validating credentials due to invalid username or password.',
      'notApplied',
    ],
    [
      53003,
      people[15] ?? pushFailed.p,
      teams,
      'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
      'failure',
    ],
  ]
  for (const [code, person, sp, reason, ca] of failures) {
    const user = entraUserOf(person)
    const signIn = entraSignIn(d, {
      user,
      sp,
      atMs: now - rng.int(10, 600) * MS.minute,
      errorCode: code,
      failureReason: reason,
      conditionalAccessStatus: ca,
    })
    d.entra.signIns.push(signIn)
    plant(
      key,
      'sign-in',
      `entra-signin-${code}`,
      `A sign-in of ${user.userPrincipalName ?? ''} to ${sp.displayName ?? ''} failed with AADSTS${code}.`,
      [subject.entraSignIn(signIn), subject.entraUser(user), subject.entraSp(sp)],
    )
  }
  const unmatched = oktaEvent(d, {
    eventType: 'user.authentication.auth_via_IDP',
    displayMessage: 'Authenticate user via IDP',
    atMs: now - 95 * MS.minute,
    result: 'FAILURE',
    reason: 'Unable to match transformed username',
    actor: { id: 'unknown', type: 'User', alternateId: renamed.p.upn, displayName: 'unknown' },
    targets: [oktaIdpTarget(d.idp.idp)],
    issuer: { id: d.idp.idpId, type: 'MICROSOFT' },
  })
  d.okta.logs.push(unmatched)
  plant(
    key,
    'sign-in',
    'okta-idp-unmatched-username',
    `Okta could not match the transformed username ${renamed.p.upn} from the Microsoft IdP to an Okta user.`,
    [subject.oktaLog(unmatched), subject.oktaIdp(d.idp.idp), subject.entraUser(renamed.entraUser)],
  )
}

/**
 * The audit trail every emulator write leaves, as the real services document it: an Entra
 * directory audit (`activityDisplayName`, category, `targetResources[].modifiedProperties`,
 * `initiatedBy`) or an Okta System Log event (`eventType`, `target`, `actor`). A write that
 * cascades into several records (a domain federated: its authentication and its federation
 * settings) records each under one correlation or transaction id.
 *
 * The names come from the services' catalogues and no others:
 * - Entra: "Microsoft Entra audit log categories and activities", Core Directory
 *   (https://learn.microsoft.com/entra/identity/monitoring-health/reference-audit-activities);
 * - Okta: the Event Types catalog (https://developer.okta.com/docs/reference/api/event-types/).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type * as MG from '@microsoft/microsoft-graph-types'
import type { OktaRecord } from './scenarios/types'
import type { Store } from './store'

/** Directory audit activities the Graph writes record (Core Directory service). */
export const ENTRA_ACTIVITIES = {
  addApplication: {
    activity: 'Add application',
    category: 'ApplicationManagement',
    operationType: 'Add',
  },
  // the service writes this one with an en dash and a trailing space; the catalogue table shows a hyphen
  updateCredentials: {
    activity: 'Update application – Certificates and secrets management ',
    category: 'ApplicationManagement',
    operationType: 'Update',
  },
  updateApplication: {
    activity: 'Update application',
    category: 'ApplicationManagement',
    operationType: 'Update',
  },
  addServicePrincipal: {
    activity: 'Add service principal',
    category: 'ApplicationManagement',
    operationType: 'Add',
  },
  addGrant: {
    activity: 'Add delegated permission grant',
    category: 'ApplicationManagement',
    operationType: 'Assign',
  },
  setDomainAuthentication: {
    activity: 'Set domain authentication',
    category: 'DirectoryManagement',
    operationType: 'Update',
  },
  setFederationSettings: {
    activity: 'Set federation settings on domain',
    category: 'DirectoryManagement',
    operationType: 'Update',
  },
} as const
export type EntraActivity = keyof typeof ENTRA_ACTIVITIES

/** System Log event types the Okta writes record, with the catalogue's description. */
export const OKTA_EVENT_TYPES = {
  'system.idp.lifecycle.create': 'Create an identity provider',
  'application.lifecycle.create': 'Create application',
  'application.lifecycle.activate': 'Activate application',
  'application.lifecycle.update': 'Update application',
  'app.keys.generate': 'Generate application key credential',
  'directory.mapping.update': 'Update universal directory mappings',
  'application.user_membership.add': 'Add user to application membership',
  'group.application_assignment.add': 'Add application assignment to group',
  'policy.rule.add': 'Add policy rule',
  'user.account.update_profile': 'Update user profile for Okta',
  'application.user_membership.change_username': "Change user's application username",
  'application.provision.user.push_profile': 'Push user profile to application',
} as const
export type OktaEventType = keyof typeof OKTA_EVENT_TYPES

/** Who made a Graph write: the calling app (app-only tokens). */
export interface EntraInitiator {
  appId: string
  servicePrincipalId: string
  displayName: string
}

export interface EntraTarget {
  id: string
  displayName: string
  type: 'Application' | 'ServicePrincipal' | 'Domain' | 'Other'
  modifiedProperties?: { displayName: string; oldValue: unknown; newValue: unknown }[]
}

/** Records one directory audit per activity, all under one correlation id (one request). */
export function recordEntraAudit(
  store: Store,
  initiator: EntraInitiator,
  entries: { activity: EntraActivity; target: EntraTarget }[],
): MG.DirectoryAudit[] {
  const correlationId = randomUUID()
  const at = store.clock.iso()
  return entries.map(({ activity, target }) => {
    const a = ENTRA_ACTIVITIES[activity]
    const audit: MG.DirectoryAudit = {
      id: `Directory_${randomUUID()}`,
      activityDateTime: at,
      activityDisplayName: a.activity,
      category: a.category,
      correlationId,
      loggedByService: 'Core Directory',
      operationType: a.operationType,
      result: 'success',
      resultReason: '',
      initiatedBy: {
        user: null,
        app: {
          appId: initiator.appId,
          displayName: initiator.displayName,
          servicePrincipalId: initiator.servicePrincipalId,
          servicePrincipalName: initiator.displayName,
        },
      },
      targetResources: [
        {
          id: target.id,
          displayName: target.displayName,
          type: target.type,
          userPrincipalName: null,
          modifiedProperties: (target.modifiedProperties ?? []).map((m) => ({
            displayName: m.displayName,
            oldValue: m.oldValue === undefined ? null : JSON.stringify(m.oldValue),
            newValue: m.newValue === undefined ? null : JSON.stringify(m.newValue),
          })),
        },
      ],
      additionalDetails: [],
    }
    store.entra.directoryAudits.add(audit)
    return audit
  })
}

/** Who made an Okta write: the API token's administrator, or the OAuth service app. */
export interface OktaActor {
  id: string
  type: 'User' | 'PublicClientApp'
  alternateId: string
  displayName: string
}

export interface OktaTarget {
  id: string
  type: string
  alternateId: string
  displayName: string
  changeDetails?: { from: OktaRecord; to: OktaRecord }
}

/** Records one System Log event per entry, all in one transaction (one request). */
export function recordOktaEvents(
  store: Store,
  actor: OktaActor,
  entries: { eventType: OktaEventType; targets: OktaTarget[]; debugData?: OktaRecord }[],
): OktaRecord[] {
  const transaction = randomBytes(12).toString('base64url')
  return entries.map(({ eventType, targets, debugData }) =>
    store.okta.logs.add({
      uuid: randomUUID(),
      published: store.clock.iso(),
      eventType,
      legacyEventType: null,
      version: '0',
      severity: 'INFO',
      displayMessage: OKTA_EVENT_TYPES[eventType],
      actor: { ...actor, detailEntry: null },
      client: {
        userAgent: null,
        zone: 'null',
        device: 'Unknown',
        id: null,
        ipAddress: '127.0.0.1',
        geographicalContext: null,
      },
      outcome: { result: 'SUCCESS', reason: null },
      target: targets.map((t) => ({
        id: t.id,
        type: t.type,
        alternateId: t.alternateId,
        displayName: t.displayName,
        detailEntry: null,
        ...(t.changeDetails ? { changeDetails: t.changeDetails } : {}),
      })),
      transaction: { type: 'WEB', id: transaction, detail: {} },
      debugContext: { debugData: { requestId: transaction, ...debugData } },
      authenticationContext: {
        authenticationProvider: null,
        credentialProvider: null,
        credentialType: null,
        issuer: null,
        interface: null,
        authenticationStep: 0,
        externalSessionId: null,
      },
      request: { ipChain: [] },
      securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
    }),
  )
}

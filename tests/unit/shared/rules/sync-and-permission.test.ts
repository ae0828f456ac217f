import { expect } from 'vitest'
import { READER_APP_ID, TENANT_ID, at, obj } from '../../../fixtures/snapshots/seam-snapshot'
import { type RuleCase, ids, ruleTable } from './table'
import { AD_PAIRS } from '../../../../src/shared/rules/pending-ad-changes'

ruleTable('sync rules', [
  {
    name: 'Entra Connect last synced 2 hours ago (interval 30 min)',
    rule: 'entra-connect-sync-stale',
    mutate: (s) => (obj(s.entra?.organization?.[0])['onPremisesLastSyncDateTime'] = at(-3 / 24)),
    expect: ([f]) => {
      // the schedule could not be read, so a delay under a day may be a custom schedule
      expect(f?.severity).toBe('medium')
      expect(f?.evidence['entra']).toMatchObject({
        lagMinutes: 180,
        intervalMinutes: 30,
        intervalKnown: false,
      })
    },
  },
  {
    name: 'Entra Connect last synced 2 hours ago with its 30-minute schedule known',
    rule: 'entra-connect-sync-stale',
    mutate: (s) => {
      obj(s.entra?.organization?.[0])['onPremisesLastSyncDateTime'] = at(-2 / 24)
      s.entra!.onPremisesSynchronization = [
        { id: TENANT_ID, configuration: { synchronizationInterval: 'PT30M' } },
      ]
    },
    expect: ([f]) => expect(f?.severity).toBe('high'),
  },
  {
    name: 'Entra Connect silent for 9 days',
    rule: 'entra-connect-sync-stale',
    mutate: (s) => (obj(s.entra?.organization?.[0])['onPremisesLastSyncDateTime'] = at(-9)),
    expect: ([f]) => expect(f?.severity).toBe('critical'),
  },
  {
    name: 'an AD change reached Okta after Entra last exported the person, and Entra has synced since',
    rule: 'entra-user-sync-lag',
    mutate: (s) => {
      obj(s.entra?.users?.[1])['onPremisesLastSyncDateTime'] = at(-40)
      obj(s.entra?.users?.[1])['department'] = 'Sales'
      obj(s.okta?.users?.[1], 'profile')['department'] = 'Marketing'
      obj(s.okta?.users?.[1])['lastUpdated'] = at(-2)
    },
    expect: ([f]) => {
      expect(ids(f)).toEqual(['entra:user:e-bob', 'okta:user:00ubob'])
      expect(f?.evidence['comparisons']).toMatchObject([
        {
          pairs: [
            { entra: { value: 'Sales' }, okta: { value: 'Marketing' }, verdict: 'different' },
          ],
        },
      ])
    },
  },
  // every other attribute equal on both sides, as most people are: one differs
  ...AD_PAIRS.map(([entra, okta]): RuleCase => ({
    name: `an AD change to ${entra} alone reached Okta, with every other attribute equal`,
    rule: 'entra-user-sync-lag',
    mutate: (s) => {
      const e = obj(s.entra?.users?.[1])
      const o = obj(s.okta?.users?.[1], 'profile')
      for (const [a, b] of AD_PAIRS) e[a] = o[b] = `Same ${a}`
      e['onPremisesLastSyncDateTime'] = at(-40)
      e[entra] = 'Before'
      o[okta] = 'After'
      obj(s.okta?.users?.[1])['lastUpdated'] = at(-2)
    },
    expect: ([f, ...rest]) => {
      expect(rest).toEqual([])
      expect(f?.evidence['comparisons']).toMatchObject([
        {
          pairs: [
            {
              entra: { attribute: entra, value: 'Before' },
              okta: { attribute: `profile.${okta}`, value: 'After' },
            },
          ],
        },
      ])
    },
  })),
  {
    name: 'a PropertyConflict on ProxyAddresses held by another user',
    rule: 'entra-sync-property-conflict',
    mutate: (s) =>
      (obj(s.entra?.users?.[1])['onPremisesProvisioningErrors'] = [
        {
          category: 'PropertyConflict',
          propertyCausingError: 'ProxyAddresses',
          value: 'smtp:alice@contoso.com',
          occurredDateTime: at(-1),
        },
      ]),
    expect: ([f]) => expect(ids(f)).toEqual(['entra:user:e-bob', 'entra:user:e-alice']),
  },
  {
    name: 'a provisioning job in quarantine',
    rule: 'entra-sync-job-failing',
    mutate: (s) =>
      (s.entra!.synchronizationJobs = {
        'sp-okta-idp': [
          {
            id: 'job-1',
            templateId: 'Workday2AAD',
            status: {
              code: 'Quarantine',
              quarantine: { reason: 'EncounteredEscrowProportionThreshold' },
              countSuccessiveCompleteFailures: 3,
            },
          },
        ],
      }),
    expect: ([f]) =>
      expect(ids(f)).toEqual([
        'entra:synchronizationJob:job-1',
        'entra:servicePrincipal:sp-okta-idp',
      ]),
  },
  {
    name: 'an Office 365 app user in syncState ERROR',
    rule: 'okta-app-user-sync-error',
    mutate: (s) => (obj(s.okta?.appUsers?.['0oaO365']?.[2])['syncState'] = 'ERROR'),
    expect: ([f]) => expect(ids(f)).toEqual(['okta:app:0oaO365', 'okta:user:00ucarol']),
  },
])

ruleTable('permission rules', [
  {
    name: 'the reader lacks AuditLog.Read.All and sign-ins were refused',
    rule: 'collection-permission-missing',
    mutate: (s) => {
      s.collection.grantedPermissions.entra = [
        'Directory.Read.All',
        'Domain.Read.All',
        'Synchronization.Read.All',
      ]
      delete s.entra!['signIns']
      delete s.entra!['directoryAudits']
      delete s.entra!['provisioningLogs']
      s.collection.errors.push({
        source: 'entra',
        resource: 'signIns',
        status: 403,
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges',
      })
    },
    expect: ([f]) => {
      expect(f?.severity).toBe('info')
      expect(f?.title).toContain('lacks AuditLog.Read.All')
      // the reader app is named, and the refused error code is never taken for a permission
      // every resource AuditLog.Read.All reads is named, not only the one refused
      expect(ids(f)).toEqual([
        `entra:application:${READER_APP_ID}`,
        'entra:resource:signIns',
        'entra:resource:directoryAudits',
        'entra:resource:provisioningLogs',
      ])
      expect(f?.title).not.toContain('Authorization_RequestDenied')
    },
  },
  {
    name: 'the Okta service app lacks okta.logs.read',
    rule: 'collection-permission-missing',
    mutate: (s) => {
      s.collection.grantedPermissions.okta = s.collection.grantedPermissions.okta.filter(
        (x) => x !== 'okta.logs.read',
      )
      delete s.okta!['logs']
    },
    expect: ([f]) =>
      expect(f?.title).toBe('The Okta reader lacks okta.logs.read: 1 resource not read'),
  },
  {
    name: 'the app asks for openid only, and only openid is consented',
    rule: 'idp-app-consent-missing',
    mutate: (s) => {
      obj(s.entra?.applications?.[0], 'requiredResourceAccess', '0')['resourceAccess'] = [
        { id: '37f7f235-527c-4136-accd-4a02d197296e', type: 'Scope' },
      ]
      obj(s.entra?.oauth2PermissionGrants?.[0])['scope'] = 'openid'
    },
    expect: ([f]) => {
      expect(f?.severity).toBe('high')
      expect(f?.title).toContain('has no consent for email, profile')
    },
  },
  {
    name: 'consent only from some users: new users still see a prompt (a note)',
    rule: 'idp-app-consent-missing',
    mutate: (s) =>
      (s.entra!.oauth2PermissionGrants = [
        {
          id: 'grant-u',
          clientId: 'sp-okta-idp',
          consentType: 'Principal',
          principalId: 'e-alice',
          resourceId: 'sp-graph',
          scope: 'openid email profile',
        },
      ]),
    expect: ([f]) => expect(f?.severity).toBe('info'),
  },
  {
    name: 'no admin consent grant',
    rule: 'idp-app-consent-missing',
    mutate: (s) => (s.entra!.oauth2PermissionGrants = []),
    expect: ([f]) => {
      expect(f?.severity).toBe('high')
      expect(ids(f)).toEqual([
        'okta:idp:0oaIdp',
        'entra:application:bbbbbbbb-0000-4000-8000-000000000001',
        'entra:servicePrincipal:sp-okta-idp',
      ])
    },
  },
])

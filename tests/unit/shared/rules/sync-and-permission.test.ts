import { expect } from 'vitest'
import { at, obj } from '../../../fixtures/snapshots/seam-snapshot'
import { ids, ruleTable } from './table'

ruleTable('sync rules', [
  {
    name: 'Entra Connect last synced 2 hours ago (interval 30 min)',
    rule: 'entra-connect-sync-stale',
    mutate: (s) => (obj(s.entra?.organization?.[0])['onPremisesLastSyncDateTime'] = at(-2 / 24)),
    expect: ([f]) => {
      expect(f?.severity).toBe('high')
      expect(f?.evidence['entra']).toMatchObject({ lagMinutes: 120, intervalMinutes: 30 })
    },
  },
  {
    name: 'Entra Connect silent for 9 days',
    rule: 'entra-connect-sync-stale',
    mutate: (s) => (obj(s.entra?.organization?.[0])['onPremisesLastSyncDateTime'] = at(-9)),
    expect: ([f]) => expect(f?.severity).toBe('critical'),
  },
  {
    name: 'a synced user trails the tenant sync by 10 days',
    rule: 'entra-user-sync-lag',
    mutate: (s) => (obj(s.entra?.users?.[1])['onPremisesLastSyncDateTime'] = at(-10)),
    expect: ([f]) => expect(ids(f)).toEqual(['entra:user:e-bob']),
  },
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
        'Synchronization.Read.All',
        'OnPremDirectorySynchronization.Read.All',
      ]
      s.collection.errors.push({
        source: 'entra',
        resource: 'signIns',
        status: 403,
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges',
      })
    },
    expect: ([f]) => {
      expect(f?.severity).toBe('medium')
      expect(f?.title).toContain('AuditLog.Read.All')
    },
  },
  {
    name: 'the Okta service app lacks okta.logs.read',
    rule: 'collection-permission-missing',
    mutate: (s) =>
      (s.collection.grantedPermissions.okta = s.collection.grantedPermissions.okta.filter(
        (x) => x !== 'okta.logs.read',
      )),
    expect: ([f]) => expect(f?.title).toBe('Okta reader lacks okta.logs.read'),
  },
  {
    name: 'the app requests openid only',
    rule: 'idp-app-consent-missing',
    mutate: (s) =>
      (obj(s.entra?.applications?.[0], 'requiredResourceAccess', '0')['resourceAccess'] = [
        { id: '37f7f235-527c-4136-accd-4a02d197296e', type: 'Scope' },
      ]),
    expect: ([f]) => expect(f?.title).toContain('does not request email, profile'),
  },
  {
    name: 'no admin consent grant',
    rule: 'idp-app-consent-missing',
    mutate: (s) => (s.entra!.oauth2PermissionGrants = []),
    expect: ([f]) =>
      expect(ids(f)).toEqual([
        'okta:idp:0oaIdp',
        'entra:application:bbbbbbbb-0000-4000-8000-000000000001',
        'entra:servicePrincipal:sp-okta-idp',
      ]),
  },
])

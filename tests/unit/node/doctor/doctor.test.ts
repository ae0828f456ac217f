import { describe, expect, it } from 'vitest'
import {
  explainEntraAuthError,
  looksLikeSecretId,
  requiredPermissions,
} from '../../../../src/node/doctor/entra-doctor'
import { explainOktaError } from '../../../../src/node/doctor/okta-doctor'
import { ApiError } from '../../../../src/node/net/api-error'
import type { EntraProfile } from '../../../../src/node/profile/profile'

const profile: EntraProfile = {
  tenantId: 'contoso.onmicrosoft.com',
  clientId: 'app',
  cloud: 'usgov',
  clientSecretEnv: 'S',
}
const secret = { kind: 'secret' as const, clientSecret: 'x' }

describe('looksLikeSecretId', () => {
  it('flags GUIDs (secret IDs) and passes real secret values', () => {
    expect(looksLikeSecretId('6f1c3e2a-9b8d-4c7e-a1f0-123456789abc')).toBe(true)
    expect(looksLikeSecretId(' 6F1C3E2A-9B8D-4C7E-A1F0-123456789ABC ')).toBe(true)
    expect(looksLikeSecretId('abc8Q~AbCdEfGhIjKlMnOpQrStUvWxYz0123456')).toBe(false)
  })
})

describe('explainEntraAuthError', () => {
  const explain = (code: string, status = 400): ReturnType<typeof explainEntraAuthError> =>
    explainEntraAuthError(new ApiError('entra', status, code, 'm'), profile, secret)
  it('names the field at fault for each AADSTS code', () => {
    expect(explain('7000215', 401)).toMatchObject({
      field: 'entra.clientSecret',
      code: 'aadsts-7000215',
    })
    expect(explain('7000222', 401)).toMatchObject({
      field: 'entra.clientSecret',
      code: 'aadsts-7000222',
    })
    expect(explain('700016')).toMatchObject({ field: 'entra.clientId' })
    expect(explain('90002')).toMatchObject({ field: 'entra.tenantId', code: 'tenant-not-found' })
    expect(explain('90002').message).toMatch(/usgov cloud/)
    expect(explain('700027', 401)).toMatchObject({ field: 'entra.certificateFile' })
    expect(explain('ENOTFOUND', 0)).toMatchObject({
      field: 'entra.cloud',
      code: 'login-unreachable',
    })
    for (const p of [explain('7000215'), explain('700016'), explain('whatever')])
      expect(p.fix.length).toBeGreaterThan(10)
  })
})

describe('explainOktaError', () => {
  const token = { kind: 'apiToken' as const, token: 't' }
  it('maps Okta codes and network failures to fields and fixes', () => {
    expect(
      explainOktaError(
        new ApiError('okta', 401, 'E0000011', 'Invalid token provided'),
        'https://a',
        token,
      ),
    ).toMatchObject({
      field: 'okta.apiToken',
      code: 'okta-token-invalid',
    })
    expect(
      explainOktaError(new ApiError('okta', 401, 'E0000011', ''), 'https://a', token).message,
    ).toMatch(/30 days/)
    expect(
      explainOktaError(new ApiError('okta', 403, 'E0000006', ''), 'https://a', token).code,
    ).toBe('okta-token-not-admin')
    expect(
      explainOktaError(new ApiError('okta', 0, 'ENOTFOUND', ''), 'https://a', token).field,
    ).toBe('okta.orgUrl')
    expect(
      explainOktaError(new ApiError('okta', 404, 'http_404', ''), 'https://a', token).code,
    ).toBe('not-okta')
  })
})

describe('requiredPermissions', () => {
  it('names the fewest permissions that read every resource an app-only reader can read', () => {
    expect(
      requiredPermissions([
        'Directory.Read.All',
        'AuditLog.Read.All',
        'Domain.Read.All',
        'Synchronization.Read.All',
      ]),
    ).toEqual([])
    expect(requiredPermissions(['Directory.Read.All'])).toEqual([
      'AuditLog.Read.All',
      'Domain.Read.All',
      'Synchronization.Read.All',
    ])
    // Directory.Read.All covers users, groups and apps, and the logs need it anyway
    expect(requiredPermissions([])).toEqual([
      'AuditLog.Read.All',
      'Directory.Read.All',
      'Domain.Read.All',
      'Synchronization.Read.All',
    ])
    // nothing asks for OnPremDirectorySynchronization.Read.All: Graph offers no application permission for it
    expect(requiredPermissions([])).not.toContain('OnPremDirectorySynchronization.Read.All')
  })
})

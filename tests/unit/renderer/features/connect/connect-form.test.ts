import { describe, expect, it } from 'vitest'
import {
  fieldOfProblem,
  formFromInfo,
  problemsByField,
  toSaveInput,
  validateForm,
  type ConnectForm,
} from '../../../../../src/renderer/src/features/connect/connect-form'
import type { ConnectionInfo, DoctorProblem } from '../../../../../src/shared/ipc/connections'

const WS = '7d1f1c2e-1111-4aaa-8bbb-000000000001'
const CLIENT = '1b2c3d4e-0000-4000-8000-00000000bbbb'
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----'

const problem = (field: string): DoctorProblem => ({
  field,
  code: 'x',
  severity: 'error',
  message: 'm',
  fix: 'f',
})

function form(patch: (f: ConnectForm) => void, info?: ConnectionInfo): ConnectForm {
  const f = formFromInfo(info)
  patch(f)
  return f
}

describe('connect form', () => {
  it('maps each doctor field to the input that shows it', () => {
    const secret = formFromInfo(undefined)
    const cert = form((f) => (f.entra.authKind = 'certificate'))
    expect(fieldOfProblem(problem('entra.clientSecret'), secret)).toBe('entra.clientSecret')
    expect(fieldOfProblem(problem('entra.certificateFile'), cert)).toBe('entra.certificatePem')
    expect(fieldOfProblem(problem('entra.certificateFile'), secret)).toBe('entra.clientSecret')
    expect(fieldOfProblem(problem('okta.apiToken'), secret)).toBe('okta.token')
    expect(fieldOfProblem(problem('okta.privateKeyFile'), secret)).toBe('okta.privateKeyPem')
    expect(fieldOfProblem(problem('caFile'), secret)).toBe('caPem')
    expect(fieldOfProblem(problem('entra.permissions'), secret)).toBeUndefined()
    // a problem at a hidden field (advanced closed) falls back to its side
    const grouped = problemsByField(
      {
        entra: {
          ok: false,
          problems: [problem('entra.authorityHost'), problem('entra.tenantId')],
          grantedPermissions: [],
          missingPermissions: [],
        },
      },
      secret,
      (field) => field !== 'entra.authorityHost',
    )
    expect(Object.keys(grouped.byField)).toEqual(['entra.tenantId'])
    expect(grouped.entra.map((p) => p.field)).toEqual(['entra.authorityHost'])
  })

  it('builds a service-app credential, and keeps stored secrets when fields stay empty', () => {
    const okta = form((f) => {
      f.okta.orgUrl = 'https://contoso.okta.com'
      f.okta.authKind = 'privateKey'
      f.okta.clientId = '0oa1'
      f.okta.privateKeyPem = KEY
      f.okta.scopes = 'okta.users.read, okta.groups.read'
    })
    expect(validateForm(okta, undefined, false).errors).toEqual({})
    expect(toSaveInput(WS, okta, undefined, false)).toEqual({
      workspaceId: WS,
      okta: {
        orgUrl: 'https://contoso.okta.com',
        credential: {
          kind: 'privateKey',
          clientId: '0oa1',
          privateKeyPem: KEY,
          scopes: ['okta.users.read', 'okta.groups.read'],
        },
      },
    })
    const stored: ConnectionInfo = {
      workspaceId: WS,
      entra: {
        tenantId: 'contoso.com',
        clientId: CLIENT,
        cloud: 'usgov',
        authKind: 'certificate',
        certificateThumbprint: 'AB',
        savedAt: '2026-01-01T00:00:00Z',
      },
    }
    const again = formFromInfo(stored)
    expect(again.entra).toMatchObject({
      authKind: 'certificate',
      cloud: 'usgov',
      certificatePem: '',
      privateKeyPem: '',
    })
    expect(validateForm(again, stored, false).errors).toEqual({})
    expect(toSaveInput(WS, again, stored, false).entra).toEqual({
      tenantId: 'contoso.com',
      clientId: CLIENT,
      cloud: 'usgov',
    })
    // half a certificate is not kept silently
    again.entra.certificatePem = CERT
    expect(validateForm(again, stored, false).errors['entra.privateKeyPem']).toMatch(/PEM/)
  })

  it('drops custom endpoints where the host does not allow them', () => {
    const f = form((x) => {
      x.entra.tenantId = 'contoso.com'
      x.entra.clientId = CLIENT
      x.entra.clientSecret = 'abc~value'
      x.entra.authorityHost = 'http://not-https'
      x.caPem = 'nonsense'
    })
    expect(validateForm(f, undefined, false).errors).toEqual({})
    expect(toSaveInput(WS, f, undefined, false)).not.toHaveProperty('caPem')
    expect(toSaveInput(WS, f, undefined, false).entra).not.toHaveProperty('authorityHost')
    const errors = validateForm(f, undefined, true).errors
    expect(errors['entra.authorityHost']).toMatch(/https/)
    expect(errors.caPem).toMatch(/PEM/)
  })

  it('asks for at least one side, and warns about an -admin org URL', () => {
    expect(validateForm(formFromInfo(undefined), undefined, true).errors['entra.tenantId']).toMatch(
      /Entra tenant, an Okta org, or both/,
    )
    const f = form((x) => {
      x.okta.orgUrl = 'https://contoso-admin.okta.com'
      x.okta.token = '00abc'
    })
    expect(validateForm(f, undefined, true).warnings['okta.orgUrl']).toMatch(/without “-admin”/)
  })
})

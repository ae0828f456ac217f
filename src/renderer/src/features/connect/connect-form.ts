/**
 * The Connect form's state, its validation as the user types (the contract's own zod
 * schemas, so the form and the host agree), and the mapping from form to
 * `connections:save` input. Secrets are write-only: an empty secret field means "keep
 * the stored one", and the form never holds a stored secret.
 */
import {
  CaPem,
  CertificatePem,
  ClientId,
  HttpsUrl,
  PrivateKeyPem,
  TenantRef,
  isGuid,
  type ConnectionDraft,
  type ConnectionInfo,
  type ConnectionsSaveInput,
  type DoctorProblem,
  type DoctorReport,
} from '../../../../shared/ipc/connections'
import { oktaScopes } from '../../../../shared/model'
import type { Cloud } from '../../../../shared/model/snapshot'
import type { z } from 'zod'

export interface EntraForm {
  tenantId: string
  clientId: string
  cloud: Cloud
  authKind: 'secret' | 'certificate'
  clientSecret: string
  certificatePem: string
  privateKeyPem: string
  authorityHost: string
  graphBaseUrl: string
}

export interface OktaForm {
  orgUrl: string
  authKind: 'apiToken' | 'privateKey'
  token: string
  clientId: string
  privateKeyPem: string
  keyId: string
  scopes: string
}

export interface ConnectForm {
  entra: EntraForm
  okta: OktaForm
  caPem: string
}

/** Every input of the form, named as the doctor names fields (`entra.clientSecret`). */
export type FieldName =
  | `entra.${Exclude<keyof EntraForm, 'authKind'>}`
  | `okta.${Exclude<keyof OktaForm, 'authKind'>}`
  | 'caPem'

/** Every scope the resource registry's Okta resources need. */
export const DEFAULT_OKTA_SCOPES = oktaScopes().join(' ')

/** The form for a stored connection: every non-secret value, every secret empty. */
export function formFromInfo(info: ConnectionInfo | undefined): ConnectForm {
  const e = info?.entra
  const o = info?.okta
  return {
    entra: {
      tenantId: e?.tenantId ?? '',
      clientId: e?.clientId ?? '',
      cloud: e?.cloud ?? 'global',
      authKind: e?.authKind === 'certificate' ? 'certificate' : 'secret',
      clientSecret: '',
      certificatePem: '',
      privateKeyPem: '',
      authorityHost: e?.authorityHost ?? '',
      graphBaseUrl: e?.graphBaseUrl ?? '',
    },
    okta: {
      orgUrl: o?.orgUrl ?? '',
      authKind: o?.authKind ?? 'apiToken',
      token: '',
      clientId: o?.clientId ?? '',
      privateKeyPem: '',
      keyId: o?.keyId ?? '',
      scopes: o?.scopes?.join(' ') ?? DEFAULT_OKTA_SCOPES,
    },
    caPem: info?.caPem ?? '',
  }
}

/** A side is part of the connection once any of its identifying fields is filled, or it is stored. */
export function sidesInUse(
  form: ConnectForm,
  info: ConnectionInfo | undefined,
): { entra: boolean; okta: boolean } {
  return {
    entra: !!info?.entra || form.entra.tenantId.trim() !== '' || form.entra.clientId.trim() !== '',
    okta: !!info?.okta || form.okta.orgUrl.trim() !== '',
  }
}

export interface Validation {
  errors: Partial<Record<FieldName, string>>
  warnings: Partial<Record<FieldName, string>>
}

const first = (schema: z.ZodType, value: string): string | undefined => {
  const result = schema.safeParse(value)
  return result.success ? undefined : result.error.issues[0]?.message
}

export const SECRET_ID_WARNING =
  'This looks like the secret ID, not its value: copy the Value column under Certificates & secrets (it is shown only once).'

/** Validates the form as the host would, plus warnings the host cannot give (a GUID-shaped secret). */
export function validateForm(
  form: ConnectForm,
  info: ConnectionInfo | undefined,
  overridesAllowed: boolean,
): Validation {
  const errors: Validation['errors'] = {}
  const warnings: Validation['warnings'] = {}
  const use = sidesInUse(form, info)
  const set = (field: FieldName, message: string | undefined) => {
    if (message) errors[field] = message
  }
  if (!use.entra && !use.okta) {
    errors['entra.tenantId'] = 'Enter an Entra tenant, an Okta org, or both.'
  }
  if (use.entra) {
    const e = form.entra
    set('entra.tenantId', first(TenantRef, e.tenantId))
    set('entra.clientId', first(ClientId, e.clientId))
    const storedKind = info?.entra?.authKind
    if (e.authKind === 'secret') {
      if (e.clientSecret.trim() === '' && storedKind !== 'clientSecret') {
        errors['entra.clientSecret'] = 'Enter the client secret value.'
      } else if (isGuid(e.clientSecret)) {
        warnings['entra.clientSecret'] = SECRET_ID_WARNING
      }
    } else {
      const keep =
        storedKind === 'certificate' &&
        e.certificatePem.trim() === '' &&
        e.privateKeyPem.trim() === ''
      if (!keep) {
        set('entra.certificatePem', first(CertificatePem, e.certificatePem))
        set('entra.privateKeyPem', first(PrivateKeyPem, e.privateKeyPem))
      }
    }
    if (overridesAllowed) {
      if (e.authorityHost.trim()) set('entra.authorityHost', first(HttpsUrl, e.authorityHost))
      if (e.graphBaseUrl.trim()) set('entra.graphBaseUrl', first(HttpsUrl, e.graphBaseUrl))
    }
  }
  if (use.okta) {
    const o = form.okta
    set(
      'okta.orgUrl',
      first(HttpsUrl, o.orgUrl) && 'Enter the org address, e.g. https://contoso.okta.com.',
    )
    if (/-admin\./i.test(o.orgUrl))
      warnings['okta.orgUrl'] =
        'Use the org address without “-admin”, e.g. https://contoso.okta.com.'
    const storedKind = info?.okta?.authKind
    if (o.authKind === 'apiToken') {
      if (o.token.trim() === '' && storedKind !== 'apiToken')
        errors['okta.token'] = 'Enter the API token.'
    } else {
      if (o.clientId.trim() === '') errors['okta.clientId'] = 'Enter the service app’s client ID.'
      if (!(storedKind === 'privateKey' && o.privateKeyPem.trim() === '')) {
        set('okta.privateKeyPem', first(PrivateKeyPem, o.privateKeyPem))
      }
      if (scopesOf(o.scopes).length === 0)
        errors['okta.scopes'] = 'Name at least one scope, e.g. okta.users.read.'
    }
  }
  if (overridesAllowed && form.caPem.trim()) set('caPem', first(CaPem, form.caPem))
  return { errors, warnings }
}

function scopesOf(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean)
}

/** The `connections:save` input for a valid form; empty secrets keep the stored ones. */
export function toSaveInput(
  workspaceId: string,
  form: ConnectForm,
  info: ConnectionInfo | undefined,
  overridesAllowed: boolean,
): ConnectionsSaveInput {
  const use = sidesInUse(form, info)
  const input: ConnectionsSaveInput = { workspaceId }
  if (use.entra) {
    const e = form.entra
    const credential =
      e.authKind === 'secret'
        ? e.clientSecret.trim()
          ? { kind: 'secret' as const, clientSecret: e.clientSecret.trim() }
          : undefined
        : e.certificatePem.trim() || e.privateKeyPem.trim()
          ? {
              kind: 'certificate' as const,
              certificatePem: e.certificatePem.trim(),
              privateKeyPem: e.privateKeyPem.trim(),
            }
          : undefined
    input.entra = {
      tenantId: e.tenantId.trim(),
      clientId: e.clientId.trim(),
      cloud: e.cloud,
      ...(overridesAllowed && e.authorityHost.trim()
        ? { authorityHost: e.authorityHost.trim() }
        : {}),
      ...(overridesAllowed && e.graphBaseUrl.trim() ? { graphBaseUrl: e.graphBaseUrl.trim() } : {}),
      ...(credential ? { credential } : {}),
    }
  }
  if (use.okta) {
    const o = form.okta
    const credential =
      o.authKind === 'apiToken'
        ? o.token.trim()
          ? { kind: 'apiToken' as const, token: o.token.trim() }
          : undefined
        : o.privateKeyPem.trim()
          ? {
              kind: 'privateKey' as const,
              clientId: o.clientId.trim(),
              privateKeyPem: o.privateKeyPem.trim(),
              scopes: scopesOf(o.scopes),
              ...(o.keyId.trim() ? { keyId: o.keyId.trim() } : {}),
            }
          : undefined
    input.okta = { orgUrl: o.orgUrl.trim(), ...(credential ? { credential } : {}) }
  }
  if (overridesAllowed && form.caPem.trim()) input.caPem = form.caPem.trim()
  return input
}

/** The `connections:test` draft: the form as typed, as a save would send it, stored nowhere. */
export function toDraft(
  form: ConnectForm,
  info: ConnectionInfo | undefined,
  overridesAllowed: boolean,
): ConnectionDraft {
  const { workspaceId: _workspaceId, ...draft } = toSaveInput('', form, info, overridesAllowed)
  return draft
}

/** Which form input a doctor problem belongs to; undefined for side-wide problems (permissions). */
export function fieldOfProblem(problem: DoctorProblem, form: ConnectForm): FieldName | undefined {
  switch (problem.field) {
    case 'entra.tenantId':
    case 'entra.clientId':
    case 'entra.cloud':
    case 'entra.authorityHost':
    case 'entra.graphBaseUrl':
    case 'entra.clientSecret':
    case 'okta.orgUrl':
    case 'okta.clientId':
    case 'okta.scopes':
    case 'okta.keyId':
      return problem.field
    case 'entra.certificateFile':
      return form.entra.authKind === 'certificate' ? 'entra.certificatePem' : 'entra.clientSecret'
    case 'entra.privateKeyFile':
      return 'entra.privateKeyPem'
    case 'okta.apiToken':
    case 'okta.apiTokenEnv':
      return 'okta.token'
    case 'okta.privateKeyFile':
      return 'okta.privateKeyPem'
    case 'caFile':
    case 'caPem':
      return 'caPem'
    default:
      return undefined
  }
}

/** The report's problems grouped by the input they belong to, and the rest per side. */
export function problemsByField(
  report: DoctorReport | undefined,
  form: ConnectForm,
  visible: (field: FieldName) => boolean,
): {
  byField: Partial<Record<FieldName, DoctorProblem[]>>
  entra: DoctorProblem[]
  okta: DoctorProblem[]
} {
  const byField: Partial<Record<FieldName, DoctorProblem[]>> = {}
  const rest = { entra: [] as DoctorProblem[], okta: [] as DoctorProblem[] }
  for (const side of ['entra', 'okta'] as const) {
    for (const problem of report?.[side]?.problems ?? []) {
      const field = fieldOfProblem(problem, form)
      if (field && visible(field)) (byField[field] ??= []).push(problem)
      else rest[side].push(problem)
    }
  }
  return { byField, ...rest }
}

import type { ReactNode } from 'react'
import type { ConnectionInfo, DoctorProblem, DoctorSide } from '../../../../shared/ipc/connections'
import { formatDateTime } from '../../format'
import type { ConnectForm, EntraForm, FieldName, OktaForm, Validation } from './connect-form'
import { Choice, Field } from './field'

export interface SectionProps {
  form: ConnectForm
  info: ConnectionInfo | undefined
  validation: Validation
  /** only fields the user touched (or all, after a save attempt) show validation errors */
  shown: (field: FieldName) => boolean
  problems: Partial<Record<FieldName, DoctorProblem[]>>
  sideProblems: DoctorProblem[]
  result: DoctorSide | undefined
  onField: (field: FieldName, value: string) => void
}

const fieldProps = (props: SectionProps, field: FieldName) => ({
  name: field,
  error: props.shown(field) ? props.validation.errors[field] : undefined,
  warning: props.validation.warnings[field],
  problems: props.problems[field],
  onChange: (value: string) => props.onField(field, value),
})

const CLOUDS = [
  { value: 'global', label: 'Global (login.microsoftonline.com)' },
  { value: 'usgov', label: 'US Government (login.microsoftonline.us)' },
  { value: 'china', label: 'China, 21Vianet (login.chinacloudapi.cn)' },
] as const

export function EntraSection(
  props: SectionProps & { onEntra: (patch: Partial<EntraForm>) => void },
) {
  const e = props.form.entra
  const stored = props.info?.entra
  const storedSecret =
    stored?.authKind === 'clientSecret' && stored.secretHint
      ? `Stored: ${stored.secretHint}… (saved ${formatDateTime(stored.savedAt)}). Leave empty to keep it.`
      : undefined
  const storedCert =
    stored?.authKind === 'certificate'
      ? `Stored: thumbprint ${stored.certificateThumbprint ?? '?'}${stored.certificateExpiresAt ? `, expires ${formatDateTime(stored.certificateExpiresAt)}` : ''}. Leave both empty to keep it.`
      : undefined
  return (
    <fieldset className="connect__side" aria-labelledby="connect-entra-title">
      <h2 id="connect-entra-title">Microsoft Entra ID</h2>
      <SideResult label="Entra ID" result={props.result} problems={props.sideProblems} />
      <Field
        label="Tenant ID or primary domain"
        value={e.tenantId}
        placeholder="contoso.onmicrosoft.com"
        hint="Directory (tenant) ID from the app registration’s Overview page, or a verified domain."
        {...fieldProps(props, 'entra.tenantId')}
      />
      <Field
        label="Application (client) ID"
        value={e.clientId}
        placeholder="00000000-0000-0000-0000-000000000000"
        {...fieldProps(props, 'entra.clientId')}
      />
      <div className="field">
        <label className="field__label" htmlFor="connect-entra-cloud">
          Cloud
        </label>
        <select
          id="connect-entra-cloud"
          name="entra.cloud"
          className="field__input"
          value={e.cloud}
          onChange={(event) => props.onEntra({ cloud: event.target.value as EntraForm['cloud'] })}
        >
          {CLOUDS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {props.problems['entra.cloud']?.map((p) => (
          <span
            key={p.code}
            className={`field__problem field__problem--${p.severity}`}
            role="alert"
          >
            <strong>{p.message}</strong> <span className="field__fix">Fix: {p.fix}</span>
          </span>
        ))}
      </div>
      <Choice
        legend="Authenticate with"
        name="entra-auth"
        value={e.authKind}
        options={[
          { value: 'secret', label: 'Client secret' },
          { value: 'certificate', label: 'Certificate' },
        ]}
        onChange={(authKind) => props.onEntra({ authKind })}
      />
      {e.authKind === 'secret' ? (
        <Field
          label="Client secret value"
          secret
          value={e.clientSecret}
          hint="The Value column under Certificates & secrets, not the Secret ID."
          stored={storedSecret}
          {...fieldProps(props, 'entra.clientSecret')}
        />
      ) : (
        <>
          <Field
            label="Certificate (PEM)"
            multiline
            value={e.certificatePem}
            fileAccept=".pem,.crt,.cer"
            stored={storedCert}
            {...fieldProps(props, 'entra.certificatePem')}
          />
          <Field
            label="Private key (PEM)"
            multiline
            value={e.privateKeyPem}
            fileAccept=".pem,.key"
            {...fieldProps(props, 'entra.privateKeyPem')}
          />
        </>
      )}
    </fieldset>
  )
}

export function OktaSection(props: SectionProps & { onOkta: (patch: Partial<OktaForm>) => void }) {
  const o = props.form.okta
  const stored = props.info?.okta
  return (
    <fieldset className="connect__side" aria-labelledby="connect-okta-title">
      <h2 id="connect-okta-title">Okta</h2>
      <SideResult label="Okta" result={props.result} problems={props.sideProblems} />
      <Field
        label="Org URL"
        value={o.orgUrl}
        placeholder="https://contoso.okta.com"
        hint="The org address, without “-admin”."
        {...fieldProps(props, 'okta.orgUrl')}
      />
      <Choice
        legend="Authenticate with"
        name="okta-auth"
        value={o.authKind}
        options={[
          { value: 'apiToken', label: 'API token' },
          { value: 'privateKey', label: 'Service app (OAuth, private key)' },
        ]}
        onChange={(authKind) => props.onOkta({ authKind })}
      />
      {o.authKind === 'apiToken' ? (
        <Field
          label="API token"
          secret
          value={o.token}
          hint="Security → API → Tokens; created by a read-only or super administrator."
          stored={
            stored?.authKind === 'apiToken' && stored.tokenHint
              ? `Stored: ${stored.tokenHint}… (saved ${formatDateTime(stored.savedAt)}). Leave empty to keep it.`
              : undefined
          }
          {...fieldProps(props, 'okta.token')}
        />
      ) : (
        <>
          <Field label="Client ID" value={o.clientId} {...fieldProps(props, 'okta.clientId')} />
          <Field
            label="Private key (PEM)"
            multiline
            value={o.privateKeyPem}
            fileAccept=".pem,.key"
            stored={
              stored?.authKind === 'privateKey'
                ? `Stored (saved ${formatDateTime(stored.savedAt)}). Leave empty to keep it.`
                : undefined
            }
            {...fieldProps(props, 'okta.privateKeyPem')}
          />
          <Field
            label="Key ID (kid)"
            value={o.keyId}
            hint="Optional."
            {...fieldProps(props, 'okta.keyId')}
          />
          <Field
            label="Scopes"
            value={o.scopes}
            hint="Space-separated; granted to the service app under Okta API Scopes."
            {...fieldProps(props, 'okta.scopes')}
          />
        </>
      )}
    </fieldset>
  )
}

function SideResult({
  label,
  result,
  problems,
}: {
  label: string
  result?: DoctorSide
  problems: DoctorProblem[]
}) {
  if (!result) return null
  let summary: ReactNode
  if (result.ok) {
    summary = (
      <p className="connect__ok" role="status">
        {label}: connection works. {result.grantedPermissions.length} permission
        {result.grantedPermissions.length === 1 ? '' : 's'} granted.
      </p>
    )
  } else {
    summary = (
      <p className="connect__failed" role="status">
        {label}: the test found problems; each is shown next to the field at fault.
      </p>
    )
  }
  return (
    <div className="connect__result">
      {summary}
      {/* Before a token was issued every permission counts as missing: that list says nothing. */}
      {result.missingPermissions.length > 0 &&
        (result.ok || result.grantedPermissions.length > 0) && (
          <p className="field__warning">
            Missing permissions: {result.missingPermissions.join(', ')}
          </p>
        )}
      {problems.map((p, i) => (
        <p
          key={`${p.code}-${i}`}
          className={`field__problem field__problem--${p.severity}`}
          role="alert"
        >
          <strong>{p.message}</strong> <span className="field__fix">Fix: {p.fix}</span>
        </p>
      ))}
    </div>
  )
}

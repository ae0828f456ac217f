import { useEffect, useMemo, useState } from 'react'
import { Button } from 'react-aria-components'
import { Link, useParams } from 'react-router'
import type { ConnectionInfo, DoctorReport, VaultStatus } from '../../../../shared/ipc/connections'
import type { IpcError } from '../../../../shared/ipc/contract'
import { invoke } from '../../api'
import {
  formFromInfo,
  problemsByField,
  toDraft,
  toSaveInput,
  validateForm,
  type ConnectForm,
  type FieldName,
} from './connect-form'
import { EntraSection, OktaSection } from './connect-sections'
import { Field } from './field'
import { UnlockDialog } from './unlock-dialog'
import './connect.css'

type Load =
  | { state: 'loading' }
  | { state: 'error'; error: IpcError }
  | { state: 'ready'; vault: VaultStatus; info?: ConnectionInfo }

async function loadConnection(workspaceId: string): Promise<Load> {
  const vault = await invoke('vault:status', undefined)
  if (!vault.ok) return { state: 'error', error: vault.error }
  const info = await invoke('connections:get', { workspaceId })
  if (!info.ok) return { state: 'error', error: info.error }
  return { state: 'ready', vault: vault.value, info: info.value }
}

/**
 * The Connect screen: one workspace's Entra tenant and Okta org. Secrets are write-only
 * (after a save the field is empty and shows the stored hint), the form validates as the
 * user types, and "Test connection" shows each doctor problem next to the field at fault.
 */
export function ConnectScreen() {
  const { workspaceId = '' } = useParams()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [form, setForm] = useState<ConnectForm>(() => formFromInfo(undefined))
  const [touched, setTouched] = useState<Set<FieldName>>(new Set())
  const [showAll, setShowAll] = useState(false)
  const [dirty, setDirty] = useState(false)
  const [busy, setBusy] = useState<'saving' | 'testing'>()
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>()
  const [report, setReport] = useState<DoctorReport>()
  const [unlockOpen, setUnlockOpen] = useState(false)
  const [advancedOpen, setAdvancedOpen] = useState(false)

  useEffect(() => {
    let live = true
    void loadConnection(workspaceId).then((loaded) => {
      if (!live) return
      setLoad(loaded)
      if (loaded.state !== 'ready') return
      setForm(formFromInfo(loaded.info))
      const e = loaded.info?.entra
      setAdvancedOpen(!!(e?.authorityHost || e?.graphBaseUrl || loaded.info?.caPem))
      if (!loaded.vault.unlocked) setUnlockOpen(true)
    })
    return () => {
      live = false
    }
  }, [workspaceId])

  const ready = load.state === 'ready' ? load : undefined
  const overrides = ready?.vault.endpointOverrides ?? false
  const validation = useMemo(
    () => validateForm(form, ready?.info, overrides),
    [form, ready?.info, overrides],
  )
  const visible = (field: FieldName) =>
    (overrides && advancedOpen) ||
    !['entra.authorityHost', 'entra.graphBaseUrl', 'caPem'].includes(field)
  const grouped = problemsByField(report, form, visible)

  const onField = (field: FieldName, value: string) => {
    setDirty(true)
    setTouched((t) => new Set(t).add(field))
    setMessage(undefined)
    if (field === 'caPem') return setForm((f) => ({ ...f, caPem: value }))
    const [side, key] = field.split('.') as ['entra' | 'okta', string]
    setForm((f) => ({ ...f, [side]: { ...f[side], [key]: value } }))
  }

  const save = async (): Promise<boolean> => {
    setShowAll(true)
    if (!ready) return false
    if (!ready.vault.unlocked) {
      setUnlockOpen(true)
      return false
    }
    if (Object.keys(validation.errors).length > 0) {
      setMessage({ kind: 'error', text: 'Correct the fields marked in red first.' })
      return false
    }
    setBusy('saving')
    const result = await invoke(
      'connections:save',
      toSaveInput(workspaceId, form, ready.info, overrides),
    )
    setBusy(undefined)
    if (!result.ok) {
      setMessage({ kind: 'error', text: result.error.message })
      return false
    }
    // Secrets are write-only: the form drops them and shows what is stored instead.
    setLoad({ ...ready, info: result.value })
    setForm(formFromInfo(result.value))
    setTouched(new Set())
    setShowAll(false)
    setDirty(false)
    setReport(undefined)
    setMessage({ kind: 'ok', text: 'Saved. Secrets are stored encrypted and are not shown again.' })
    return true
  }

  // Tests the form as typed and stores nothing: a wrong value tried here never replaces a
  // stored one that works. Only Save stores.
  const test = async () => {
    setShowAll(true)
    if (!ready) return
    if (Object.keys(validation.errors).length > 0) {
      setMessage({ kind: 'error', text: 'Correct the fields marked in red first.' })
      return
    }
    setBusy('testing')
    setMessage(undefined)
    const result = await invoke('connections:test', {
      workspaceId,
      draft: toDraft(form, ready.info, overrides),
    })
    setBusy(undefined)
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message })
    setReport(result.value)
    const failing = ['entra', 'okta'].some((s) => result.value[s as 'entra' | 'okta']?.ok === false)
    if (failing) {
      const targetsAdvanced = [
        ...(result.value.entra?.problems ?? []),
        ...(result.value.okta?.problems ?? []),
      ].some((p) => ['entra.authorityHost', 'entra.graphBaseUrl', 'caFile'].includes(p.field))
      if (targetsAdvanced && overrides) setAdvancedOpen(true)
    }
    setMessage(
      failing
        ? {
            kind: 'error',
            text: `The connection test found problems: see the fields marked below.${dirty ? ' Nothing was saved.' : ''}`,
          }
        : {
            kind: 'ok',
            text: dirty
              ? 'Connection test passed. Save to keep these settings.'
              : 'Connection test passed.',
          },
    )
  }

  if (load.state === 'loading')
    return (
      <p className="muted" role="status">
        Loading the connection…
      </p>
    )
  if (load.state === 'error')
    return (
      <section className="screen">
        <h1>Connect</h1>
        <p className="form__error" role="alert">
          {load.error.message}
        </p>
      </section>
    )

  const shown = (field: FieldName) => showAll || touched.has(field)
  const section = { form, info: load.info, validation, shown, problems: grouped.byField, onField }
  const saved = !!(load.info?.entra || load.info?.okta)

  return (
    <section className="screen connect" aria-labelledby="connect-title">
      <div className="screen__header">
        <h1 id="connect-title">Connect</h1>
        <span className={`connect__vault ${load.vault.unlocked ? '' : 'connect__vault--locked'}`}>
          Vault: {load.vault.unlocked ? 'unlocked' : 'locked'} (
          {load.vault.kind === 'passphrase' ? 'passphrase' : 'OS keychain'})
          {!load.vault.unlocked && (
            <Button className="button button--small" onPress={() => setUnlockOpen(true)}>
              Unlock…
            </Button>
          )}
        </span>
      </div>
      <p className="muted">
        Credentials are encrypted on this computer and never shown again after saving. The app needs
        read-only access: Graph application permissions on the Entra side, a read-only
        administrator’s token on the Okta side.
      </p>
      <form
        className="connect__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <div className="connect__sides">
          <EntraSection
            {...section}
            sideProblems={grouped.entra}
            result={report?.entra}
            onEntra={(patch) => {
              setDirty(true)
              setForm((f) => ({ ...f, entra: { ...f.entra, ...patch } }))
            }}
          />
          <OktaSection
            {...section}
            sideProblems={grouped.okta}
            result={report?.okta}
            onOkta={(patch) => {
              setDirty(true)
              setForm((f) => ({ ...f, okta: { ...f.okta, ...patch } }))
            }}
          />
        </div>
        {overrides && (
          <details
            className="connect__advanced"
            open={advancedOpen}
            onToggle={(event) => setAdvancedOpen((event.target as HTMLDetailsElement).open)}
          >
            <summary>Advanced: custom endpoints</summary>
            <p className="muted">
              For test tenants and emulators. This host accepts them because it is a development
              build or was started with --allow-endpoint-overrides.
            </p>
            <Field
              label="Authority host"
              value={form.entra.authorityHost}
              placeholder="https://login.microsoftonline.com"
              name="entra.authorityHost"
              error={
                shown('entra.authorityHost') ? validation.errors['entra.authorityHost'] : undefined
              }
              problems={grouped.byField['entra.authorityHost']}
              onChange={(v) => onField('entra.authorityHost', v)}
            />
            <Field
              label="Graph base URL"
              value={form.entra.graphBaseUrl}
              placeholder="https://graph.microsoft.com"
              name="entra.graphBaseUrl"
              error={
                shown('entra.graphBaseUrl') ? validation.errors['entra.graphBaseUrl'] : undefined
              }
              problems={grouped.byField['entra.graphBaseUrl']}
              onChange={(v) => onField('entra.graphBaseUrl', v)}
            />
            <Field
              label="CA certificate (PEM)"
              multiline
              value={form.caPem}
              fileAccept=".pem,.crt,.cer"
              hint="Trusted for both connections, on top of the system roots."
              name="caPem"
              error={shown('caPem') ? validation.errors.caPem : undefined}
              problems={grouped.byField.caPem}
              onChange={(v) => onField('caPem', v)}
            />
          </details>
        )}
        {message && (
          <p
            className={message.kind === 'ok' ? 'connect__ok' : 'form__error'}
            role={message.kind === 'ok' ? 'status' : 'alert'}
          >
            {message.text}
          </p>
        )}
        <div className="connect__actions">
          <Button
            className="button"
            type="submit"
            isPending={busy === 'saving'}
            isDisabled={busy !== undefined}
          >
            Save
          </Button>
          <Button
            className="button button--primary"
            onPress={() => void test()}
            isPending={busy === 'testing'}
            isDisabled={busy !== undefined}
          >
            Test connection
          </Button>
          {saved && !dirty && (
            <Link className="button button--quiet" to={`/w/${workspaceId}/collect`}>
              Collect a snapshot →
            </Link>
          )}
        </div>
      </form>
      <UnlockDialog
        status={load.vault}
        isOpen={unlockOpen}
        onOpenChange={setUnlockOpen}
        onUnlocked={(vault) => {
          setUnlockOpen(false)
          setLoad({ ...load, vault })
        }}
      />
    </section>
  )
}

import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { RouterProvider, createMemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  ConnectionInfo,
  DoctorReport,
  VaultStatus,
} from '../../../../../src/shared/ipc/connections'
import { ConnectScreen } from '../../../../../src/renderer/src/features/connect/connect-screen'
import { createFakeApi, installFakeApi, type FakeApi } from '../../helpers/fake-api'
import { byLabel, byText, click, typeInto, waitFor } from '../helpers'

const WS = '7d1f1c2e-1111-4aaa-8bbb-000000000001'
const TENANT = '9f3c2a1b-0000-4000-8000-00000000aaaa'
const CLIENT = '1b2c3d4e-0000-4000-8000-00000000bbbb'
const SECRET = 'Abc8Q~realSecretValue_0123456789'

interface Fake extends FakeApi {
  vault: VaultStatus
  info: ConnectionInfo
  report?: DoctorReport
  saved: unknown[]
}

function fake(vault: Partial<VaultStatus> = {}): Fake {
  const base = createFakeApi()
  const api = base as Fake
  api.vault = {
    kind: 'passphrase',
    unlocked: true,
    problems: [],
    endpointOverrides: true,
    ...vault,
  }
  api.info = { workspaceId: WS }
  api.saved = []
  const inner = base.invoke
  api.invoke = async (channel, input) => {
    switch (channel) {
      case 'vault:status':
        api.calls.push({ channel, input })
        return { ok: true, value: api.vault }
      case 'vault:unlock': {
        api.calls.push({ channel, input })
        const { passphrase } = input as { passphrase: string }
        if (passphrase !== 'the right passphrase')
          return {
            ok: false,
            error: { code: 'unavailable', message: 'That passphrase does not open this vault.' },
          }
        api.vault = { ...api.vault, unlocked: true }
        return { ok: true, value: api.vault }
      }
      case 'connections:get':
        api.calls.push({ channel, input })
        return { ok: true, value: api.info }
      case 'connections:save': {
        api.calls.push({ channel, input })
        api.saved.push(input)
        const i = input as {
          entra?: {
            tenantId: string
            clientId: string
            cloud: 'global'
            credential?: { clientSecret?: string }
          }
        }
        api.info = {
          workspaceId: WS,
          ...(i.entra
            ? {
                entra: {
                  tenantId: i.entra.tenantId,
                  clientId: i.entra.clientId,
                  cloud: i.entra.cloud,
                  authKind: 'clientSecret' as const,
                  secretHint: (
                    i.entra.credential?.clientSecret ??
                    api.info.entra?.secretHint ??
                    ''
                  ).slice(0, 3),
                  savedAt: '2026-11-21T09:00:00.000Z',
                },
              }
            : {}),
        }
        return { ok: true, value: api.info }
      }
      case 'connections:test':
        api.calls.push({ channel, input })
        return { ok: true, value: api.report ?? {} }
      default:
        return inner(channel, input)
    }
  }
  return api
}

let container: HTMLElement
let root: Root
async function render(api: Fake) {
  installFakeApi(api)
  const router = createMemoryRouter(
    [
      { path: '/w/:workspaceId/connect', element: <ConnectScreen /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [`/w/${WS}/connect`] },
  )
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await act(async () => root.render(<RouterProvider router={router} />))
  await waitFor(
    () =>
      container.querySelector('form.connect__form') ?? document.querySelector('#vault-passphrase'),
    'the form',
  )
}

beforeEach(() => {
  document.body.innerHTML = ''
})
afterEach(async () => {
  await act(async () => root.unmount())
  container.remove()
})

async function fillEntra(secret: string) {
  await typeInto(byLabel(container, 'Tenant ID or primary domain'), TENANT)
  await typeInto(byLabel(container, 'Application (client) ID'), CLIENT)
  await typeInto(byLabel(container, 'Client secret value'), secret)
}

const fieldOf = (name: string) => container.querySelector<HTMLElement>(`[data-field="${name}"]`)!

describe('Connect screen', () => {
  it('validates as the user types and warns when the secret looks like a secret ID', async () => {
    await render(fake())
    await typeInto(byLabel(container, 'Tenant ID or primary domain'), 'not a tenant')
    expect(fieldOf('entra.tenantId').textContent).toMatch(
      /Directory \(tenant\) ID \(a GUID\) or a verified domain/,
    )
    expect(byLabel(container, 'Tenant ID or primary domain').getAttribute('aria-invalid')).toBe(
      'true',
    )
    await typeInto(byLabel(container, 'Tenant ID or primary domain'), 'contoso.onmicrosoft.com')
    expect(fieldOf('entra.tenantId').querySelector('.field__error')).toBeNull()

    await typeInto(
      byLabel(container, 'Client secret value'),
      '3f2b1c4d-1111-4222-8333-944445555666',
    )
    expect(fieldOf('entra.clientSecret').textContent).toContain(
      'This looks like the secret ID, not its value',
    )
    // the client ID is untouched: no error yet
    expect(fieldOf('entra.clientId').querySelector('.field__error')).toBeNull()
  })

  it('does not save an invalid form and marks every field at fault', async () => {
    const api = fake()
    await render(api)
    await typeInto(byLabel(container, 'Tenant ID or primary domain'), TENANT)
    await click(byText(container, 'button', 'Save')!)
    expect(api.saved).toEqual([])
    expect(fieldOf('entra.clientId').querySelector('.field__error')?.textContent).toMatch(/GUID/)
    expect(fieldOf('entra.clientSecret').querySelector('.field__error')?.textContent).toBe(
      'Enter the client secret value.',
    )
  })

  it('keeps secrets write-only: after saving, the field is empty and shows the stored hint', async () => {
    const api = fake()
    await render(api)
    await fillEntra(SECRET)
    await click(byText(container, 'button', 'Save')!)
    await waitFor(() => byText(container, '[role="status"]', 'Saved.'), 'the saved message')
    expect(api.saved[0]).toMatchObject({
      workspaceId: WS,
      entra: {
        tenantId: TENANT,
        clientId: CLIENT,
        credential: { kind: 'secret', clientSecret: SECRET },
      },
    })
    const secretInput = byLabel(container, 'Client secret value')
    expect(secretInput.value).toBe('')
    expect(secretInput.type).toBe('password')
    expect(fieldOf('entra.clientSecret').textContent).toContain('Stored: Abc…')
    expect(container.innerHTML).not.toContain(SECRET)

    // saving again with the secret left empty keeps the stored one (no credential sent)
    await typeInto(byLabel(container, 'Tenant ID or primary domain'), 'contoso.onmicrosoft.com')
    await click(byText(container, 'button', 'Save')!)
    await waitFor(() => api.saved.length === 2, 'the second save')
    expect((api.saved[1] as { entra: object }).entra).not.toHaveProperty('credential')
  })

  it('shows each doctor problem next to the field at fault, with its fix', async () => {
    const api = fake()
    api.report = {
      entra: {
        ok: false,
        grantedPermissions: ['User.Read.All'],
        missingPermissions: ['AuditLog.Read.All'],
        problems: [
          {
            field: 'entra.clientSecret',
            code: 'aadsts-7000215',
            severity: 'error',
            message:
              'Entra rejected the client secret: the value is not one of this app registration’s secrets.',
            fix: 'Create a new client secret and copy its Value.',
          },
          {
            field: 'entra.permissions',
            code: 'missing-permission',
            severity: 'warning',
            message: 'AuditLog.Read.All is not granted.',
            fix: 'Grant it.',
          },
        ],
      },
    }
    await render(api)
    await fillEntra(SECRET)
    await click(byText(container, 'button', 'Test connection')!)
    await waitFor(
      () => fieldOf('entra.clientSecret').querySelector('[data-problem-code="aadsts-7000215"]'),
      'the problem at the secret',
    )
    // the test tried what is typed and stored nothing; the secret stays in the field
    expect(api.calls.map((c) => c.channel).filter((c) => c.startsWith('connections:'))).toEqual([
      'connections:get',
      'connections:test',
    ])
    const tested = api.calls.find((c) => c.channel === 'connections:test')?.input as {
      draft?: { entra?: { tenantId: string; credential?: { clientSecret: string } } }
    }
    expect(tested.draft?.entra).toMatchObject({
      tenantId: TENANT,
      credential: { clientSecret: SECRET },
    })
    expect(byLabel(container, 'Client secret value').value).toBe(SECRET)
    expect(container.textContent).toContain('Nothing was saved.')
    const problem = fieldOf('entra.clientSecret').querySelector<HTMLElement>(
      '[data-problem-code="aadsts-7000215"]',
    )!
    expect(problem.textContent).toContain('Fix: Create a new client secret and copy its Value.')
    const input = byLabel(container, 'Client secret value')
    expect(input.getAttribute('aria-describedby')).toContain(problem.id)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    // not at any other field
    expect(fieldOf('entra.tenantId').querySelector('.field__problem')).toBeNull()
    // side-wide problems are listed with the section
    const side = container.querySelector(
      '[aria-labelledby="connect-entra-title"] .connect__result',
    )!
    expect(side.textContent).toContain('AuditLog.Read.All is not granted.')
    expect(side.textContent).toContain('Missing permissions: AuditLog.Read.All')
  })

  it('asks for the vault passphrase when the vault is locked, and refuses a wrong one', async () => {
    const api = fake({ unlocked: false })
    await render(api)
    const dialog = await waitFor(
      () => document.querySelector('[role="dialog"]'),
      'the unlock dialog',
    )
    expect(dialog.textContent).toContain('Unlock the credential vault')
    await typeInto(
      document.querySelector<HTMLInputElement>('#vault-passphrase')!,
      'wrong passphrase',
    )
    await click(byText(dialog, 'button', 'Unlock')!)
    await waitFor(
      () => byText(document.body, '[role="alert"]', 'does not open this vault'),
      'the refusal',
    )
    await typeInto(
      document.querySelector<HTMLInputElement>('#vault-passphrase')!,
      'the right passphrase',
    )
    await click(byText(dialog, 'button', 'Unlock')!)
    await waitFor(() => !document.querySelector('[role="dialog"]'), 'the dialog to close')
    expect(container.textContent).toContain('Vault: unlocked')
  })

  it('offers custom endpoints only where the host allows overrides', async () => {
    await render(fake({ endpointOverrides: false }))
    expect(container.textContent).not.toContain('Advanced: custom endpoints')
    await act(async () => root.unmount())
    container.remove()
    await render(fake({ endpointOverrides: true }))
    expect(container.textContent).toContain('Advanced: custom endpoints')
    expect(byLabel(container, 'CA certificate (PEM)')).toBeTruthy()
  })
})

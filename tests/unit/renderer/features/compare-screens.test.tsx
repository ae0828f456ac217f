import { describe, expect, it } from 'vitest'
import { importSnapshot } from '../../../../src/renderer/src/db/snapshots'
import { diagnose } from '../../../../src/shared/rules'
import { IDP_SECRET_KEY_ID, obj, seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'
import { NOW, WS, byText, testServices, useTestDb, waitFor } from './helpers'

const ctx = useTestDb()

// the Okta IdP holds the secret's ID instead of its value; alice is in the licensed groups
const snapshot = () =>
  seamSnapshot((s) => {
    obj(s.okta?.idps?.[0], 'protocol', 'credentials', 'client')['client_secret'] = IDP_SECRET_KEY_ID
    s.entra!.groups = [
      {
        id: 'eg1',
        displayName: 'O365-Licensed',
        onPremisesSyncEnabled: true,
        onPremisesSamAccountName: 'O365-Licensed',
      },
    ]
    s.entra!.groupMembers = { eg1: [{ '@odata.type': '#microsoft.graph.user', id: 'e-alice' }] }
    s.okta!.groups = [
      {
        id: '00g1',
        type: 'APP_GROUP',
        profile: { name: 'O365-Licensed', samAccountName: 'O365-Licensed' },
      },
    ]
    s.okta!.groupMembers = { '00g1': [{ id: '00ualice' }, { id: '00ubob' }] }
    s.okta!.appGroups = { '0oaO365': [{ id: '00g1' }] }
  })

describe('comparison screens', () => {
  it('Groups shows the licensed group on both sides and who is in Okta only', async () => {
    await importSnapshot(ctx.db, WS, snapshot(), 'imported', NOW)
    const view = await ctx.render(testServices(ctx.db, diagnose), `/w/${WS}/groups`)
    const c = view.container
    const table = await waitFor(() => c.querySelector('.gr-table'), 'the groups table')
    expect(table.textContent).toContain('O365-Licensed')
    expect(table.textContent).toContain('same AD group')
    const detail = await waitFor(() => byText(c, '.gr-detail', 'Only in Okta'), 'the detail')
    const link = [...detail.querySelectorAll('a')].find((a) => a.textContent === 'bob@contoso.com')
    expect(link?.getAttribute('href')).toBe(`/w/${WS}/people?entra=e-bob`)
    expect(detail.textContent).toContain('their Entra account is not in the Entra group')
  })

  it('Integration turns the secret line red with its finding, and the rest green', async () => {
    await importSnapshot(ctx.db, WS, snapshot(), 'imported', NOW)
    const view = await ctx.render(testServices(ctx.db, diagnose), `/w/${WS}/integration`)
    const c = view.container
    const line = await waitFor(
      () =>
        [...c.querySelectorAll('tr[data-status]')].find((tr) =>
          tr.textContent?.startsWith('Client secret'),
        ),
      'the secret line with findings',
      4000,
    )
    await waitFor(() => line.querySelector('a'), 'the related finding')
    expect(line.getAttribute('data-status')).toBe('problem')
    expect(line.querySelector('a')?.getAttribute('href')).toMatch(
      new RegExp(`^/w/${WS}/findings/idp-client-secret-mismatch`),
    )
    const clientId = [...c.querySelectorAll('tr[data-status]')].find((tr) =>
      tr.textContent?.startsWith('Client ID'),
    )
    expect(clientId?.getAttribute('data-status')).toBe('ok')
  })

  it('Charts draws each chart with a table of the same numbers', async () => {
    await importSnapshot(ctx.db, WS, snapshot(), 'imported', NOW)
    const view = await ctx.render(testServices(ctx.db, diagnose), `/w/${WS}/charts`)
    const c = view.container
    await waitFor(() => c.querySelector('#chart-expiry'), 'the charts')
    const caption = await waitFor(
      () => byText(c, 'caption', 'Credential expiry'),
      'the expiry table',
    )
    const rows = caption.closest('table')?.querySelectorAll('tbody tr') ?? []
    // the IdP secret, the two O365 signing keys, the wiki's key and the federation certificate
    expect(rows.length).toBe(5)
    expect(c.textContent).toContain('Okta app users by sync state')
  })

  it('a finding links each person it names to People', async () => {
    const s = seamSnapshot((x) => {
      obj(x.okta?.users?.[0], 'profile')['email'] = 'alice@corp.local'
    })
    await importSnapshot(ctx.db, WS, s, 'imported', NOW)
    const findings = diagnose(s)
    const withUser = findings.find((f) => f.subjects.some((x) => x.type === 'user'))
    expect(withUser).toBeDefined()
    const view = await ctx.render(
      testServices(ctx.db, () => findings),
      `/w/${WS}/findings/${encodeURIComponent(withUser!.id)}`,
    )
    const link = await waitFor(
      () => view.container.querySelector('[data-testid="subject-people-link"]'),
      'the People link',
    )
    const user = withUser!.subjects.find((x) => x.type === 'user')!
    expect(link.getAttribute('href')).toBe(
      `/w/${WS}/people?${user.source}=${encodeURIComponent(user.id)}`,
    )
  })
})

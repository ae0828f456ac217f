import { describe, expect, it } from 'vitest'
import { groupPairs } from '../../../../src/shared/compare/groups'
import { integrationPairs } from '../../../../src/shared/compare/integration'
import { SnapshotIndex } from '../../../../src/shared/compare/snapshot-index'
import { diagnose } from '../../../../src/shared/rules'
import { sha1Hex } from '../../../../src/shared/util/sha1'
import {
  IDP_SECRET_KEY_ID,
  type FixtureSnapshot,
  obj,
  seamSnapshot,
} from '../../../fixtures/snapshots/seam-snapshot'

const USER = '#microsoft.graph.user'
const ref = (id: string) => ({ '@odata.type': USER, id })

/** The fixture plus the groups of the seam: an AD group, a pushed group, an IdP's group. */
function withGroups(s: FixtureSnapshot): void {
  s.entra!.groups = [
    {
      id: 'eg-licensed',
      displayName: 'Licensed (renamed in Entra)',
      onPremisesSyncEnabled: true,
      onPremisesSamAccountName: 'O365-Licensed',
      onPremisesNetBiosName: 'CONTOSO',
    },
    { id: 'eg-pilot', displayName: 'Teams Pilot', onPremisesSyncEnabled: null },
    { id: 'eg-contractors', displayName: 'Contractors' },
  ]
  s.entra!.groupMembers = {
    'eg-licensed': [
      ref('e-alice'),
      ref('e-bob'),
      { '@odata.type': '#microsoft.graph.device', id: 'd1' },
    ],
    'eg-pilot': [ref('e-alice')],
  }
  s.okta!.groups = [
    {
      id: '00gLicensed',
      type: 'APP_GROUP',
      objectClass: ['okta:windows_security_principal'],
      profile: {
        name: 'O365-Licensed',
        samAccountName: 'O365-Licensed',
        windowsDomainQualifiedName: 'CONTOSO\\O365-Licensed',
      },
    },
    { id: '00gPilot', type: 'OKTA_GROUP', profile: { name: 'Pilot' } },
    { id: '00gPilotTarget', type: 'APP_GROUP', profile: { name: 'Teams Pilot' } },
    { id: '00gContractors', type: 'OKTA_GROUP', profile: { name: 'Contractors' } },
    { id: '00gOrphan', type: 'OKTA_GROUP', profile: { name: 'Nobody in Entra' } },
  ]
  s.okta!.groupMembers = {
    '00gLicensed': [{ id: '00ualice' }, { id: '00ucarol' }],
    '00gPilot': [{ id: '00ualice' }],
    '00gPilotTarget': [{ id: '00ualice' }],
    '00gOrphan': [],
  }
  s.okta!.appGroups = { '0oaO365': [{ id: '00gLicensed' }, { id: '00gOrphan' }] }
  s.okta!.groupPushMappings = {
    '0oaO365': [
      { id: 'gPm1', sourceGroupId: '00gPilot', targetGroupId: '00gPilotTarget', status: 'ACTIVE' },
    ],
  }
  obj(s.okta?.idps?.[0], 'policy', 'provisioning')['groups'] = {
    action: 'ASSIGN',
    assignments: ['00gContractors'],
  }
}

describe('groups side by side', () => {
  const pairs = groupPairs(new SnapshotIndex(seamSnapshot(withGroups)))
  const byName = (name: string) => {
    const p = pairs.find((x) => x.okta.name === name)
    if (!p) throw new Error(`no pair ${name}: ${pairs.map((x) => x.okta.name).join(', ')}`)
    return p
  }

  it('lists the groups the seam uses, not every group, the push target shown with its source', () => {
    expect(pairs.map((p) => p.okta.name).sort()).toEqual([
      'Contractors',
      'Nobody in Entra',
      'O365-Licensed',
      'Pilot',
    ])
    expect(byName('Contractors').okta.reasons).toEqual(['idp-assignment'])
  })

  it('pairs an AD group by its on-premises name, and says who is on one side only', () => {
    const p = byName('O365-Licensed')
    expect(p.matchedBy).toBe('on-premises')
    expect(p.entra).toMatchObject({ id: 'eg-licensed', synced: true, members: 3, otherMembers: 1 })
    expect(p.okta.members).toBe(2)
    expect(p.inBoth).toBe(1)
    expect(p.onlyInEntra).toEqual([
      {
        name: 'bob@contoso.com',
        entraId: 'e-bob',
        oktaId: '00ubob',
        why: 'their Okta account is not in the Okta group',
      },
    ])
    expect(p.onlyInOkta).toEqual([
      {
        name: 'carol@contoso.com',
        oktaId: '00ucarol',
        entraId: 'e-carol',
        why: 'their Entra account is not in the Entra group',
      },
    ])
  })

  it('pairs a pushed group through its push mapping, and others by name', () => {
    const pilot = byName('Pilot')
    expect(pilot).toMatchObject({ matchedBy: 'push-mapping', inBoth: 1, push: { id: 'gPm1' } })
    expect(pilot.entra?.name).toBe('Teams Pilot')
    const contractors = byName('Contractors')
    expect(contractors.matchedBy).toBe('name')
    // absent from memberships that were collected (a cache keeps no empty list): nobody
    expect(contractors).toMatchObject({ okta: { members: 0 }, entra: { members: 0 }, inBoth: 0 })
    expect(contractors.note).toBeUndefined()
    expect(byName('Nobody in Entra').note).toMatch(/^No Entra group is this group/)
  })

  it('says members were not collected only when a side’s memberships were not', () => {
    const pilot = (drop: 'entra' | 'okta') =>
      groupPairs(
        new SnapshotIndex(
          seamSnapshot((s) => {
            withGroups(s)
            delete s[drop]!.groupMembers
          }),
        ),
      ).find((p) => p.okta.name === 'Pilot')
    expect(pilot('okta')?.note).toBe('The Okta members of this group were not collected.')
    expect(pilot('okta')?.okta.members).toBeUndefined()
    expect(pilot('entra')?.note).toBe('The Entra members of this group were not collected.')
    expect(pilot('entra')?.entra?.members).toBeUndefined()
  })
})

describe('integrations field by field', () => {
  it('shows every line of the healthy pair agreeing', () => {
    const snapshot = seamSnapshot()
    const pairs = integrationPairs(snapshot, diagnose(snapshot))
    expect(pairs.map((p) => p.kind)).toEqual(['idp', 'federation'])
    for (const p of pairs) {
      const wrong = p.lines.filter((l) => l.status === 'problem')
      expect(wrong.map((l) => `${p.title}: ${l.label}`)).toEqual([])
    }
    const cert = pairs[1]?.lines.find((l) => l.label.startsWith('Signing certificate'))
    expect(cert?.entra.value).toMatch(/^[0-9A-F]{40}$/)
    expect(cert?.entra.value).toBe(cert?.okta.value)
  })

  it('turns the line red with the finding it relates to', () => {
    const snapshot = seamSnapshot((s) => {
      obj(s.okta?.idps?.[0], 'protocol', 'credentials', 'client')['client_secret'] =
        IDP_SECRET_KEY_ID
    })
    const [idp] = integrationPairs(snapshot, diagnose(snapshot))
    const secret = idp?.lines.find((l) => l.label === 'Client secret (hint)')
    expect(secret?.status).toBe('problem')
    expect(secret?.okta.value).toContain('not a secret value')
    expect(secret?.findings.map((f) => f.rule)).toContain('idp-client-secret-mismatch')
    expect(idp?.lines.find((l) => l.label === 'Client ID')?.status).toBe('ok')
  })

  it('says unknown where a side was not collected', () => {
    const snapshot = seamSnapshot((s) => {
      delete s.entra?.applications
    })
    const [idp] = integrationPairs(snapshot, undefined)
    expect(idp?.lines.find((l) => l.label === 'Redirect URI')?.status).toBe('unknown')
  })
})

describe('sha1Hex', () => {
  it('gives the FIPS 180-4 digests', () => {
    const bytes = (s: string) => new TextEncoder().encode(s)
    expect(sha1Hex(bytes('abc'))).toBe('A9993E364706816ABA3E25717850C26C9CD0D89D')
    expect(sha1Hex(bytes(''))).toBe('DA39A3EE5E6B4B0D3255BFEF95601890AFD80709')
    expect(sha1Hex(bytes('a'.repeat(1000)))).toBe('291E9A6C66994949B57BA5E650361E98FC36B1BA')
  })
})

/**
 * Group memberships, app group assignments and group push, as the tenant pair holds them:
 *
 * - the AD security groups (O365-Licensed, SG-<department>) reach Entra through Entra
 *   Connect and Okta through the AD import, whose group profile carries the AD names
 *   (`samAccountName`, `windowsDomainQualifiedName`, `dn`, `externalId` = base64 objectGUID;
 *   the fields `OktaActiveDirectoryGroupProfile` declares), with the same members;
 * - All Staff is an AD group Okta's import does not read (only Entra has it);
 * - the Office 365 app is assigned to the O365-Licensed group (`ApplicationGroupAssignment`);
 * - an Okta group, Teams-Pilot, is pushed to Office 365 (`GroupPushMapping`, Okta's
 *   `ListGroupPushMappingsResponse_Example` shape): Okta keeps the target as a group of the
 *   app, and Entra holds the cloud group the push created, with the same members.
 *
 * Memberships are derived from the people, never drawn: no random numbers are used from
 * the scenario's own generator, so adding groups changes no other object of a scenario.
 */
import type * as MG from '@microsoft/microsoft-graph-types'
import type { Draft } from './base'
import { group as entraGroup } from './entra-config'
import { group as oktaGroup } from './okta-config'
import type { Person } from './people'
import { MS, Rng, hash32, oktaDate } from './random'
import type { EntraMemberRef, OktaRecord } from './types'

const USER = '#microsoft.graph.user'
/** The Okta group Okta pushes to Office 365. */
export const PUSHED_GROUP = 'Teams-Pilot'
const PUSHED_MEMBERS = 12

/** A GUID's base64 in Microsoft byte order, derived from a string (no random draw). */
function guidBase64(seed: string): string {
  const bytes = new Uint8Array(16)
  let h = hash32(seed)
  for (let i = 0; i < 16; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
    bytes[i] = h & 0xff
  }
  return Buffer.from(bytes).toString('base64')
}

function dcPath(domain: string): string {
  return domain
    .split('.')
    .map((p) => `DC=${p}`)
    .join(',')
}

/** Fills the AD attributes of each Okta AD group from its Entra counterpart (same AD group). */
function stampAdProfiles(d: Draft): void {
  const synced = new Map<string, MG.Group>()
  for (const g of d.entra.groups)
    if (g.onPremisesSyncEnabled && g.displayName) synced.set(g.displayName, g)
  d.okta.groups = d.okta.groups.map((g) => {
    const profile = g['profile'] as OktaRecord
    const name = String(profile['name'] ?? '')
    const entra = synced.get(name)
    const ad = (g['objectClass'] as string[] | undefined)?.includes(
      'okta:windows_security_principal',
    )
    if (!entra || !ad) return g
    const sam = entra.onPremisesSamAccountName ?? name
    return {
      ...g,
      profile: {
        name,
        description: profile['description'] ?? null,
        samAccountName: sam,
        windowsDomainQualifiedName: `${d.ctx.adNetbios}\\${sam}`,
        dn: `CN=${name},OU=Groups,${dcPath(d.ctx.adDomain)}`,
        externalId: guidBase64(`${entra.id ?? name}:objectGUID`),
      },
    }
  })
}

function byName(list: OktaRecord[], name: string): OktaRecord | undefined {
  return list.find((g) => (g['profile'] as OktaRecord | undefined)?.['name'] === name)
}

/**
 * Memberships of the ordinary population (`people`), the Office 365 group assignment and
 * the pushed group. Called once per scenario, after its people are in.
 */
export function addGroups(d: Draft, people: readonly Person[]): void {
  stampAdProfiles(d)
  const oktaIds = new Set(d.okta.users.map((u) => String(u['id'])))
  const o365Users = new Set((d.okta.appUsers[d.o365.appId] ?? []).map((u) => String(u['id'])))
  const entraOf = new Map<string, EntraMemberRef[]>()
  const oktaOf = new Map<string, string[]>()
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key)
    if (list) list.push(value)
    else map.set(key, [value])
  }
  for (const p of people) {
    const ref: EntraMemberRef = { '@odata.type': USER, id: p.entraId }
    const inOkta = oktaIds.has(p.oktaId)
    add(entraOf, 'All Staff', ref)
    add(entraOf, `SG-${p.department}`, ref)
    if (inOkta) add(oktaOf, `SG-${p.department}`, p.oktaId)
    if (o365Users.has(p.oktaId)) {
      add(entraOf, 'O365-Licensed', ref)
      add(oktaOf, 'O365-Licensed', p.oktaId)
    }
  }
  for (const g of d.entra.groups) {
    const members = entraOf.get(g.displayName ?? '')
    if (members && g.id) d.entra.groupMembers[g.id] = members
  }
  for (const g of d.okta.groups) {
    const name = String((g['profile'] as OktaRecord | undefined)?.['name'] ?? '')
    const members = oktaOf.get(name)
    if (members && g['type'] !== 'BUILT_IN') d.okta.groupMembers[String(g['id'])] = members
  }
  const contractors = byName(d.okta.groups, 'Contractors')
  if (contractors)
    d.okta.groupMembers[String(contractors['id'])] = d.okta.users
      .filter((u) => (u['profile'] as OktaRecord | undefined)?.['title'] === 'Contractor')
      .map((u) => String(u['id']))
  assignOffice365(d)
  addPushedGroup(d, people.filter((p) => o365Users.has(p.oktaId)).slice(0, PUSHED_MEMBERS))
}

/** The Office 365 app is assigned to the O365-Licensed group. */
function assignOffice365(d: Draft): void {
  const licensed = byName(d.okta.groups, 'O365-Licensed')
  if (!licensed) return
  const org = d.ctx.origins.oktaOrgUrl
  const id = String(licensed['id'])
  d.okta.appGroups[d.o365.appId] = [
    {
      id,
      lastUpdated: oktaDate(d.ctx.nowMs - 1900 * MS.day),
      priority: 0,
      profile: {},
      _links: {
        app: { href: `${org}/api/v1/apps/${d.o365.appId}` },
        self: { href: `${org}/api/v1/apps/${d.o365.appId}/groups/${id}` },
        group: { href: `${org}/api/v1/groups/${id}` },
      },
    },
  ]
}

/** An Okta group pushed to Office 365, the app's copy of it in Okta, and the Entra group it made. */
function addPushedGroup(d: Draft, members: readonly Person[]): void {
  const { ctx } = d
  // a generator of its own: the rest of the scenario keeps its draws
  const rng = new Rng(ctx.seed ^ hash32('pushed-group'))
  const local = { ...ctx, rng } as typeof ctx
  const createdMs = ctx.nowMs - 120 * MS.day
  const source = oktaGroup(local, {
    name: PUSHED_GROUP,
    description: 'Microsoft Teams pilot users',
    type: 'OKTA_GROUP',
    createdMs,
  })
  const target: OktaRecord = {
    ...oktaGroup(local, {
      name: PUSHED_GROUP,
      description: 'Microsoft Teams pilot users',
      type: 'APP_GROUP',
      createdMs: createdMs + MS.hour,
    }),
    objectClass: ['okta:user_group'],
  }
  const org = ctx.origins.oktaOrgUrl
  const links = target['_links'] as OktaRecord
  target['_links'] = { ...links, source: { href: `${org}/api/v1/apps/${d.o365.appId}` } }
  const entra = entraGroup(local, {
    displayName: PUSHED_GROUP,
    description: 'Microsoft Teams pilot users',
    synced: false,
    createdMs: createdMs + MS.hour,
  })
  d.okta.groups.push(source, target)
  d.entra.groups.push(entra)
  d.okta.groupMembers[String(source['id'])] = members.map((p) => p.oktaId)
  d.okta.groupMembers[String(target['id'])] = members.map((p) => p.oktaId)
  d.entra.groupMembers[entra.id ?? ''] = members.map((p) => ({
    '@odata.type': USER,
    id: p.entraId,
  }))
  const id = rng.oktaId('gPm')
  const pushedAt = oktaDate(ctx.nowMs - 2 * MS.hour)
  d.okta.groupPushMappings[d.o365.appId] = [
    {
      created: oktaDate(createdMs + MS.hour),
      errorSummary: '',
      id,
      lastPush: pushedAt,
      lastUpdated: pushedAt,
      sourceGroupId: String(source['id']),
      status: 'ACTIVE',
      targetGroupId: String(target['id']),
      _links: {
        app: { href: `${org}/api/v1/apps/${d.o365.appId}` },
        sourceGroup: { href: `${org}/api/v1/groups/${String(source['id'])}` },
        targetGroup: { href: `${org}/api/v1/groups/${String(target['id'])}` },
      },
    },
  ]
}

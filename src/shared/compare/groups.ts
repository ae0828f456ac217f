/**
 * Groups side by side: each Okta group the seam uses (seam-groups.ts) with the Entra group
 * that is the same group, their member counts, and who is in one and not the other.
 *
 * Counterparts, strongest first:
 * - an AD group Okta imported (`OktaActiveDirectoryGroupProfile`) is the Entra group Entra
 *   Connect synced from the same AD object: `objectSid` = `onPremisesSecurityIdentifier`,
 *   else `samAccountName` = `onPremisesSamAccountName` (in the same NetBIOS domain when
 *   both say which);
 * - a group Okta pushes to Office 365 is the Entra group its push target names;
 * - otherwise the Entra group of the same name, when exactly one has it.
 *
 * Members are compared as people, through the one people join (join.ts): an Entra member
 * is "in both" when the Okta account the join gives that person is a member of the Okta
 * group. Okta's BUILT_IN Everyone holds every Okta user.
 */
import { type Rec, isRec, norm, str, text } from '../util/access'
import { peopleJoin } from './join'
import { type SeamGroupReason, office365AppIds, seamOktaGroups } from './seam-groups'
import { SnapshotIndex } from './snapshot-index'
import { emptySnapshot } from '../model'
import { keepShape } from '../util/shapes'

/** How an Okta group found its Entra counterpart. */
export type GroupMatch = 'on-premises' | 'push-mapping' | 'name'

/** One member listed on one side only. */
export interface LoneMember {
  /** the member's name (UPN or login), else its id */
  name: string
  entraId?: string
  oktaId?: string
  /** why the other side does not count the person in */
  why: string
}

/** An Okta seam group and its Entra counterpart. */
export interface GroupPair {
  key: string
  okta: {
    id: string
    name: string
    type: string
    reasons: SeamGroupReason[]
    /** undefined when its members were not collected */
    members?: number
  }
  entra?: {
    id: string
    name: string
    synced: boolean
    members?: number
    /** members that are not users (groups, devices, service principals) */
    otherMembers: number
  }
  matchedBy?: GroupMatch
  /** the group push mapping that pushes this group, when one does */
  push?: { id: string; status: string; errorSummary?: string; lastPush?: string }
  inBoth: number
  onlyInEntra: LoneMember[]
  onlyInOkta: LoneMember[]
  /** why members are not compared, when they are not */
  note?: string
}

function profileOf(g: Rec): Rec {
  const p = g['profile']
  return isRec(p) ? p : {}
}

function groupName(g: Rec): string {
  return text(profileOf(g), 'name') ?? str(g, 'id') ?? ''
}

interface EntraGroups {
  bySid: Map<string, Rec>
  bySam: Map<string, Rec[]>
  byName: Map<string, Rec[]>
}

function entraGroupIndex(groups: readonly Rec[]): EntraGroups {
  const out: EntraGroups = { bySid: new Map(), bySam: new Map(), byName: new Map() }
  const push = (map: Map<string, Rec[]>, key: string | undefined, g: Rec) => {
    if (!key) return
    const list = map.get(key)
    if (list) list.push(g)
    else map.set(key, [g])
  }
  for (const g of groups) {
    const sid = norm(str(g, 'onPremisesSecurityIdentifier'))
    if (sid) out.bySid.set(sid, g)
    push(out.bySam, norm(str(g, 'onPremisesSamAccountName')), g)
    push(out.byName, norm(str(g, 'displayName')), g)
  }
  return out
}

/** The Entra group synced from the AD group an Okta AD group was imported from. */
function onPremisesCounterpart(okta: Rec, index: EntraGroups): Rec | undefined {
  const profile = profileOf(okta)
  const sid = norm(str(profile, 'objectSid'))
  if (sid && index.bySid.has(sid)) return index.bySid.get(sid)
  const sam = norm(str(profile, 'samAccountName'))
  if (!sam) return undefined
  const domain = norm(str(profile, 'windowsDomainQualifiedName')?.split('\\')[0])
  const found = (index.bySam.get(sam) ?? []).filter((g) => {
    const netbios = norm(str(g, 'onPremisesNetBiosName'))
    return !domain || !netbios || netbios === domain
  })
  return found.length === 1 ? found[0] : undefined
}

function byNameOnly(name: string, index: EntraGroups): Rec | undefined {
  const found = index.byName.get(norm(name) ?? '') ?? []
  return found.length === 1 ? found[0] : undefined
}

/** The groups of the seam, side by side (cached on the index). */
export function groupPairs(index: SnapshotIndex): GroupPair[] {
  return index.cached('compare:groups', () => buildPairs(index))
}

function buildPairs(index: SnapshotIndex): GroupPair[] {
  const { okta, entra } = index.snapshot
  const oktaGroups = okta?.groups ?? []
  const byId = new Map(oktaGroups.map((g) => [str(g, 'id') ?? '', g]))
  const seam = seamOktaGroups({
    groups: oktaGroups,
    apps: okta?.apps ?? [],
    appGroups: okta?.appGroups ?? {},
    groupPushMappings: okta?.groupPushMappings ?? {},
    idps: okta?.idps ?? [],
  })
  const pushes = new Map<string, Rec>()
  for (const appId of office365AppIds(okta?.apps))
    for (const m of okta?.groupPushMappings?.[appId] ?? [])
      pushes.set(str(m, 'sourceGroupId') ?? '', m)
  const entraIndex = entraGroupIndex(entra?.groups ?? [])
  const members = new Members(index)
  const out: GroupPair[] = []
  for (const [id, reasons] of seam) {
    const g = byId.get(id)
    // a push target stands for the Entra group: it is shown with the group pushed into it
    if (!g || (reasons.length === 1 && reasons[0] === 'push-target')) continue
    const push = pushes.get(id)
    let counterpart: Rec | undefined
    let matchedBy: GroupMatch | undefined
    const onPrem = onPremisesCounterpart(g, entraIndex)
    if (onPrem) {
      counterpart = onPrem
      matchedBy = 'on-premises'
    } else if (push) {
      const target = byId.get(str(push, 'targetGroupId') ?? '')
      counterpart = target ? byNameOnly(groupName(target), entraIndex) : undefined
      if (counterpart) matchedBy = 'push-mapping'
    } else {
      counterpart = byNameOnly(groupName(g), entraIndex)
      if (counterpart) matchedBy = 'name'
    }
    out.push(members.compare(g, reasons, counterpart, matchedBy, push))
  }
  return out.sort((a, b) => a.okta.name.localeCompare(b.okta.name))
}

/** Member lookups through the people join. */
class Members {
  private readonly join
  private readonly entraRowById = new Map<string, number>()
  private readonly oktaRowById = new Map<string, number>()

  constructor(private readonly index: SnapshotIndex) {
    this.join = peopleJoin(index)
    this.join.entra.forEach((u, i) => this.entraRowById.set(str(u, 'id') ?? '', i))
    this.join.okta.forEach((u, j) => this.oktaRowById.set(str(u, 'id') ?? '', j))
  }

  /** The Okta members of a group by id, or undefined when not collected. */
  private oktaMembers(g: Rec): Set<string> | undefined {
    if (str(g, 'type') === 'BUILT_IN')
      return new Set(this.index.oktaUsers.map((u) => str(u, 'id') ?? ''))
    const all = this.index.snapshot.okta?.groupMembers
    if (!all) return undefined
    // every seam group is read when the memberships are: one that is absent has no members
    return new Set((all[str(g, 'id') ?? ''] ?? []).map((m) => str(m, 'id') ?? ''))
  }

  compare(
    g: Rec,
    reasons: SeamGroupReason[],
    counterpart: Rec | undefined,
    matchedBy: GroupMatch | undefined,
    push: Rec | undefined,
  ): GroupPair {
    const oktaId = str(g, 'id') ?? ''
    const oktaSet = this.oktaMembers(g)
    const entraId = str(counterpart, 'id') ?? ''
    // the delta lists every group: one that is absent from collected memberships has none
    const entraAll = this.index.snapshot.entra?.groupMembers
    const entraList = counterpart && entraAll ? (entraAll[entraId] ?? []) : undefined
    const pair: GroupPair = {
      key: `okta:${oktaId}`,
      okta: {
        id: oktaId,
        name: groupName(g),
        type: str(g, 'type') ?? '',
        reasons,
        ...(oktaSet ? { members: oktaSet.size } : {}),
      },
      ...(matchedBy ? { matchedBy } : {}),
      ...(push
        ? {
            push: {
              id: str(push, 'id') ?? '',
              status: str(push, 'status') ?? '',
              ...(text(push, 'errorSummary') ? { errorSummary: text(push, 'errorSummary') } : {}),
              ...(str(push, 'lastPush') ? { lastPush: str(push, 'lastPush') } : {}),
            },
          }
        : {}),
      inBoth: 0,
      onlyInEntra: [],
      onlyInOkta: [],
    }
    if (counterpart) {
      const users = (entraList ?? []).filter(
        (m) => str(m, '@odata.type') !== undefined && /user$/i.test(str(m, '@odata.type') ?? ''),
      )
      pair.entra = {
        id: entraId,
        name: text(counterpart, 'displayName') ?? entraId,
        synced: counterpart['onPremisesSyncEnabled'] === true,
        ...(entraList ? { members: entraList.length } : {}),
        otherMembers: (entraList?.length ?? 0) - users.length,
      }
    }
    if (!counterpart)
      pair.note =
        'No Entra group is this group (by its AD identifiers, a push mapping or its name).'
    else if (!oktaSet) pair.note = 'The Okta members of this group were not collected.'
    else if (!entraList) pair.note = 'The Entra members of this group were not collected.'
    else this.members(pair, entraList, oktaSet)
    return pair
  }

  private members(pair: GroupPair, entraList: readonly Rec[], oktaSet: Set<string>): void {
    const join = this.join
    const matchedOkta = new Set<string>()
    for (const m of entraList) {
      const type = str(m, '@odata.type') ?? ''
      if (!/user$/i.test(type)) continue
      const id = str(m, 'id') ?? ''
      const i = this.entraRowById.get(id)
      const user = i === undefined ? undefined : join.entra[i]
      const j = i === undefined ? -1 : (join.oktaOf[i] as number)
      const oktaUser = j >= 0 ? join.okta[j] : undefined
      const oktaId = str(oktaUser, 'id')
      if (oktaId && oktaSet.has(oktaId)) {
        pair.inBoth++
        matchedOkta.add(oktaId)
        continue
      }
      pair.onlyInEntra.push({
        name: text(user, 'userPrincipalName') ?? id,
        entraId: id,
        ...(oktaId ? { oktaId } : {}),
        why: !user
          ? 'not among the Entra users collected'
          : oktaId
            ? 'their Okta account is not in the Okta group'
            : 'no Okta account (by the people join)',
      })
    }
    for (const oktaId of oktaSet) {
      if (matchedOkta.has(oktaId)) continue
      const j = this.oktaRowById.get(oktaId)
      const user = j === undefined ? undefined : join.okta[j]
      const i = j === undefined ? -1 : (join.entraOf[j] as number)
      const entraUser = i >= 0 ? join.entra[i] : undefined
      const entraId = str(entraUser, 'id')
      pair.onlyInOkta.push({
        name: text(profileOf(user ?? {}), 'login') ?? oktaId,
        oktaId,
        ...(entraId ? { entraId } : {}),
        why: !user
          ? 'not among the Okta users collected'
          : entraId
            ? 'their Entra account is not in the Entra group'
            : 'no Entra account (by the people join)',
      })
    }
  }
}
keepShape(new Members(new SnapshotIndex(emptySnapshot())))

/**
 * The population the seam serves, for rules about people: live Entra users who are
 * people (see population.ts), enabled, with an Okta account their identity keys name
 * (see join.ts) that can sign in. Rules judge these and count everyone else by the
 * reason they were left out, so each finding can say which population it judged.
 * Classes are computed once per snapshot, on first use.
 */
import type { Rec } from '../util/access'
import { type PeopleJoin, peopleJoin } from './join'
import {
  CLASS_REASONS,
  type EntraClass,
  type OktaClass,
  PopulationCounter,
  classifyEntraUser,
  classifyOktaUser,
} from './population'
import { SnapshotIndex } from './snapshot-index'
import { emptySnapshot } from '../model'
import { keepShape } from '../util/shapes'

/** The class of every live Entra user, by row (cached). */
export function entraClasses(index: SnapshotIndex): readonly EntraClass[] {
  return index.cached('classes:entra', () => index.entraUsers.map(classifyEntraUser))
}

/** The class of a live Entra user record (cached by record). */
export function entraClassOf(index: SnapshotIndex, user: Rec): EntraClass {
  const byRecord = index.cached('classes:entraByRecord', () => {
    const classes = entraClasses(index)
    const map = new Map<Rec, EntraClass>()
    index.entraUsers.forEach((u, i) => map.set(u, classes[i] ?? 'person'))
    return map
  })
  return byRecord.get(user) ?? classifyEntraUser(user)
}

/** The class of every Okta row of the join (live users, then deactivated ones; cached). */
export function oktaClasses(index: SnapshotIndex): readonly OktaClass[] {
  return index.cached('classes:okta', () => peopleJoin(index).okta.map(classifyOktaUser))
}

/** Why a person was left out of the seam population. */
export const LEFT_OUT = {
  noCounterpart: 'people with no Okta account',
  ambiguous: 'people whose Okta account the keys cannot decide between',
  oktaInactive:
    'people whose Okta account is not active (not activated yet, suspended or deactivated)',
  disabled: CLASS_REASONS.leaver,
} as const

/** Judges live Entra rows: the Okta row of a seam person, or -1 (counted as left out). */
export class SeamPopulation {
  readonly join: PeopleJoin
  readonly counter: PopulationCounter
  private readonly entra: readonly EntraClass[]
  private readonly okta: readonly OktaClass[]

  constructor(
    private readonly index: SnapshotIndex,
    description = 'people with an account on both sides that can sign in',
  ) {
    this.join = peopleJoin(index)
    this.counter = new PopulationCounter(description)
    this.entra = entraClasses(index)
    this.okta = oktaClasses(index)
  }

  /** The class of a live Entra row. */
  entraClass(row: number): EntraClass {
    return this.entra[row] ?? 'person'
  }

  /** The class of an Okta row. */
  oktaClass(row: number): OktaClass {
    return this.okta[row] ?? 'person'
  }

  /** True when the Entra row is a person who can sign in (no counting). */
  isEntraPerson(row: number): boolean {
    return this.entraClass(row) === 'person'
  }

  /**
   * The Okta row of the seam person at Entra row `row`, or -1 after counting why the
   * account was left out. Each row should be judged once per finding's population.
   */
  judge(row: number): number {
    const cls = this.entraClass(row)
    if (cls !== 'person') {
      this.counter.leaveOut(CLASS_REASONS[cls])
      return -1
    }
    const j = this.join.personOf[row] as number
    if (j < 0) {
      this.counter.leaveOut(j === -2 ? LEFT_OUT.ambiguous : LEFT_OUT.noCounterpart)
      return -1
    }
    if (this.oktaClass(j) !== 'person') {
      this.counter.leaveOut(LEFT_OUT.oktaInactive)
      return -1
    }
    this.counter.judge()
    return j
  }

  /** The Okta record of an Okta row. */
  oktaRecord(row: number): Rec {
    return this.join.okta[row] as Rec
  }

  /** The live Entra record of a row. */
  entraRecord(row: number): Rec {
    return this.index.entraUsers[row] as Rec
  }
}

keepShape(new SeamPopulation(new SnapshotIndex(emptySnapshot())))

/**
 * The certificates and keys of a snapshot that may have signed an artefact: every Okta app's
 * signing keys (the active one, `credentials.signing.kid`, and the rotated ones Okta keeps),
 * every domain federation's signing and next signing certificate, and the keys of the
 * tenant's JWKS. The privileged side tries them (`inspect:decode`); results name them.
 * Reads: okta.apps, okta.appKeys, entra.federationConfigurations, entra.signingKeys.
 */
import type { Snapshot } from '../model'
import { type Rec, str, strs, text } from '../util/access'
import { MAX_CANDIDATES, type SigningCandidate } from './artefact'

/** The snapshot resources the candidates come from (what a host loads to build them). */
export const CANDIDATE_RESOURCES = [
  'okta.apps',
  'okta.appKeys',
  'entra.federationConfigurations',
  'entra.signingKeys',
] as const

const short = (kid: string): string => (kid.length > 12 ? `${kid.slice(0, 10)}…` : kid)

function oktaAppCandidates(snapshot: Snapshot): SigningCandidate[] {
  const out: SigningCandidate[] = []
  const apps = new Map<string, Rec>()
  for (const app of snapshot.okta?.apps ?? []) {
    const id = str(app, 'id')
    if (id) apps.set(id, app)
  }
  for (const [appId, keys] of Object.entries(snapshot.okta?.appKeys ?? {})) {
    const app = apps.get(appId)
    const label = (app && (text(app, 'label') ?? text(app, 'name'))) ?? appId
    const activeKid = app ? text(app, 'credentials', 'signing', 'kid') : undefined
    for (const key of keys) {
      const kid = str(key, 'kid')
      const x5c = strs(key, 'x5c')[0]
      if (!kid || !x5c) continue
      const active = kid === activeKid
      out.push({
        id: `okta-app-key:${appId}:${kid}`,
        kind: 'okta-app-key',
        label: `Okta app "${label}" signing key ${short(kid)}${active ? ' (active)' : ' (not active)'}`,
        x5c,
        kid,
        subject: {
          source: 'okta',
          type: 'app',
          id: appId,
          ...(app && text(app, 'label') ? { name: text(app, 'label') } : {}),
        },
      })
    }
  }
  return out
}

function federationCandidates(snapshot: Snapshot): SigningCandidate[] {
  const out: SigningCandidate[] = []
  for (const [domain, configs] of Object.entries(snapshot.entra?.federationConfigurations ?? {})) {
    for (const config of configs) {
      const subject = { source: 'entra' as const, type: 'domain', id: domain, name: domain }
      const current = str(config, 'signingCertificate')
      const next = str(config, 'nextSigningCertificate')
      if (current)
        out.push({
          id: `federation-signing:${domain}`,
          kind: 'federation-signing',
          label: `Entra federation of ${domain}: signingCertificate`,
          x5c: current,
          subject,
        })
      if (next)
        out.push({
          id: `federation-next-signing:${domain}`,
          kind: 'federation-next-signing',
          label: `Entra federation of ${domain}: nextSigningCertificate`,
          x5c: next,
          subject,
        })
    }
  }
  return out
}

function jwksCandidates(snapshot: Snapshot): SigningCandidate[] {
  const out: SigningCandidate[] = []
  for (const key of snapshot.entra?.signingKeys ?? []) {
    const kid = str(key, 'kid')
    const n = str(key, 'n')
    const e = str(key, 'e')
    const x5c = strs(key, 'x5c')[0]
    if (!kid || (!x5c && !(n && e)) || (str(key, 'kty') ?? 'RSA') !== 'RSA') continue
    out.push({
      id: `entra-jwks:${kid}`,
      kind: 'entra-jwks',
      label: `Entra token signing key ${short(kid)}`,
      ...(x5c ? { x5c } : {}),
      ...(n && e ? { jwk: { kty: 'RSA' as const, n, e } } : {}),
      kid,
      subject: { source: 'entra', type: 'signingKey', id: kid },
    })
  }
  return out
}

/** Every candidate of the snapshot, in a fixed order (federation, Okta apps, JWKS). */
export function signingCandidates(snapshot: Snapshot): SigningCandidate[] {
  return [
    ...federationCandidates(snapshot),
    ...oktaAppCandidates(snapshot),
    ...jwksCandidates(snapshot),
  ].slice(0, MAX_CANDIDATES)
}

/**
 * The signature check in words: which certificate or key verified the message and whether it
 * is the one the receiving side trusts, or that none did and which were tried, with the
 * configuration object to fix.
 */
import { activeSigningKey, domainSubject, oktaAppSubject } from '../compare/seam'
import type { Snapshot } from '../model'
import type { DomainFederation } from '../rules/federation'
import { type Rec, str, text } from '../util/access'
import type { CandidateRef, SignatureCheck } from './artefact'
import type { InspectCheck } from './report'

const TITLE = 'Signature'

function names(refs: readonly CandidateRef[]): string {
  return refs.map((r) => r.label).join('; ')
}

function tried(sig: SignatureCheck): string {
  if (sig.tried.length === 0) return 'no certificate'
  const list = sig.tried.slice(0, 8).map((t) => t.label)
  return `${list.join('; ')}${sig.tried.length > 8 ? `; and ${sig.tried.length - 8} more` : ''}`
}

function embedded(sig: SignatureCheck): string {
  const e = sig.embedded
  if (!e) return ''
  const who = [
    e.subject ? `CN=${e.subject}` : undefined,
    e.thumbprint ? `thumbprint ${e.thumbprint}` : undefined,
    e.kid ? `kid ${e.kid}` : undefined,
  ]
    .filter(Boolean)
    .join(', ')
  return who
    ? ` The message names ${who}${e.notAfter ? `, valid until ${e.notAfter.slice(0, 10)}` : ''}.`
    : ''
}

/** The signature check of a message for Entra's domain federation. */
export function signatureCheck(
  sig: SignatureCheck,
  ctx: { federation: DomainFederation | undefined; snapshot: Snapshot; app: Rec | undefined },
): InspectCheck {
  const f = ctx.federation
  const fedFix = (steps: string[]): Pick<InspectCheck, 'fix'> =>
    f
      ? {
          fix: {
            object: domainSubject(f.domain),
            label: `Entra domain federation of ${f.domain}`,
            steps,
          },
        }
      : {}
  const appLabel = ctx.app
    ? (text(ctx.app, 'label') ?? 'Microsoft Office 365')
    : 'Microsoft Office 365'
  const activeKid = ctx.app ? str(activeSigningKey(ctx.snapshot, ctx.app), 'kid') : undefined
  const updateCert = [
    `Okta Admin Console › Applications › ${appLabel} › Sign On: "Re-run automatic setup" so Okta writes its active signing certificate to Entra.`,
    f
      ? `Or: Update-MgDomainFederationConfiguration -DomainId ${f.domain} -SigningCertificate <base64 x5c[0] of the app's active key>.`
      : 'Or update the domain federation signingCertificate with the active key’s certificate.',
  ]
  const base = {
    id: 'signature' as const,
    title: TITLE,
    ...(sig.algorithm ? { actual: sig.algorithm.replace(/^.*[#/]/, '') } : {}),
  }
  switch (sig.status) {
    case 'verified': {
      const fedMatch = f
        ? sig.matched.find((m) => m.id === `federation-signing:${f.domain}`)
        : undefined
      const nextMatch = f
        ? sig.matched.find((m) => m.id === `federation-next-signing:${f.domain}`)
        : undefined
      if (fedMatch || nextMatch)
        return {
          ...base,
          status: 'pass',
          summary: `Verified with ${names(sig.matched)}${nextMatch && !fedMatch ? '; Entra accepts the next signing certificate during a rollover' : ''}.`,
          expected: `${f?.domain} federation ${fedMatch ? 'signingCertificate' : 'nextSigningCertificate'}`,
          actual: names(sig.matched),
        }
      const byApp = sig.matched.filter((m) => m.kind === 'okta-app-key')
      const rotated =
        byApp.length > 0 &&
        activeKid !== undefined &&
        !byApp.some((m) => m.id.endsWith(`:${activeKid}`))
      return {
        ...base,
        status: 'fail',
        summary: f
          ? `Signed with ${names(sig.matched)}, but ${f.domain}'s federation trusts another certificate: Entra rejects the signature (AADSTS50008).${rotated ? ' The key is not the app’s active one: this message predates a key rotation, or comes from another app.' : ''}`
          : `Signed with ${names(sig.matched)}; no domain federation holds that certificate.`,
        expected: f
          ? `the signingCertificate of ${f.domain}'s federation`
          : 'a domain federation certificate',
        actual: names(sig.matched),
        aadsts: '50008',
        rule: 'federation-signing-cert-mismatch',
        ...fedFix(updateCert),
      }
    }
    case 'no-match':
      return {
        ...base,
        status: 'fail',
        summary: `No certificate of the configuration verifies the signature (tried: ${tried(sig)}).${embedded(sig)} Entra rejects it (AADSTS50008).`,
        expected: f
          ? `the signingCertificate of ${f.domain}'s federation`
          : 'a domain federation certificate',
        actual: sig.embedded?.thumbprint
          ? `a certificate with thumbprint ${sig.embedded.thumbprint}`
          : 'an unknown key',
        aadsts: '50008',
        rule: 'federation-signing-cert-mismatch',
        ...fedFix(updateCert),
      }
    case 'tampered':
      return {
        ...base,
        status: 'fail',
        summary: `${sig.detail ?? 'The message was changed after it was signed.'} Nothing in the configuration causes this: something between Okta and Entra, or whoever handed over the capture, altered it.`,
        aadsts: '50008',
      }
    case 'unsigned':
      return {
        ...base,
        status: 'fail',
        summary: 'The message is not signed; Entra accepts only signed assertions (AADSTS50008).',
        aadsts: '50008',
      }
    case 'no-candidates':
      return {
        ...base,
        status: 'skip',
        summary: `The snapshot holds no certificate to check against (domain federation and Okta app keys not collected).${embedded(sig)}`,
      }
    case 'unsupported':
      return {
        ...base,
        status: 'warn',
        summary: sig.detail ?? 'The signature could not be checked.',
      }
  }
}

/** The signature check of a message for an Okta SAML app: its own keys. */
export function appSignatureCheck(sig: SignatureCheck, app: Rec, snapshot: Snapshot): InspectCheck {
  const appId = str(app, 'id') ?? ''
  const activeKid = str(activeSigningKey(snapshot, app), 'kid')
  const own = sig.matched.filter((m) => m.id.startsWith(`okta-app-key:${appId}:`))
  const base = { id: 'signature' as const, title: TITLE }
  const fix = {
    fix: {
      object: oktaAppSubject(app),
      label: `Okta app "${text(app, 'label') ?? appId}"`,
      steps: [
        "Give the service provider the app's active signing certificate (Okta › the app › Sign On › SAML Signing Certificates), or make the key it trusts active again.",
      ],
    },
  }
  if (sig.status === 'verified' && own.length > 0) {
    const active = activeKid !== undefined && own.some((m) => m.id.endsWith(`:${activeKid}`))
    return active
      ? { ...base, status: 'pass', summary: `Verified with ${names(own)}.`, actual: names(own) }
      : {
          ...base,
          status: 'warn',
          summary: `Verified with ${names(own)}, which is not the app's active key: the message predates a key rotation.`,
          actual: names(own),
          ...fix,
        }
  }
  if (sig.status === 'verified')
    return {
      ...base,
      status: 'fail',
      summary: `Verified with ${names(sig.matched)}, which belongs to another configuration than this app.`,
      actual: names(sig.matched),
      ...fix,
    }
  if (sig.status === 'no-candidates')
    return {
      ...base,
      status: 'skip',
      summary: `The snapshot holds no key of this app.${embedded(sig)}`,
    }
  if (sig.status === 'unsupported')
    return { ...base, status: 'warn', summary: sig.detail ?? 'The signature could not be checked.' }
  return {
    ...base,
    status: 'fail',
    summary:
      sig.status === 'no-match'
        ? `None of the app's keys verifies the signature (tried: ${tried(sig)}).${embedded(sig)}`
        : (sig.detail ?? 'The message is not signed.'),
    ...(sig.status === 'no-match' ? fix : {}),
  }
}

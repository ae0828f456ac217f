/**
 * idp-profile-mapping-incomplete — the profile mapping from a Microsoft IdP to the
 * Okta user lacks (or blanks) one of the attributes Okta needs to create or update a
 * user: login, email, firstName, lastName. Just-in-time provisioning then fails, and
 * updates leave profiles empty.
 * Reads: okta.idps, okta.mappings (full mappings, with `properties`).
 * False positives: none above info: an IdP whose mapping was not collected, an inactive
 * IdP, and an IdP that neither creates nor updates users are info notes.
 */
import type { Finding } from '../../model'
import { get, norm, str, text } from '../../util/access'
import { LINKS } from '../links'
import { defineRule, makeFinding } from '../rule'
import { idpSeverity, idpSubject, inactiveNote, microsoftIdps } from '../../compare/seam'

const REQUIRED = ['login', 'email', 'firstName', 'lastName'] as const

export const idpProfileMappingIncomplete = defineRule({
  id: 'idp-profile-mapping-incomplete',
  title: 'Microsoft IdP profile mapping lacks login, email or name',
  category: 'attribute-mapping',
  severity: 'high',
  reads: ['okta.idps', 'okta.mappings'],
  evaluate(snapshot, ctx): Finding[] {
    const findings: Finding[] = []
    const mappings = snapshot.okta?.mappings ?? []
    for (const m of microsoftIdps(snapshot, ctx.index)) {
      const mapping = mappings.find(
        (x) => str(x, 'source', 'id') === m.id && norm(str(x, 'target', 'type')) === 'user',
      )
      const missing = mapping
        ? REQUIRED.filter((attr) => {
            const e = text(mapping, 'properties', attr, 'expression')
            return !e || e === 'null'
          })
        : [...REQUIRED]
      if (missing.length === 0) continue
      // the mapping is applied only when the IdP creates users (JIT) or updates them on sign-in
      const writes =
        norm(str(m.idp, 'policy', 'provisioning', 'action')) !== 'disabled' ||
        get(m.idp, 'policy', 'provisioning', 'profileMaster') === true
      findings.push(
        makeFinding(idpProfileMappingIncomplete, {
          cause: `idp:${m.id}`,
          severity: idpSeverity(m, writes && mapping ? 'high' : 'info'),
          title: mapping
            ? `IdP "${m.name}"${inactiveNote(m)} does not map ${missing.join(', ')} to the Okta user`
            : `No profile mapping from IdP "${m.name}"${inactiveNote(m)} to the Okta user was collected`,
          detail: mapping
            ? `Mapping ${str(mapping, 'id')} has no expression for ${missing.join(', ')}. ${writes ? 'Okta cannot create users just in time (these are required base attributes) and leaves them stale on update.' : 'The IdP neither creates nor updates users (provisioning DISABLED, profile master off), so the mapping is not used today.'}`
            : 'Okta keeps a mapping from every IdP to the Okta user profile; without it Crosswalk cannot confirm what the IdP writes into login, email and names.',
          subjects: mapping
            ? [idpSubject(m), { source: 'okta', type: 'mapping', id: str(mapping, 'id') ?? '' }]
            : [idpSubject(m)],
          evidence: {
            okta: {
              idpId: m.id,
              mappingId: mapping ? (str(mapping, 'id') ?? null) : null,
              missing,
            },
            entra: { claimsAvailable: ['userPrincipalName', 'email', 'given_name', 'family_name'] },
          },
          steps: [
            `Okta Admin Console › Directory › Profile Editor › ${m.name} › Mappings (${m.name} to Okta User): map login ← appuser.userPrincipalName, email ← appuser.email, firstName ← appuser.givenName, lastName ← appuser.surname.`,
            'Entra: make sure the app registration issues these claims (Token configuration › optional claims email, given_name, family_name).',
            `API: POST {orgUrl}/api/v1/mappings/${mapping ? (str(mapping, 'id') ?? '{mappingId}') : '{mappingId}'} {"properties":{"email":{"expression":"appuser.email"}, …}}.`,
          ],
          links: [LINKS.oktaMappings, LINKS.oktaMicrosoftIdp],
        }),
      )
    }
    return findings
  },
})

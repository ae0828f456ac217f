/**
 * `crosswalk explain CODE [--snapshot SNAPSHOT] [--format text|json]`: explains an
 * AADSTS code (with or without the prefix), an Okta E0000xxx code or an Okta System
 * Log reason from the offline dictionary; with a snapshot it also points at the
 * objects involved (e.g. for AADSTS7000215, the apps behind Okta's Microsoft IdPs and
 * their secrets' hints) and at the occurrences and findings in that snapshot.
 */
import { type CodeEntry, lookupCode } from '../../shared/codes'
import type { Finding, Snapshot } from '../../shared/model'
import { type RuleId, SnapshotIndex, diagnose } from '../../shared/rules'
import { domainFederations } from '../../shared/rules/federation'
import { subjectPolicy } from '../../shared/compare/match'
import {
  activeSigningKey,
  idpRedirectUri,
  microsoftIdps,
  passwordCredentials,
  wsFedKey,
} from '../../shared/compare/seam'
import { escapeJsonForTerminal, term } from '../../shared/text/terminal'
import { get, str, strs } from '../../shared/util/access'
import { CliError, EXIT_OK, type CliCommand, type CliIo } from '../command'
import { forEachArg, oneOf } from '../args'
import { createOutput } from '../output'
import { loadSnapshot } from './diagnose'

type Context = Record<string, unknown>

const IDP_RULES: readonly RuleId[] = [
  'idp-client-id-unknown',
  'idp-client-secret-mismatch',
  'idp-tenant-mismatch',
  'idp-redirect-uri-missing',
  'idp-app-consent-missing',
  'entra-secret-expiry',
  'entra-certificate-expiry',
]
const FEDERATION_RULES: readonly RuleId[] = [
  'federation-issuer-mismatch',
  'federation-signing-cert-mismatch',
  'federation-certificate-expiry',
  'federation-office365-pairing',
  'office365-immutable-id-missing',
  'immutable-id-mismatch',
  'federated-user-no-immutable-id',
  'okta-signing-key-expiry',
]
const MATCH_RULES: readonly RuleId[] = [
  'idp-username-unmatched',
  'idp-subject-match-blank',
  'cross-match-ambiguous',
]

/** The Okta IdPs that sign in through Entra, with the app registration behind each (secret hints only). */
function idpContext(snapshot: Snapshot, index: SnapshotIndex): Context[] {
  const now = Date.parse(snapshot.collectedAt)
  return microsoftIdps(snapshot, index).map((m) => ({
    idp: {
      id: m.id,
      name: m.name,
      clientId: m.clientId ?? null,
      secretHint: m.secret?.hint ?? null,
      secretIsGuid: m.secret?.guidShaped ?? false,
      authority: m.authorityUrls,
    },
    redirectUri: idpRedirectUri(m.idp, snapshot.okta?.orgUrl) ?? null,
    application: m.application
      ? {
          id: str(m.application, 'id'),
          appId: str(m.application, 'appId'),
          displayName: str(m.application, 'displayName') ?? null,
          signInAudience: str(m.application, 'signInAudience') ?? null,
          webRedirectUris: strs(m.application, 'web', 'redirectUris'),
          secrets: passwordCredentials(m.application).map((c) => {
            const end = str(c, 'endDateTime')
            return {
              keyId: str(c, 'keyId') ?? null,
              hint: str(c, 'hint') ?? null,
              endDateTime: end ?? null,
              expired: end ? Date.parse(end) <= now : false,
              oktaHoldsIt: m.secret !== undefined && str(c, 'hint') === m.secret.hint,
            }
          }),
        }
      : null,
  }))
}

function federationContext(snapshot: Snapshot, index: SnapshotIndex): Context[] {
  return domainFederations(snapshot, index).map((f) => ({
    domain: f.domain,
    issuerUri: str(f.config, 'issuerUri') ?? null,
    issuerKey: wsFedKey(str(f.config, 'issuerUri')) ?? null,
    passiveSignInUri: str(f.config, 'passiveSignInUri') ?? null,
    office365Apps: f.apps.map((a) => ({
      id: str(a, 'id'),
      label: str(a, 'label') ?? null,
      activeKid: str(activeSigningKey(snapshot, a), 'kid') ?? null,
    })),
  }))
}

function matchContext(snapshot: Snapshot, index: SnapshotIndex): Context[] {
  return microsoftIdps(snapshot, index).map((m) => {
    const p = subjectPolicy(m.idp)
    return {
      idp: { id: m.id, name: m.name },
      template: p.template,
      matchType: p.matchType,
      matchAttribute: p.matchAttribute ?? null,
      evaluable: p.compiled !== undefined,
    }
  })
}

/** Where the code shows up in the snapshot's logs. */
function occurrences(snapshot: Snapshot, entry: CodeEntry): Context | undefined {
  if (entry.kind === 'aadsts') {
    const code = Number(entry.code.replace(/^AADSTS/, ''))
    const hits = (snapshot.entra?.signIns ?? []).filter(
      (s) => Number(get(s, 'status', 'errorCode')) === code,
    )
    return {
      signIns: hits.length,
      users: [...new Set(hits.map((s) => str(s, 'userPrincipalName')).filter(Boolean))].slice(
        0,
        20,
      ),
      last:
        hits
          .map((s) => str(s, 'createdDateTime') ?? '')
          .sort()
          .pop() ?? null,
    }
  }
  if (entry.kind === 'okta-log-reason') {
    const reason = entry.code.toLowerCase()
    const hits = (snapshot.okta?.logs ?? []).filter((e) =>
      (str(e, 'outcome', 'reason') ?? '').toLowerCase().startsWith(reason),
    )
    return {
      logEvents: hits.length,
      actors: [...new Set(hits.map((e) => str(e, 'actor', 'alternateId')).filter(Boolean))].slice(
        0,
        20,
      ),
      last:
        hits
          .map((e) => str(e, 'published') ?? '')
          .sort()
          .pop() ?? null,
    }
  }
  const errors = snapshot.collection.errors.filter(
    (e) => e.code.toLowerCase() === entry.code.toLowerCase(),
  )
  return { collectionErrors: errors }
}

/** The snapshot-specific part of an explanation: objects to inspect, occurrences, findings. */
export function explainInSnapshot(
  entry: CodeEntry,
  snapshot: Snapshot,
): { context: Context; findings: Finding[] } {
  const index = new SnapshotIndex(snapshot)
  const related = new Set<string>(entry.rules)
  const context: Context = {
    collectedAt: snapshot.collectedAt,
    occurrences: occurrences(snapshot, entry),
  }
  if (IDP_RULES.some((r) => related.has(r)))
    context['identityProviders'] = idpContext(snapshot, index)
  if (FEDERATION_RULES.some((r) => related.has(r)))
    context['federatedDomains'] = federationContext(snapshot, index)
  if (MATCH_RULES.some((r) => related.has(r)))
    context['subjectMatching'] = matchContext(snapshot, index)
  if (related.has('collection-permission-missing'))
    context['collection'] = {
      grantedPermissions: snapshot.collection.grantedPermissions,
      errors: snapshot.collection.errors,
    }
  const findings = entry.rules.length
    ? diagnose(snapshot, { rules: entry.rules }).filter((f) => related.has(f.rule))
    : []
  return { context, findings }
}

function renderText(
  entry: CodeEntry,
  extra: { context: Context; findings: Finding[] } | undefined,
): string {
  const lines = [
    `${entry.code} — ${entry.name}`,
    '',
    `Meaning: ${entry.meaning}`,
    `Usual cause between Entra and Okta: ${entry.cause}`,
    '',
    'Check:',
    ...entry.check.map((c) => `  - ${c}`),
    'Fix:',
    ...entry.fix.map((c) => `  - ${c}`),
  ]
  if (entry.rules.length) lines.push(`Rules that detect it: ${entry.rules.join(', ')}`)
  lines.push('Docs:', ...entry.links.map((l) => `  ${l}`))
  if (extra) {
    lines.push('', term`In this snapshot (collected ${String(extra.context['collectedAt'])}):`)
    for (const [key, value] of Object.entries(extra.context)) {
      if (key === 'collectedAt') continue
      lines.push(
        term`  ${key}:`,
        // JSON escapes C0 controls and newlines inside strings; the rest is made inert here
        ...escapeJsonForTerminal(JSON.stringify(value, null, 2))
          .split('\n')
          .map((l) => `    ${l}`),
      )
    }
    if (extra.findings.length === 0)
      lines.push('  No finding of the related rules in this snapshot.')
    else {
      lines.push('  Findings:')
      for (const f of extra.findings) {
        lines.push(term`    [${f.severity}] ${f.title}`)
        lines.push(
          `      ${f.subjects
            .slice(0, 6)
            .map((s) => term`${s.source}:${s.type}:${s.name ?? s.id}`)
            .join(', ')}${f.subjects.length > 6 ? ` +${f.subjects.length - 6}` : ''}`,
        )
      }
    }
  }
  return `${lines.join('\n')}\n`
}

export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'Explain an AADSTS code, Okta error code or System Log reason, offline',
  usage: [
    'Usage: crosswalk explain CODE [--snapshot SNAPSHOT.json[.gz]] [--format text|json]',
    '',
    'CODE is an AADSTS code (AADSTS50107 or 50107), an Okta API error code (E0000006),',
    'or an Okta System Log reason in quotes ("Unable to match transformed username").',
    'With --snapshot, also shows the objects in that snapshot to inspect (for example',
    "the app registrations behind Okta's Microsoft IdPs and their secret hints), where",
    'the code occurs in its logs, and the related findings.',
  ].join('\n'),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const words: string[] = []
    let snapshotFile: string | undefined
    const output: { format: 'text' | 'json' } = { format: 'text' }
    forEachArg(args, ({ flag, arg, value }) => {
      if (flag === '--snapshot') snapshotFile = value()
      else if (flag === '--format') output.format = oneOf(flag, value(), ['text', 'json'] as const)
      else if (flag.startsWith('--'))
        throw new CliError(`Unknown option ${flag}. Run crosswalk explain --help.`)
      else words.push(arg)
    })
    const code = words.join(' ').trim()
    if (!code) throw new CliError('Name the code to explain, e.g. crosswalk explain AADSTS7000215.')
    const entry = lookupCode(code)
    if (!entry) {
      throw new CliError(
        `Unknown code "${code}". crosswalk explain knows AADSTS codes (AADSTS50107 or 50107), Okta API codes (E0000006) and Okta System Log reasons ("Unable to match transformed username").`,
      )
    }
    const extra = snapshotFile
      ? explainInSnapshot(entry, await loadSnapshot(snapshotFile, io.cwd))
      : undefined
    const print = createOutput(io)
    if (output.format === 'json') print.json({ ...entry, ...(extra ?? {}) })
    else print.out(renderText(entry, extra))
    return EXIT_OK
  },
}

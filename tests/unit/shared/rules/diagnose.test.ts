import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEVERITY_RANK } from '../../../../src/shared/model'
import { RULES, diagnose, runRules } from '../../../../src/shared/rules'
import type { Rule } from '../../../../src/shared/rules'
import { IDP_SECRET_KEY_ID, obj, seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'

const broken = () =>
  seamSnapshot((s) => {
    obj(s.okta?.idps?.[0], 'protocol', 'credentials', 'client')['client_secret'] = IDP_SECRET_KEY_ID
    obj(s.entra?.organization?.[0])['onPremisesLastSyncDateTime'] = '2026-05-01T00:00:00Z'
    obj(s.okta?.users?.[0], 'profile')['email'] = 'alice@corp.local'
  })

describe('diagnose', () => {
  it('has kebab-case, unique rule ids and one file per rule named after it', () => {
    const ids = RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    const files = readdirSync(join(__dirname, '../../../../src/shared/rules/catalogue')).map((f) =>
      f.replace(/\.ts$/, ''),
    )
    expect(files.sort()).toEqual([...ids].sort())
  })

  it('every rule has a table case', () => {
    const dir = __dirname
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n')
    const missing = RULES.map((r) => r.id).filter((id) => !sources.includes(`rule: '${id}'`))
    expect(missing).toEqual([])
  })

  it('sorts by severity, then rule, then id, and ids are stable across runs', () => {
    const a = diagnose(broken())
    const b = diagnose(broken())
    expect(a.map((f) => f.id)).toEqual(b.map((f) => f.id))
    for (let i = 1; i < a.length; i++) {
      const p = a[i - 1]!
      const c = a[i]!
      const bySeverity = SEVERITY_RANK[p.severity] - SEVERITY_RANK[c.severity]
      expect(
        bySeverity > 0 ||
          (bySeverity === 0 && (p.rule < c.rule || (p.rule === c.rule && p.id <= c.id))),
      ).toBe(true)
    }
    expect(a[0]?.severity).toBe('critical')
  })

  it('reports a resource refused for a permission once, naming the permission, the reader and the rules that could not run', () => {
    const snapshot = seamSnapshot((s) => {
      delete s.okta?.idps
      s.collection.errors.push({
        source: 'okta',
        resource: 'idps',
        status: 403,
        code: 'E0000006',
        message: 'You do not have permission',
      })
    })
    const findings = diagnose(snapshot)
    expect(findings.filter((f) => f.rule === 'snapshot-resource-missing')).toEqual([])
    const notes = findings.filter((f) => f.rule === 'collection-permission-missing')
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ severity: 'info', category: 'permission' })
    expect(notes[0]?.title).toContain('okta.idps.read')
    expect(notes[0]?.detail).toContain('E0000006')
    const rules = notes[0]?.evidence['rules'] as { skipped: string[] }
    expect(rules.skipped.length).toBeGreaterThan(5)
    // a rule that cannot judge stays silent instead of reporting from an empty list
    expect(findings.some((f) => f.rule === 'idp-client-id-unknown')).toBe(false)
  })

  it('tells a missing licence and a resource no application permission reads from a permission gap', () => {
    const snapshot = seamSnapshot((s) => {
      delete s.entra?.signIns
      delete s.entra?.onPremisesSynchronization
      s.collection.errors.push({
        source: 'entra',
        resource: 'signIns',
        status: 403,
        code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
        message: "Neither tenant is B2C or tenant doesn't have premium license",
      })
    })
    const notes = diagnose(snapshot).filter((f) => f.rule === 'snapshot-resource-missing')
    expect(notes.map((n) => [n.evidence['resource'], n.evidence['reason'], n.severity])).toEqual([
      ['entra.onPremisesSynchronization', 'delegated-only', 'info'],
      ['entra.signIns', 'licence', 'info'],
    ])
    expect(notes[0]?.detail).toContain('no application permission would help')
    expect(notes[0]?.evidence['rules']).toMatchObject({ weakened: ['entra-connect-sync-stale'] })
    expect(notes[1]?.evidence['rules']).toMatchObject({ skipped: ['entra-sign-in-failures'] })
  })

  it('reports a whole missing side once per resource the selected rules read', () => {
    const snapshot = seamSnapshot((s) => delete s.okta)
    const notes = diagnose(snapshot, { rules: ['idp-client-id-unknown'] })
    expect(notes.map((n) => n.evidence['resource'])).toEqual(['okta.idps'])
    expect(notes[0]?.evidence['reason']).toBe('side-missing')
  })

  it('selects, excludes and filters by severity', () => {
    const all = diagnose(broken())
    expect(new Set(all.map((f) => f.rule))).toEqual(
      new Set(['idp-client-secret-mismatch', 'entra-connect-sync-stale', 'okta-attribute-invalid']),
    )
    expect(diagnose(broken(), { rules: ['okta-attribute-invalid'] }).map((f) => f.rule)).toEqual([
      'okta-attribute-invalid',
    ])
    expect(
      diagnose(broken(), { exclude: ['okta-attribute-invalid'] }).some(
        (f) => f.rule === 'okta-attribute-invalid',
      ),
    ).toBe(false)
    expect(
      diagnose(broken(), { minSeverity: 'critical' }).every((f) => f.severity === 'critical'),
    ).toBe(true)
  })

  it('honours thresholds', () => {
    const lagging = seamSnapshot(
      (s) =>
        (obj(s.entra?.organization?.[0])['onPremisesLastSyncDateTime'] = '2026-06-01T09:00:00Z'),
    )
    expect(diagnose(lagging, { rules: ['entra-connect-sync-stale'] })).toHaveLength(1)
    expect(
      diagnose(lagging, {
        rules: ['entra-connect-sync-stale'],
        thresholds: { syncIntervalMinutes: 60 },
      }),
    ).toHaveLength(0)
  })

  it('contains a rule that throws to one info finding', () => {
    const failing: Rule = {
      id: 'always-throws',
      title: 'test',
      category: 'configuration',
      severity: 'low',
      reads: [],
      evaluate: () => {
        throw new Error('unexpected shape')
      },
    }
    const out = runRules(seamSnapshot(), [failing, ...RULES])
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({
      rule: 'rule-evaluation-failed',
      severity: 'info',
      evidence: { rule: 'always-throws' },
    })
  })

  it('tolerates nulls, wrong types and empty objects everywhere', () => {
    const snapshot = seamSnapshot((s) => {
      for (const list of [
        s.entra?.users,
        s.entra?.applications,
        s.okta?.users,
        s.okta?.apps,
        s.okta?.idps,
        s.okta?.mappings,
      ]) {
        list?.push(
          {},
          {
            id: null,
            profile: null,
            protocol: 7,
            policy: 'x',
            passwordCredentials: [null, 3],
            settings: [],
          },
        )
      }
      s.entra?.signIns?.push({ status: null }, { status: { errorCode: '50107' } })
      s.okta?.logs?.push({
        eventType: 'user.authentication.auth_via_IDP',
        outcome: { result: 'FAILURE', reason: null },
        target: null,
      })
    })
    const findings = diagnose(snapshot)
    expect(findings.filter((f) => f.rule === 'rule-evaluation-failed')).toEqual([])
  })
})

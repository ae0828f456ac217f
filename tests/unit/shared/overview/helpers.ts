import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Finding, Subject } from '../../../../src/shared/model/finding'
import { Snapshot } from '../../../../src/shared/model/snapshot'
import type { Rule } from '../../../../src/shared/rules/rule'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')

/** The hand-built tenant pair of tests/fixtures/workbench, validated. */
export function tenantPair(): Snapshot {
  const file = path.join(root, 'tests/fixtures/workbench/tenant-pair.json')
  return Snapshot.parse(JSON.parse(readFileSync(file, 'utf8')))
}

/** Every rule exported from the catalogue folder, however the catalogue index lists them. */
export async function catalogueRules(): Promise<Rule[]> {
  const dir = path.join(root, 'src/shared/rules/catalogue')
  const rules: Rule[] = []
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object' && 'evaluate' in value && 'id' in value) {
        rules.push(value as Rule)
      }
    }
  }
  return rules
}

let n = 0
/** A finding with the given rule, severity and subjects; other fields are filler. */
export function finding(
  rule: string,
  severity: Finding['severity'],
  subjects: Subject[],
  category: Finding['category'] = 'credential-mismatch',
): Finding {
  n++
  return {
    id: `${rule}:${n}`,
    rule,
    category,
    severity,
    title: `${rule} finding ${n}`,
    detail: 'detail',
    subjects,
    evidence: {},
    remediation: { steps: [], links: [] },
  }
}

export const IDP: Subject = { source: 'okta', type: 'idp', id: '0oaidpcontoso' }
export const APP_REG: Subject = {
  source: 'entra',
  type: 'application',
  id: 'a0a0a0a0-0000-4000-8000-0000000000a1',
}
export const DOMAIN: Subject = { source: 'entra', type: 'domain', id: 'contoso.com' }
export const O365: Subject = { source: 'okta', type: 'app', id: '0oa1o365contoso' }

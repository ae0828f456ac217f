/**
 * Each rule file's header says what the rule reads (STYLE.md §6); the header and the
 * rule's `reads` / `optionalReads` must name the same resources, so the documentation
 * of a rule is never weaker or stronger than what diagnosis checks.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RESOURCE_PATHS } from '../../../../src/shared/model'
import { RULES } from '../../../../src/shared/rules'

const DIR = join(__dirname, '../../../../src/shared/rules/catalogue')

/** The resource paths named in the header's "Reads:" paragraph. */
function headerReads(source: string): Set<string> {
  const header = source.slice(0, source.indexOf('*/'))
  const start = header.indexOf('Reads:')
  if (start < 0) return new Set()
  const rest = header.slice(start)
  const end = rest.search(
    /\n \* (Population|False positives|Harmless|Leavers|A per-user|When the interval|It is an info)/,
  )
  const paragraph = end < 0 ? rest : rest.slice(0, end)
  const named = new Set<string>()
  for (const path of RESOURCE_PATHS)
    if (new RegExp(`\\b${path.replace('.', '\\.')}\\b`).test(paragraph)) named.add(path)
  if (/\bcollection\b/.test(paragraph)) named.add('collection')
  return named
}

describe('rule headers', () => {
  for (const rule of RULES) {
    it(`${rule.id}: the header's Reads names exactly what the rule declares`, () => {
      const source = readFileSync(join(DIR, `${rule.id}.ts`), 'utf8')
      const declared = new Set<string>([...rule.reads, ...(rule.optionalReads ?? [])])
      const named = headerReads(source)
      const office365Keys = declared.has('okta.apps') && declared.has('okta.appUsers')
      // "the Office 365 keys" in a header stands for okta.apps and okta.appUsers
      if (
        office365Keys &&
        /Office 365 keys|Office 365 app users/.test(source.slice(0, source.indexOf('*/')))
      ) {
        named.add('okta.apps')
        named.add('okta.appUsers')
      }
      expect([...named].sort()).toEqual([...declared].sort())
    })
  }
})

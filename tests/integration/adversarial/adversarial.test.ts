/**
 * Diagnoses the adversarial tenant pairs and reports how the rules do on records shaped
 * from the official API examples: findings above info on the healthy pair, recall and
 * precision on the broken pair. Besides the fixtures' soundness it holds the line on what
 * the rules already reach: nothing above info on the healthy pair, every finding above
 * info on the broken pair right. Recall is reported, not asserted: the broken pair's
 * categories are its authors' words, not the catalogue's.
 */
import { describe, expect, it } from 'vitest'
import { type Finding, Snapshot } from '../../../src/shared/model'
import { diagnose } from '../../../src/shared/rules'
import {
  examplesBroken,
  examplesBrokenAnswerKey,
  examplesHealthy,
} from '../../fixtures/adversarial'
import { IdentityIndex, coveringFinding, coveringFindings, describeFinding, judge } from './score'

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`)

describe('adversarial tenant pairs', () => {
  it('builds snapshots the schema accepts', () => {
    expect(() => Snapshot.parse(examplesHealthy())).not.toThrow()
    expect(() => Snapshot.parse(examplesBroken())).not.toThrow()
  })

  it('builds the same pair on every call', () => {
    expect(JSON.stringify(examplesHealthy())).toBe(JSON.stringify(examplesHealthy()))
    expect(JSON.stringify(examplesBroken())).toBe(JSON.stringify(examplesBroken()))
  })

  it('names only objects the broken snapshot holds in its answer key', () => {
    const index = new IdentityIndex(Snapshot.parse(examplesBroken()))
    const missing = examplesBrokenAnswerKey().flatMap((e) =>
      [...e.subjects, ...(e.evidence ?? [])]
        .filter((s) => !index.resolve(s).known)
        .map((s) => `${e.problem}: ${s.source} ${s.type} ${s.id}`),
    )
    expect(missing).toEqual([])
  })

  it('reports the findings above info on examples-healthy', () => {
    const findings = diagnose(Snapshot.parse(examplesHealthy()))
    const loud = findings.filter((f) => f.severity !== 'info')
    const lines = [
      `examples-healthy: ${findings.length} findings, ${loud.length} above info (each is a false positive)`,
    ]
    for (const f of loud) lines.push(`  ${describeFinding(f)}`)
    console.log(lines.join('\n'))
    expect(loud.map(describeFinding)).toEqual([])
  })

  it('reports recall and precision on examples-broken', () => {
    const snap = Snapshot.parse(examplesBroken())
    const index = new IdentityIndex(snap)
    const key = examplesBrokenAnswerKey()
    const findings: Finding[] = diagnose(snap)
    const lines: string[] = []

    let found = 0
    let foundLoud = 0
    let foundLoudAnyCategory = 0
    const missed: string[] = []
    for (const [i, entry] of key.entries()) {
      const any = coveringFinding(entry, findings, index, false)
      const loud = coveringFinding(entry, findings, index, true)
      // findings of other categories that name the same objects: a hint for the reader, not a match
      const elsewhere = coveringFindings(entry, findings, index, false, true).filter(
        (f) => f.category !== entry.category,
      )
      if (any) found++
      if (loud) foundLoud++
      if (coveringFinding(entry, findings, index, true, true)) foundLoudAnyCategory++
      if (!loud) {
        const others = elsewhere.map((f) => `${f.rule} (${f.category}, ${f.severity})`).join(', ')
        const note =
          (any ? `only at info: ${any.rule}` : 'not found') +
          (others ? `; same objects named by ${others}` : '')
        missed.push(
          `  #${i + 1} [${entry.category}] ${entry.problem}\n      (${note}; subjects ${entry.subjects.map((s) => `${s.source}:${s.type}:${s.id}`).join(', ')})`,
        )
      }
    }
    lines.push(
      `examples-broken: ${key.length} planted problems; recall ${found}/${key.length} (${pct(found, key.length)}), above info ${foundLoud}/${key.length} (${pct(foundLoud, key.length)}); above info in any category ${foundLoudAnyCategory}/${key.length} (${pct(foundLoudAnyCategory, key.length)})`,
    )
    if (missed.length) lines.push('missed (no covering finding above info):', ...missed)

    const verdicts = judge(findings, key, index)
    const right = verdicts.filter((v) => v.right).length
    lines.push(
      `precision: ${right}/${verdicts.length} findings above info are right (${pct(right, verdicts.length)})`,
    )
    for (const v of verdicts.filter((x) => !x.right))
      lines.push(`  WRONG ${describeFinding(v.finding)}\n      why: ${v.why}`)
    console.log(lines.join('\n'))
    expect(key.length).toBeGreaterThanOrEqual(30)
    expect(verdicts.filter((x) => !x.right).map((v) => describeFinding(v.finding))).toEqual([])
  })
})

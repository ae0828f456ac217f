import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../../src/shared/rules'
import { keptShapes } from '../../../../src/shared/util/shapes'
import { seamSnapshot } from '../../../fixtures/snapshots/seam-snapshot'

const SHARED = path.resolve(__dirname, '../../../../src/shared')

/** The TypeScript files under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f))
}

/** The classes declared in `files`. */
function classesIn(files: readonly string[]): string[] {
  return files.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/^(?:export )?class (\w+)/gm)].map((m) => m[1] as string),
  )
}

describe('keepShape', () => {
  it('keeps one instance of every class the comparison and the rules build per snapshot', async () => {
    const files = [
      ...filesUnder(path.join(SHARED, 'compare')),
      ...filesUnder(path.join(SHARED, 'rules')),
    ]
    for (const f of files) await import(f)
    const declared = classesIn(files)
    expect(declared.length).toBeGreaterThan(5)
    expect(new Set(keptShapes())).toEqual(new Set([...declared]))
  })

  it('leaves the kept instances empty: a diagnosis finds nothing in a healthy snapshot', () => {
    expect(diagnose(seamSnapshot())).toEqual([])
  })
})

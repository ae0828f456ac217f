/**
 * zod must never try `new Function` in our bundles: under the CSP the attempt is reported
 * as a violation (see src/shared/validation/configure-zod.ts). Two checks: configured, zod
 * builds and parses every contract schema without constructing a function; and every
 * entry point imports the configuration before anything else.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const ENTRIES = [
  'src/renderer/src/main.tsx',
  'src/renderer/src/workers/diagnosis.worker.ts',
  'src/main/index.ts',
  'src/web/server.ts',
  'src/cli/index.ts',
]

describe('zod without eval', () => {
  it('builds and parses the contract without constructing a function', async () => {
    const original = globalThis.Function
    let constructed = 0
    globalThis.Function = new Proxy(original, {
      construct(target, args: unknown[]) {
        constructed++
        return Reflect.construct(target, args) as object
      },
    })
    try {
      await import('../../../src/shared/validation/configure-zod')
      const { invokeContract } = await import('../../../src/shared/ipc/contract')
      const { Snapshot } = await import('../../../src/shared/model/snapshot')
      const { seamSnapshot } = await import('../../fixtures/snapshots/seam-snapshot')
      expect(invokeContract['workspaces:create'].input.safeParse({ name: 'Contoso' }).success).toBe(
        true,
      )
      expect(Snapshot.safeParse(seamSnapshot()).success).toBe(true)
    } finally {
      globalThis.Function = original
    }
    expect(constructed).toBe(0)
  })

  it.each(ENTRIES)('%s imports the zod configuration first', (entry) => {
    const source = readFileSync(path.join(ROOT, entry), 'utf8')
    const firstImport = /^import\s+(?:[^'"]*from\s+)?['"]([^'"]+)['"]/m.exec(source)?.[1]
    expect(firstImport && path.resolve(path.dirname(path.join(ROOT, entry)), firstImport)).toBe(
      path.join(ROOT, 'src/shared/validation/configure-zod'),
    )
  })
})

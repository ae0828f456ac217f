import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/node/handlers'
import { invokeChannel } from '../../../src/node/ipc/invoke'
import { silentLogger } from '../../../src/node/log'
import { DEMO_SNAPSHOT_PATH } from '../../../src/node/demo'
import { useTempDirs } from '../../fixtures/temp-dirs'

const temp = useTempDirs('cw-demo-')

async function handlersWith(resourcesDir: string | undefined) {
  const dataDir = await temp.make()
  return createHandlers({
    host: 'browser',
    version: '0.0.0',
    dataDir,
    log: silentLogger,
    emit: () => undefined,
    ...(resourcesDir ? { resourcesDir } : {}),
  })
}

describe('demo:snapshot', () => {
  it('delivers the bundled snapshot, validated against the contract', async () => {
    const handlers = await handlersWith(path.resolve('resources'))
    const result = await invokeChannel(handlers, 'demo:snapshot', undefined, silentLogger, {
      checkOutput: true,
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const snapshot = result.value as { format: string; entra?: { users?: unknown[] } }
    expect(snapshot.format).toBe('crosswalk.snapshot')
    expect(snapshot.entra?.users?.length).toBeGreaterThan(100)
  })

  it('says the demo is unavailable when the build has none, or it is damaged', async () => {
    const none = await invokeChannel(
      await handlersWith(undefined),
      'demo:snapshot',
      undefined,
      silentLogger,
    )
    expect(none).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    const dir = await temp.make()
    await mkdir(path.join(dir, 'demo'))
    await writeFile(path.join(dir, DEMO_SNAPSHOT_PATH), 'not a snapshot')
    const damaged = await invokeChannel(
      await handlersWith(dir),
      'demo:snapshot',
      undefined,
      silentLogger,
    )
    expect(damaged).toMatchObject({ ok: false, error: { code: 'unavailable', message: /damaged/ } })
  })
})

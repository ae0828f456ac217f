import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createWorkspaceStore, WORKSPACES_FILE } from '../../../../src/node/workspaces/store'
import { silentLogger } from '../../../../src/node/log'
import { HandlerError } from '../../../../src/node/ipc/handler-error'
import { useTempDirs } from '../../../fixtures/temp-dirs'

let dir: string
let counter = 0
const store = () =>
  createWorkspaceStore({
    dataDir: dir,
    log: silentLogger,
    now: () => new Date('2026-03-01T10:00:00.000Z'),
    newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  })

const temp = useTempDirs('cw-ws-')

beforeEach(async () => {
  dir = await temp.make()
})

describe('workspace store', () => {
  it('starts empty and persists creates across instances', async () => {
    expect(await store().list()).toEqual([])
    const created = await store().create('Contoso')
    expect(created.name).toBe('Contoso')
    expect(await store().list()).toEqual([created])
    const raw = JSON.parse(await readFile(path.join(dir, WORKSPACES_FILE), 'utf8'))
    expect(raw.version).toBe(1)
  })

  it('renames and removes, and reports a missing workspace as not-found', async () => {
    const s = store()
    const a = await s.create('Fabrikam')
    const renamed = await s.rename(a.id, 'Fabrikam EU')
    expect(renamed.name).toBe('Fabrikam EU')
    await s.remove(a.id)
    expect(await s.list()).toEqual([])
    await expect(s.rename(a.id, 'x')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('refuses a name that differs only by case', async () => {
    const s = store()
    await s.create('Northwind')
    const attempt = s.create('NORTHWIND')
    await expect(attempt).rejects.toBeInstanceOf(HandlerError)
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' })
  })

  it('serialises concurrent creates so none is lost', async () => {
    const s = store()
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.create(`W${i}`)))
    expect((await s.list()).map((w) => w.name).sort()).toHaveLength(20)
  })

  it('moves an unreadable file aside instead of losing or crashing on it', async () => {
    await writeFile(path.join(dir, WORKSPACES_FILE), '{ not json')
    const s = store()
    expect(await s.list()).toEqual([])
    const files = await readdir(dir)
    const aside = files.find((f) => f.startsWith(`${WORKSPACES_FILE}.unreadable-`))
    expect(aside).toBeDefined()
    expect(await readFile(path.join(dir, aside!), 'utf8')).toBe('{ not json')
  })

  it('leaves no temporary files behind', async () => {
    await store().create('Tailspin')
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

/**
 * Workspace metadata, persisted as one JSON file (`workspaces.json`) in the data
 * directory and written atomically. Operations run one at a time so two quick
 * edits cannot interleave their read-modify-write. A file that cannot be read
 * as workspaces is moved aside (never deleted) and the store starts empty, so a
 * damaged file neither crashes the app nor is lost.
 */
import { readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { Workspace } from '../../shared/model/workspace'
import { writeFileAtomic } from '../atomic-file'
import { HandlerError } from '../ipc/handler-error'
import type { Logger } from '../log'

export const WORKSPACES_FILE = 'workspaces.json'

const WorkspacesFile = z.object({ version: z.literal(1), workspaces: z.array(Workspace) })

export interface WorkspaceStore {
  list: () => Promise<Workspace[]>
  create: (name: string) => Promise<Workspace>
  rename: (id: string, name: string) => Promise<Workspace>
  remove: (id: string) => Promise<Workspace>
}

export interface WorkspaceStoreOptions {
  dataDir: string
  log: Logger
  now?: () => Date
  newId?: () => string
}

export function createWorkspaceStore(options: WorkspaceStoreOptions): WorkspaceStore {
  const file = path.join(options.dataDir, WORKSPACES_FILE)
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? randomUUID
  let queue: Promise<unknown> = Promise.resolve()

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  const load = async (): Promise<Workspace[]> => {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if (isNotFound(error)) return []
      throw error
    }
    const parsed = WorkspacesFile.safeParse(safeJson(text))
    if (parsed.success) return parsed.data.workspaces
    const aside = `${file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`
    await rename(file, aside)
    options.log.warn('workspaces.file-unreadable', { file, movedTo: aside })
    return []
  }

  const save = (workspaces: Workspace[]) =>
    writeFileAtomic(file, `${JSON.stringify({ version: 1, workspaces }, null, 2)}\n`)

  const assertUniqueName = (workspaces: Workspace[], name: string, exceptId?: string) => {
    const clash = workspaces.find(
      (w) => w.id !== exceptId && w.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
    )
    if (clash)
      throw new HandlerError('conflict', `A workspace named "${clash.name}" already exists.`)
  }

  const find = (workspaces: Workspace[], id: string): Workspace => {
    const found = workspaces.find((w) => w.id === id)
    if (!found) throw new HandlerError('not-found', 'That workspace no longer exists.')
    return found
  }

  return {
    list: () => serial(load),
    create: (name) =>
      serial(async () => {
        const workspaces = await load()
        assertUniqueName(workspaces, name)
        const stamp = now().toISOString()
        const created: Workspace = { id: newId(), name, createdAt: stamp, updatedAt: stamp }
        await save([...workspaces, created])
        return created
      }),
    rename: (id, name) =>
      serial(async () => {
        const workspaces = await load()
        const current = find(workspaces, id)
        assertUniqueName(workspaces, name, id)
        const renamed: Workspace = { ...current, name, updatedAt: now().toISOString() }
        await save(workspaces.map((w) => (w.id === id ? renamed : w)))
        return renamed
      }),
    remove: (id) =>
      serial(async () => {
        const workspaces = await load()
        const removed = find(workspaces, id)
        await save(workspaces.filter((w) => w.id !== id))
        return removed
      }),
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'
}

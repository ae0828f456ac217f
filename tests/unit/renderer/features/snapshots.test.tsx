import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { saveFindings } from '../../../../src/renderer/src/db/findings'
import {
  beginSnapshot,
  currentSnapshot,
  importSnapshot,
} from '../../../../src/renderer/src/db/snapshots'
import {
  parseSnapshotBytes,
  readSnapshotFile,
} from '../../../../src/renderer/src/features/snapshots/read-snapshot-file'
import { snapshotFileName } from '../../../../src/renderer/src/features/snapshots/export-snapshot'
import { FIXTURE_FINDINGS } from './fixture-findings'
import {
  NOW,
  WS,
  byText,
  click,
  openTestDb,
  renderWorkbench,
  tenantPair,
  testServices,
  waitFor,
  type Rendered,
} from './helpers'

let db: CrosswalkDb
let view: Rendered | undefined

beforeEach(async () => {
  db = await openTestDb()
})
afterEach(async () => {
  await view?.unmount()
  view = undefined
  await db.delete()
  vi.restoreAllMocks()
})

const encode = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
      controller.close()
    },
  })
  const stream = source.pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** Everything the cache holds, to prove a rejected import changed nothing. */
async function cacheState() {
  return {
    workspaces: await db.workspaces.toArray(),
    snapshots: await db.snapshots.toArray(),
    chunks: await db.chunks.count(),
    lookups: await db.lookups.count(),
    findings: await db.findings.count(),
  }
}

async function chooseFile(c: HTMLElement, file: File) {
  const input = c.querySelector<HTMLInputElement>('input[type="file"]')!
  await act(async () => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    input.dispatchEvent(new Event('change', { bubbles: true }))
  })
}

describe('parseSnapshotBytes', () => {
  it('accepts a collect file, plain or gzipped', async () => {
    const text = JSON.stringify(tenantPair())
    const plain = await parseSnapshotBytes(encode(text))
    const zipped = await parseSnapshotBytes(await gzip(text))
    expect(plain.ok && plain.snapshot.entra?.tenantId).toBe('6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5')
    expect(zipped).toEqual(plain)
  })

  it('says what is wrong and what to do', async () => {
    const problem = async (bytes: Uint8Array<ArrayBuffer>) => {
      const result = await parseSnapshotBytes(bytes)
      if (result.ok) throw new Error('accepted')
      return result.problem
    }
    expect((await problem(encode(''))).title).toBe('The file is empty.')
    expect((await problem(encode('{"format": "crosswalk.snap'))).title).toBe(
      'The file is not valid JSON.',
    )
    expect((await problem(encode('[1,2]'))).title).toMatch(/not a Crosswalk snapshot/)
    expect((await problem(encode('{"users": []}'))).title).toBe(
      'This is not a Crosswalk snapshot: its "format" is missing, not "crosswalk.snapshot".',
    )
    const newer = await problem(encode(JSON.stringify({ ...tenantPair(), version: 2 })))
    expect(newer.title).toBe('This snapshot has version 2; this Crosswalk reads version 1.')
    expect(newer.hint).toMatch(/newer Crosswalk/)
    const broken = tenantPair() as unknown as { entra: { users: unknown[] }; collectedAt: string }
    broken.entra.users[1] = 'not a record'
    broken.collectedAt = 'yesterday'
    const schema = await problem(encode(JSON.stringify(broken)))
    expect(schema.title).toBe('The snapshot does not match the version 1 format (2 problems).')
    expect(schema.detail).toContain('collectedAt:')
    expect(schema.detail).toContain('entra.users[1]:')
    const truncated = (await gzip(JSON.stringify(tenantPair()))).slice(0, 40)
    expect((await problem(truncated)).title).toMatch(/could not be decompressed/)
  })
})

describe('readSnapshotFile', () => {
  /** A gzip stream of `{"format":"crosswalk.snapshot","x":"aaaa…` expanding to `mib` MiB. */
  async function bomb(mib: number): Promise<Blob> {
    const block = new Uint8Array(1024 * 1024).fill(0x61)
    let sent = 0
    const source = new ReadableStream<BufferSource>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"format":"crosswalk.snapshot","x":"'))
      },
      pull(controller) {
        if (sent++ < mib) controller.enqueue(block)
        else controller.close()
      },
    })
    return new Response(source.pipeThrough(new CompressionStream('gzip'))).blob()
  }

  it('stops a gzip bomb at the ceiling, inflating it a slice at a time', async () => {
    const file = await bomb(256)
    const started = performance.now()
    const result = await readSnapshotFile(file, { maxBytes: 8 * 1024 * 1024 })
    expect(result.ok ? undefined : result.problem.title).toBe(
      'The file expands beyond 8 MiB, more JSON than Crosswalk reads.',
    )
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('refuses a file larger than the ceiling without reading it', async () => {
    const file = new Blob([new Uint8Array(3 * 1024 * 1024)])
    const result = await readSnapshotFile(file, { maxBytes: 2 * 1024 * 1024 })
    expect(result.ok ? undefined : result.problem.title).toBe(
      'The file is 3 MiB, larger than the 2 MiB of JSON Crosswalk reads.',
    )
  })

  it('reads a snapshot without collection.cursors', async () => {
    const snapshot = tenantPair() as unknown as { collection: Record<string, unknown> }
    delete snapshot.collection['cursors']
    const result = await parseSnapshotBytes(await gzip(JSON.stringify(snapshot)))
    expect(result.ok && result.snapshot.collection.cursors).toEqual({})
  })
})

describe('Snapshots screen', () => {
  it('rejects a malformed file with a clear error and changes nothing in the cache', async () => {
    const good = await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    await saveFindings(db, good.id, FIXTURE_FINDINGS)
    view = await renderWorkbench(
      testServices(db, () => FIXTURE_FINDINGS),
      `/w/${WS}/snapshots`,
    )
    const c = view.container
    await waitFor(() => c.querySelector(`tr[data-snapshot-id="${good.id}"]`), 'the snapshot list')
    const before = await cacheState()

    await chooseFile(
      c,
      new File([JSON.stringify({ ...tenantPair(), version: 3 })], 'customer.json'),
    )
    const error = await waitFor(() => c.querySelector('[data-testid="import-error"]'), 'the error')
    expect(error.getAttribute('role')).toBe('alert')
    expect(error.textContent).toContain('customer.json was not imported.')
    expect(error.textContent).toContain('version 3')
    expect(error.textContent).toContain('Nothing in this workspace was changed.')

    await chooseFile(c, new File(['{ not json'], 'broken.json'))
    await waitFor(
      () => byText(c, '[data-testid="import-error"]', 'not valid JSON'),
      'the JSON error',
    )
    expect(await cacheState()).toEqual(before)
  })

  it('imports a gzipped file, makes it current and starts the diagnosis', async () => {
    const services = testServices(db, () => FIXTURE_FINDINGS)
    view = await renderWorkbench(services, `/w/${WS}/snapshots`)
    const c = view.container
    await waitFor(() => byText(c, '.empty', 'No snapshots yet'), 'the empty list')
    const snapshot = { ...tenantPair(), collectedAt: '2026-11-19T07:30:00Z' }
    await chooseFile(c, new File([await gzip(JSON.stringify(snapshot))], 'contoso.json.gz'))
    await waitFor(
      () => byText(c, '[role="status"]', 'now the current snapshot'),
      'the confirmation',
    )
    const current = await currentSnapshot(db, WS)
    expect(current).toMatchObject({
      origin: 'imported',
      status: 'complete',
      collectedAt: '2026-11-19T07:30:00Z',
    })
    await waitFor(() => services.diagnosed.includes(current!.id) || undefined, 'the diagnosis')
    const row = await waitFor(
      () => c.querySelector(`tr[data-snapshot-id="${current!.id}"]`),
      'the new row',
    )
    expect(row.textContent).toContain('2026-11-19 07:30')
    expect(row.textContent).toContain('Imported file')
    expect(row.textContent).toContain('4 Entra · 3 Okta users')
    expect(c.querySelector('.wb-banner__label')?.textContent).toBe(
      'Snapshot of 2026-11-19 07:30 · complete',
    )
  })

  it('accepts a partial snapshot as current only when asked', async () => {
    const good = await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    const writer = await beginSnapshot(db, {
      workspaceId: WS,
      origin: 'collected',
      tool: { name: 'crosswalk', version: '0.1.0' },
      createdAt: '2026-11-21T10:00:00Z',
    })
    await writer.writeBatch('entra', 'users', tenantPair().entra!.users!)
    const partial = await writer.finish({
      collectedAt: '2026-11-21T10:05:00Z',
      collection: {
        ...tenantPair().collection,
        complete: false,
        errors: [
          {
            source: 'okta',
            resource: 'users',
            status: 429,
            code: 'E0000047',
            message: 'rate limited',
          },
        ],
      },
    })
    expect((await currentSnapshot(db, WS))?.id).toBe(good.id)

    view = await renderWorkbench(
      testServices(db, () => FIXTURE_FINDINGS),
      `/w/${WS}/snapshots`,
    )
    const c = view.container
    const row = await waitFor(
      () => c.querySelector(`tr[data-snapshot-id="${partial.id}"]`),
      'the partial row',
    )
    expect(row.textContent).toContain('partial')
    expect(row.textContent).toContain('1 resource not collected')
    await click(byText(row, 'button', 'Accept partial')!)
    await waitFor(
      () => byText(c, '.wb-banner__label', '2026-11-21 10:05 · partial'),
      'the new current snapshot',
    )
    expect((await currentSnapshot(db, WS))?.id).toBe(partial.id)
  })

  it('exports the current snapshot as a JSON download', async () => {
    await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    const blobs: Blob[] = []
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:snapshot'))
    URL.revokeObjectURL = vi.fn()
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this)
    })
    view = await renderWorkbench(
      testServices(db, () => FIXTURE_FINDINGS),
      `/w/${WS}/snapshots`,
    )
    const c = view.container
    await click(
      await waitFor(() => byText(c, 'button', 'Export current snapshot'), 'the export button'),
    )
    await waitFor(() => clicked.length > 0 || undefined, 'the download')
    expect(clicked[0]!.download).toBe(snapshotFileName(tenantPair()))
    expect(clicked[0]!.download).toBe('crosswalk-snapshot-contoso.okta.com-20261120T1200.json')
    const exported = JSON.parse(await blobs[0]!.text())
    expect(exported).toEqual(JSON.parse(JSON.stringify(tenantPair())))
  })

  it('importing the same file twice says so and stores no second copy', async () => {
    view = await renderWorkbench(
      testServices(db, () => FIXTURE_FINDINGS),
      `/w/${WS}/snapshots`,
    )
    const c = view.container
    await waitFor(() => byText(c, '.empty', 'No snapshots yet'), 'the empty list')
    const file = () => new File([JSON.stringify(tenantPair())], 'contoso.json')
    await chooseFile(c, file())
    await waitFor(() => byText(c, '[role="status"]', 'now the current snapshot'), 'the import')
    await waitFor(() => c.querySelector('tr[data-snapshot-id]'), 'the row')
    await chooseFile(c, file())
    const said = await waitFor(
      () => c.querySelector('[data-testid="import-duplicate"]'),
      'the duplicate notice',
    )
    expect(said.textContent).toContain('contoso.json is already in this workspace')
    expect(said.textContent).toContain('Nothing was imported.')
    expect(await db.snapshots.where('workspaceId').equals(WS).count()).toBe(1)
  })

  it('a partial collection awaiting a decision is accepted or discarded here; failed runs are deleted', async () => {
    const good = await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    const collected = async (createdAt: string) =>
      beginSnapshot(db, {
        workspaceId: WS,
        origin: 'collected',
        tool: { name: 'crosswalk', version: '0.1.0' },
        createdAt,
      })
    const partialCollection = {
      ...tenantPair().collection,
      complete: false,
      errors: [
        { source: 'okta' as const, resource: 'logs', status: 0, code: 'x', message: 'reset' },
      ],
    }
    const a = await collected('2026-11-21T10:00:00Z')
    await a.writeBatch('entra', 'users', tenantPair().entra!.users!)
    const pending = await a.finish({
      collectedAt: '2026-11-21T10:05:00Z',
      collection: partialCollection,
      awaitDecision: true,
    })
    const b = await collected('2026-11-21T11:00:00Z')
    await b.writeBatch('entra', 'users', tenantPair().entra!.users!)
    await b.abort('failed', 'The collection stopped: socket hang up')

    view = await renderWorkbench(
      testServices(db, () => FIXTURE_FINDINGS),
      `/w/${WS}/snapshots`,
    )
    const c = view.container
    const row = await waitFor(
      () => c.querySelector<HTMLElement>(`tr[data-snapshot-id="${pending.id}"]`),
      'the pending row',
    )
    expect(row.textContent).toContain('awaiting your decision')
    const failed = c.querySelector<HTMLElement>(`tr[data-snapshot-id="${b.id}"]`)!
    await click(byText(failed, 'button', 'Delete')!)
    await waitFor(() => !c.querySelector(`tr[data-snapshot-id="${b.id}"]`), 'the deleted run')
    expect(await db.snapshots.get(b.id)).toBeUndefined()

    await click(byText(row, 'button', 'Discard')!)
    await waitFor(() => !c.querySelector(`tr[data-snapshot-id="${pending.id}"]`), 'the discard')
    expect(await db.snapshots.get(pending.id)).toBeUndefined()
    expect(
      await db.chunks
        .where('[snapshotId+source+resource+seq]')
        .between([pending.id], [pending.id, []])
        .count(),
    ).toBe(0)
    expect((await currentSnapshot(db, WS))?.id).toBe(good.id)
  })
})

/**
 * The run is the host's: a partial run's decision survives a reload, a reload during a run
 * (or a run that ended meanwhile) is stored in full from the host's journal, a resource
 * that failed after some pages is not kept, and a run another window started is followed.
 */
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { currentSnapshot, importSnapshot, loadSnapshot } from '../../../../../src/renderer/src/db'
import { byText, click, tenantPair, waitFor } from '../helpers'
import {
  RUN,
  SIGN_INS_DENIED,
  WS,
  batch,
  cell,
  collection,
  ctx,
  event,
  finish,
  mount,
  phase,
  progress,
  rowText,
  startRun,
  unmount,
  useCollectScreen,
  users,
} from './harness'

useCollectScreen()

describe('Collect screen across reloads and windows', () => {
  it('a partial run waits for a decision that survives a reload, and using it makes it current', async () => {
    await startRun()
    await event(batch('entra', 'users', users(2)))
    await finish({
      outcome: 'partial',
      collectedAt: '2026-11-21T09:00:00.000Z',
      collection: collection([SIGN_INS_DENIED]),
      resources: { 'entra.users': 2 },
    })
    const prompt = await waitFor(
      () => ctx.container.querySelector('[role="alertdialog"]'),
      'the partial prompt',
    )
    expect(prompt.textContent).toContain('Use this partial snapshot?')
    // there is no previous snapshot to keep
    expect(byText(prompt, 'button', 'Keep the previous snapshot')).toBeUndefined()
    const errors = ctx.container.querySelector('.collect__errors')!.textContent
    expect(errors).toContain(
      'Entra sign-in logs: the reader lacks the Microsoft Graph application permissions AuditLog.Read.All and Directory.Read.All',
    )
    expect(errors).toContain('(HTTP 403, Authorization_RequestDenied)')
    expect(await currentSnapshot(ctx.db, WS)).toBeUndefined()
    expect(rowText('entra.signIns')).toContain('Not collected')

    // the window reloads: the decision is still asked
    await unmount()
    await mount()
    const again = await waitFor(
      () => ctx.container.querySelector('[role="alertdialog"]'),
      'the partial prompt after a reload',
    )
    expect(ctx.container.querySelector('.collect__errors')?.textContent).toContain(
      'Entra sign-in logs',
    )
    await click(byText(again as HTMLElement, 'button', 'Use the partial snapshot')!)
    await waitFor(() => byText(ctx.container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    const current = await currentSnapshot(ctx.db, WS)
    expect(current).toMatchObject({
      status: 'partial',
      counts: { 'entra.users': 2 },
      pendingDecision: false,
    })
    expect(ctx.container.textContent).toContain('It is now the current snapshot.')
  })

  it('keeping the previous snapshot is offered when there is one; discarding deletes the partial', async () => {
    const previous = await importSnapshot(
      ctx.db,
      WS,
      tenantPair(),
      'imported',
      '2026-11-20T09:00:00Z',
    )
    await startRun()
    await event(batch('okta', 'users', [{ id: '00u1' }]))
    await finish({
      outcome: 'partial',
      collection: collection([{ ...SIGN_INS_DENIED, source: 'okta', resource: 'logs' }]),
      resources: { 'okta.users': 1 },
    })
    const prompt = await waitFor(
      () => ctx.container.querySelector('[role="alertdialog"]'),
      'the partial prompt',
    )
    expect(byText(prompt, 'button', 'Keep the previous snapshot')).toBeDefined()
    const chunksBefore = await ctx.db.chunks.count()
    await click(byText(prompt as HTMLElement, 'button', 'Discard it')!)
    await waitFor(() => ctx.container.textContent?.includes('It was discarded.'), 'the decision')
    expect((await currentSnapshot(ctx.db, WS))?.id).toBe(previous.id)
    expect(await ctx.db.snapshots.where('workspaceId').equals(WS).count()).toBe(1)
    expect(await ctx.db.chunks.count()).toBe(chunksBefore - 1)
    expect(ctx.services.diagnosed).toEqual([])
  })

  it('a reload during a run reattaches to it and loses nothing collected meanwhile', async () => {
    await startRun()
    await event(batch('entra', 'users', users(3)))
    await event(progress('entra', 'users', 3, { pages: 1 }))
    await waitFor(() => cell('entra.users') === '3', 'the first page')
    await unmount()
    // while the window reloads the run goes on; nobody is listening
    await event(batch('entra', 'users', users(4, 3)), RUN, false)
    await event(progress('entra', 'users', 7, { pages: 2 }), RUN, false)
    await event(batch('okta', 'users', [{ id: '00u1' }]), RUN, false)
    await mount()
    await waitFor(() => cell('entra.users') === '7', 'the progress of the reattached run')
    expect(phase()).toBe('running')
    await event(batch('entra', 'groups', [{ id: 'g1' }]))
    await finish({
      outcome: 'complete',
      collection: collection(),
      resources: { 'entra.users': 7, 'okta.users': 1, 'entra.groups': 1 },
    })
    await waitFor(() => byText(ctx.container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    const current = await currentSnapshot(ctx.db, WS)
    expect(current?.counts).toEqual({ 'entra.users': 7, 'okta.users': 1, 'entra.groups': 1 })
    const stored = await loadSnapshot(ctx.db, current!.id)
    expect(stored.entra?.users?.map((u) => u.id)).toEqual(users(7).map((u) => u.id))
    expect(await ctx.db.snapshots.where('workspaceId').equals(WS).count()).toBe(1)
  })

  it('a run that ended while the window was away is stored when it comes back', async () => {
    await startRun()
    await event(batch('okta', 'users', [{ id: '00u1' }]))
    await unmount()
    await event(batch('okta', 'users', [{ id: '00u2' }]), RUN, false)
    await finish(
      { outcome: 'complete', collection: collection(), resources: { 'okta.users': 2 } },
      RUN,
      false,
    )
    await mount()
    await waitFor(() => byText(ctx.container, '.collect__next', 'Diagnosis found'), 'the diagnosis')
    expect((await currentSnapshot(ctx.db, WS))?.counts).toEqual({ 'okta.users': 2 })
    expect(ctx.host.released).toEqual([RUN])
  })

  it('records of a resource that failed after some pages are not kept as if collected', async () => {
    await startRun()
    await event(batch('entra', 'users', users(2)))
    await event(batch('entra', 'groups', [{ id: 'g1' }]))
    await finish({
      outcome: 'partial',
      collection: collection([{ ...SIGN_INS_DENIED, resource: 'groups', status: 500 }]),
      resources: { 'entra.users': 2, 'okta.logs': 0 },
    })
    await waitFor(() => ctx.container.querySelector('[role="alertdialog"]'), 'the partial prompt')
    const row = (await ctx.db.snapshots.where('workspaceId').equals(WS).first())!
    expect(row.counts).toEqual({ 'entra.users': 2, 'okta.logs': 0 })
    const stored = await loadSnapshot(ctx.db, row.id)
    expect(stored.entra?.groups).toBeUndefined()
    expect(stored.okta?.logs).toEqual([])
  })

  it('attaches to a run another window started', async () => {
    const other = '5e0c1d2b-2222-4aaa-8bbb-000000000009'
    ctx.host.nextRunIds.push(other)
    await act(async () => {
      await ctx.api.invoke('collect:start', { workspaceId: WS })
    })
    await event(progress('okta', 'groups', 7), other)
    await waitFor(() => cell('okta.groups') === '7', 'the observed progress')
    expect(phase()).toBe('running')
  })
})

import { describe, expect, it } from 'vitest'
import { sendEvent } from '../../../../src/main/ipc/send-event'
import type { EventPayload } from '../../../../src/shared/ipc/contract'
import { FakeWebContents } from '../fake-electron'

const workspace = {
  id: '4f6c1a52-1b0e-4a57-9d8e-2f3b5c6d7e8f',
  name: 'Contoso',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
}

describe('sendEvent', () => {
  it('sends a payload that matches the event contract', () => {
    const contents = new FakeWebContents()
    expect(sendEvent(contents as never, 'workspaces:changed', { workspaces: [workspace] })).toBe(
      true,
    )
    expect(contents.sent).toEqual([
      { channel: 'workspaces:changed', payload: { workspaces: [workspace] } },
    ])
  })

  it('refuses a payload that does not', () => {
    const contents = new FakeWebContents()
    const bad = {
      workspaces: [{ ...workspace, id: 'not-a-uuid' }],
    } as EventPayload<'workspaces:changed'>
    expect(sendEvent(contents as never, 'workspaces:changed', bad)).toBe(false)
    expect(contents.sent).toEqual([])
  })

  it('sends nothing to a destroyed window', () => {
    const contents = new FakeWebContents()
    contents.destroyed = true
    expect(sendEvent(contents as never, 'workspaces:changed', { workspaces: [] })).toBe(false)
    expect(contents.sent).toEqual([])
  })
})

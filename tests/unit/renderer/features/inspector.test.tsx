import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { importSnapshot } from '../../../../src/renderer/src/db/snapshots'
import type { InspectDecoded, SigningCandidate } from '../../../../src/shared/inspect'
import { createFakeApi, installFakeApi, type FakeApi } from '../helpers/fake-api'
import {
  NOW,
  WS,
  byText,
  click,
  openTestDb,
  renderWorkbench,
  tenantPair,
  testServices,
  typeInto,
  waitFor,
  type Rendered,
} from './helpers'

let db: CrosswalkDb
let view: Rendered | undefined
let api: FakeApi

const PASTED = 'https://org.example/callback?error=invalid_request&error_description=AADSTS50011'

/** What the host answers for the paste: two messages of a capture. */
const DECODED: InspectDecoded = {
  input: 'har',
  notices: [
    'Dropped on reading: 3 cookies and 1 Authorization header; only sign-in messages are kept.',
  ],
  messages: [
    {
      index: 1,
      label: 'POST https://org.example/app/office365/exk1/sso/saml',
      artefact: {
        kind: 'authn-request',
        issuer: 'urn:federation:MicrosoftOnline',
        xml: '<samlp:AuthnRequest/>',
      },
    },
    {
      index: 2,
      label: 'GET https://org.example/callback',
      capturedAt: '2026-11-21T08:59:00.000Z',
      capturedAtSource: 'har',
      artefact: {
        kind: 'error',
        endpoint: 'https://org.example/callback',
        error: 'invalid_request',
        description: 'AADSTS50011: The redirect URI does not match.',
        aadsts: ['50011'],
        okta: [],
      },
    },
  ],
}

beforeEach(async () => {
  db = await openTestDb()
  api = createFakeApi()
  installFakeApi(api)
})
afterEach(async () => {
  await view?.unmount()
  view = undefined
  await db.delete()
})

/** Every row the cache holds, as text. */
async function cacheText(): Promise<string> {
  const tables = await Promise.all(db.tables.map((t) => t.toArray()))
  return JSON.stringify(tables)
}

describe('Inspector', () => {
  it('sends the paste with the snapshot’s certificates, shows the messages and the verdict, and stores nothing', async () => {
    await importSnapshot(db, WS, tenantPair(), 'imported', NOW)
    const services = testServices(db, () => [])
    view = await renderWorkbench(services, `/w/${WS}/inspector`)
    const c = view.container
    const area = await waitFor(
      () => c.querySelector<HTMLTextAreaElement>('textarea'),
      'the paste area',
    )
    expect(c.querySelector('h1')?.textContent).toBe('Inspector')
    const inspect = byText(c, 'button', 'Inspect')!
    expect(inspect.hasAttribute('disabled') || inspect.getAttribute('data-disabled') !== null).toBe(
      true,
    )

    await typeInto(area, PASTED)
    api.failNext('inspect:decode', { ok: true, value: DECODED })
    await click(byText(c, 'button', 'Inspect')!)
    await waitFor(() => c.querySelector('[data-testid="inspector-results"]'), 'the results')

    const call = api.calls.find((x) => x.channel === 'inspect:decode')
    const sent = call?.input as { text: string; candidates: SigningCandidate[] }
    expect(sent.text).toBe(PASTED)
    // the tenant pair's federation certificates and app keys go along, for the signatures
    expect(sent.candidates.length).toBeGreaterThan(0)

    expect(c.textContent).toContain('Dropped on reading: 3 cookies')
    const options = c.querySelectorAll('[role="option"]')
    expect(options).toHaveLength(2)
    // the message with a problem is shown first
    const message = await waitFor(
      () => c.querySelector('[data-testid="inspector-message"]'),
      'the message',
    )
    expect(message.querySelector('h2')?.textContent).toContain('Message 2')
    expect(message.querySelector('.ins-verdict')?.textContent).toContain(
      'Entra answers AADSTS50011',
    )
    const link = message.querySelector<HTMLAnchorElement>('.ins-check__rule a')
    expect(link?.getAttribute('href')).toBe(`/w/${WS}/findings?q=idp-redirect-uri-missing`)

    await click(options[0]!)
    await waitFor(
      () => (message.querySelector('h2')?.textContent?.includes('Message 1') ? true : undefined),
      'message 1',
    )

    expect(await cacheText()).not.toContain('AADSTS50011')
    await click(byText(c, 'button', 'Clear')!)
    expect(c.querySelector('[data-testid="inspector-results"]')).toBeNull()
    expect(c.querySelector<HTMLTextAreaElement>('textarea')?.value).toBe('')
  })

  it('without a snapshot, decodes only and says why', async () => {
    const services = testServices(db, () => [])
    view = await renderWorkbench(services, `/w/${WS}/inspector`)
    const c = view.container
    const area = await waitFor(
      () => c.querySelector<HTMLTextAreaElement>('textarea'),
      'the paste area',
    )
    expect(c.textContent).toContain('This workspace has no snapshot yet')
    await typeInto(area, PASTED)
    api.failNext('inspect:decode', { ok: true, value: DECODED })
    await click(byText(c, 'button', 'Inspect')!)
    await waitFor(() => c.querySelector('[data-testid="inspector-message"]'), 'the message')
    const sent = api.calls.find((x) => x.channel === 'inspect:decode')?.input as {
      candidates: unknown[]
    }
    expect(sent.candidates).toEqual([])
    expect(c.textContent).toContain(
      'Decoded only: this workspace has no snapshot to check it against.',
    )
  })

  it('shows the host’s refusal as an error', async () => {
    const services = testServices(db, () => [])
    view = await renderWorkbench(services, `/w/${WS}/inspector`)
    const c = view.container
    const area = await waitFor(
      () => c.querySelector<HTMLTextAreaElement>('textarea'),
      'the paste area',
    )
    await typeInto(area, 'x')
    api.failNext('inspect:decode', {
      ok: false,
      error: { code: 'invalid-input', message: 'Invalid input for inspect:decode' },
    })
    await click(byText(c, 'button', 'Inspect')!)
    const alert = await waitFor(() => c.querySelector('[role="alert"]'), 'the error')
    expect(alert.textContent).toContain('Invalid input for inspect:decode')
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { EvidenceView } from '../../../../../src/renderer/src/features/findings/evidence-view'
import { formatDateTime } from '../../../../../src/renderer/src/format'
import { render, type Rendered } from '../../helpers/dom'

let view: Rendered | undefined
afterEach(() => {
  view?.unmount()
  view = undefined
  document.body.innerHTML = ''
})

async function show(evidence: Record<string, unknown>): Promise<HTMLElement> {
  view = await render(<EvidenceView evidence={evidence} />)
  return view.container
}

const PERSON = {
  entra: { type: 'user', id: 'e-1', name: 'alice@contoso.com' },
  okta: { type: 'user', id: '00u1', name: 'alice@contoso.com' },
  joinedBy: ['email'],
}

describe('evidence as a comparison', () => {
  it('aligns Entra and Okta values and marks the ones that differ', async () => {
    const c = await show({
      comparisons: [
        {
          ...PERSON,
          pairs: [
            {
              label: 'ImmutableID',
              entra: { attribute: 'onPremisesImmutableId', value: '0DPLSQXh8EaSy6UvUUrIbQ==' },
              okta: { attribute: 'immutableId', value: 'AAAAAAAAAAAAAAAAAAAAAA==' },
              verdict: 'different',
              note: 'Entra finds no user (AADSTS51004) since 2026-12-01T10:00:00Z',
            },
            {
              label: 'UPN ↔ login',
              entra: { attribute: 'userPrincipalName', value: 'alice@contoso.com' },
              okta: { attribute: 'login', value: 'Alice@contoso.com' },
              verdict: 'equal-normalised',
            },
            {
              label: 'email',
              entra: { attribute: 'mail', value: 'alice@contoso.com' },
              verdict: 'missing-okta',
            },
          ],
        },
      ],
      total: 57,
    })
    const table = c.querySelector('[data-testid="evidence-comparison"]')!
    expect(table.querySelector('.wb-cmp__head')?.textContent).toBe(
      'alice@contoso.com ↔ alice@contoso.com · joined by email',
    )
    const rows = [...table.querySelectorAll('tr[data-verdict]')]
    expect(rows.map((r) => r.getAttribute('data-verdict'))).toEqual([
      'different',
      'equal-normalised',
      'missing-okta',
    ])
    // an immutable ID is shown with the AD GUID it encodes
    expect(rows[0]?.textContent).toContain('(GUID 49cb33d0-e105-46f0-92cb-a52f514ac86d)')
    expect(rows[0]?.querySelectorAll('.wb-cmp__cell--diff')).toHaveLength(2)
    expect(rows[0]?.textContent).toContain(
      `Entra finds no user (AADSTS51004) since ${formatDateTime('2026-12-01T10:00:00Z')}`,
    )
    expect(rows[1]?.querySelectorAll('.wb-cmp__cell--diff')).toHaveLength(0)
    expect(rows[2]?.querySelector('td:nth-of-type(2)')?.textContent).toBe('missing')
    expect(c.textContent).toContain('Showing 1 of 57')
    // nothing is a JSON blob in a cell; the raw evidence is one toggle away
    expect(table.querySelector('pre')).toBeNull()
    expect(c.querySelector('details.wb-raw--all summary')?.textContent).toBe('Raw evidence (JSON)')
  })

  it('writes dates in the app format, says who was judged, and leaves empty values out', async () => {
    const c = await show({
      entra: { endDateTime: '2026-12-01T10:00:00Z', hint: 'Xq8', keyIds: [] },
      okta: { appId: '0oa1', scopes: ['openid', 'profile'] },
      population: {
        judged: 'people with an account on both sides',
        count: 1200,
        excluded: [
          { reason: 'B2B guests', count: 3 },
          { reason: 'room accounts', count: 0 },
        ],
      },
      detailRecord: { a: 1, b: { c: 2 } },
    })
    const sides = c.querySelector('[data-testid="evidence-side-by-side"]')!
    expect(sides.textContent).toContain(formatDateTime('2026-12-01T10:00:00Z'))
    expect(sides.querySelector('time, [title]')?.getAttribute('title')).toContain('UTC')
    expect(sides.textContent).not.toContain('keyIds')
    expect(sides.textContent).toContain('openid, profile')
    expect(c.querySelector('.wb-population')?.textContent).toBe(
      'Judged1,200 accounts: people with an account on both sides. Left out: 3 B2B guests.',
    )
    const record = c.querySelector('.wb-evidence__rest details.wb-raw')!
    expect(record.querySelector('summary')?.textContent).toBe('2 fields')
  })

  it('shows evidence of an unexpected shape raw rather than failing', async () => {
    const c = await show({ comparisons: 'not a list', note: 'kept' })
    expect(c.querySelector('[data-testid="evidence-comparison"]')).toBeNull()
    expect(c.textContent).toContain('does not have the expected shape')
    expect(c.textContent).toContain('kept')
  })
})

import { describe, expect, it } from 'vitest'
import { auditRefreshStart, joinAudits } from '../../../../src/node/entra/audit-window'

const audit = (id: string, at: string) => ({ id, activityDateTime: at })

describe('the directory audits a refresh reads', () => {
  it('starts an hour before the previous snapshot, never before the retention', () => {
    expect(
      auditRefreshStart({
        previousAt: '2026-05-20T10:00:00.000Z',
        retentionStart: '2026-05-01T00:00:00.000Z',
      }),
    ).toBe('2026-05-20T09:00:00.000Z')
    expect(
      auditRefreshStart({
        previousAt: '2026-01-01T00:00:00.000Z',
        retentionStart: '2026-05-01T00:00:00.000Z',
      }),
    ).toBe('2026-05-01T00:00:00.000Z')
  })

  it('joins the fresh audits with the retained previous ones, by id, newest first, capped', () => {
    const previous = [
      audit('old', '2026-04-01T00:00:00Z'),
      audit('kept', '2026-05-10T00:00:00Z'),
      audit('both', '2026-05-20T09:30:00Z'),
    ]
    const fresh = [audit('both', '2026-05-20T09:30:00Z'), audit('new', '2026-05-21T00:00:00Z')]
    expect(joinAudits(fresh, previous, '2026-05-01T00:00:00Z', 10).map((a) => a.id)).toEqual([
      'new',
      'both',
      'kept',
    ])
    expect(joinAudits(fresh, previous, '2026-05-01T00:00:00Z', 2).map((a) => a.id)).toEqual([
      'new',
      'both',
    ])
  })
})

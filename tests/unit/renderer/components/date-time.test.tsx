import { afterEach, describe, expect, it } from 'vitest'
import { DateTime } from '../../../../src/renderer/src/components/date-time'
import { formatAge, formatCount, formatNumber } from '../../../../src/renderer/src/format'
import { render, type Rendered } from '../helpers/dom'

let view: Rendered | undefined
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } })
  .process.env
afterEach(() => {
  view?.unmount()
  view = undefined
  env.TZ = 'UTC'
})

describe('one way of writing dates and numbers', () => {
  it('a date reads in local time, with UTC on hover', async () => {
    env.TZ = 'Europe/Paris'
    view = await render(<DateTime iso="2026-11-20T12:00:00.000Z" />)
    const time = view.container.querySelector('time')!
    expect(time.textContent).toBe('2026-11-20 13:00')
    expect(time.getAttribute('title')).toBe('2026-11-20 12:00 UTC')
    expect(time.getAttribute('datetime')).toBe('2026-11-20T12:00:00.000Z')
  })

  it('numbers carry thousands separators; ages read in words', () => {
    expect(formatNumber(1234567)).toBe('1,234,567')
    expect(formatCount(1, 'record')).toBe('1 record')
    expect(formatCount(12_000, 'record')).toBe('12,000 records')
    const now = Date.parse('2026-11-20T12:00:00Z')
    expect(formatAge('2026-11-20T11:59:30Z', now)).toBe('just now')
    expect(formatAge('2026-11-20T11:15:00Z', now)).toBe('45 min ago')
    expect(formatAge('2026-11-18T12:00:00Z', now)).toBe('2 days ago')
  })
})

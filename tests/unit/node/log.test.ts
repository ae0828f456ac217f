import { describe, expect, it } from 'vitest'
import { createLogger, REDACTED } from '../../../src/node/log'

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = []
  const log = createLogger({
    write: (line) => lines.push(line),
    level,
    now: () => new Date('2026-01-02T03:04:05.000Z'),
  })
  return { log, lines }
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level and event', () => {
    const { log, lines } = capture()
    log.info('collect.started', { resource: 'users' })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      level: 'info',
      event: 'collect.started',
      resource: 'users',
    })
  })

  it('drops lines below the level', () => {
    const { log, lines } = capture('warn')
    log.info('quiet')
    log.warn('loud')
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['loud'])
  })

  it('redacts registered secrets in fields, nested values and error stacks', () => {
    const { log, lines } = capture()
    const secret = 'Xy7~supersecretvalue'
    log.addSecret(secret)
    log.error('auth.failed', {
      message: `secret ${secret} rejected`,
      nested: { deeper: [secret] },
      error: new Error(`bad ${secret}`),
    })
    expect(lines[0]).not.toContain(secret)
    expect(lines[0]).toContain(REDACTED)
    const parsed = JSON.parse(lines[0]!)
    expect(parsed.nested.deeper[0]).toBe(REDACTED)
    expect(parsed.error.message).toBe(`bad ${REDACTED}`)
  })

  it('redacts secrets that JSON escapes', () => {
    const { log, lines } = capture()
    const secret = 'ab"c\\d'
    log.addSecret(secret)
    log.info('x', { value: secret })
    expect(lines[0]).not.toContain(JSON.stringify(secret).slice(1, -1))
  })

  it('redacts a longer secret whole when it contains a shorter one', () => {
    const { log } = capture()
    log.addSecret('abcd')
    log.addSecret('abcdefgh')
    expect(log.redact('x abcdefgh y')).toBe(`x ${REDACTED} y`)
  })

  it('ignores values too short to be secrets', () => {
    const { log } = capture()
    log.addSecret('ab')
    expect(log.redact('ab ab')).toBe('ab ab')
  })
})

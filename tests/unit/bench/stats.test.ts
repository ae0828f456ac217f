import { describe, expect, it } from 'vitest'
import { formatResult, spread, summarise } from '../../bench/stats'

describe('bench statistics', () => {
  it('takes the median of odd and even counts', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 })
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 })
    expect(() => spread([])).toThrow()
  })

  it('computes ratios pair by pair and judges targets on the median', () => {
    const result = summarise(
      {
        name: 'x',
        description: 'd',
        targets: [
          { figure: 'ratio', max: 1.25, label: 'within 1.25× of the floor' },
          { figure: 'rssMiB', max: 100, label: 'memory' },
        ],
      },
      [
        { floor: { ms: 10 }, measure: { ms: 12, extra: { rssMiB: 90 } } },
        { floor: { ms: 20 }, measure: { ms: 22, extra: { rssMiB: 120 } } },
        { floor: { ms: 5 }, measure: { ms: 10, extra: { rssMiB: 95 } } },
      ],
    )
    expect(result.figures.ratio).toEqual({ median: 1.2, min: 1.1, max: 2 })
    expect(result.figures['floor.ms']!.median).toBe(10)
    expect(result.targets.map((t) => t.met)).toEqual([true, true])
    const missed = summarise(
      { name: 'y', description: 'd', targets: [{ figure: 'ms', max: 1, label: 'fast' }] },
      [{ floor: { ms: 1 }, measure: { ms: 2 } }],
    )
    expect(missed.targets[0]!.met).toBe(false)
    expect(formatResult(missed)).toContain('MISS fast')
  })

  it('treats a missing figure as a missed target, not a pass', () => {
    const result = summarise(
      { name: 'z', description: 'd', targets: [{ figure: 'nope', max: 1, label: 'n' }] },
      [{ floor: { ms: 1 }, measure: { ms: 1 } }],
    )
    expect(result.targets[0]!.met).toBe(false)
  })
})

/** `crosswalk collect`'s progress: a redrawn bar on a terminal, sparse line logs otherwise. */
import type { CollectEvent } from '../../node/collect/events'
import { term } from '../../shared/text/terminal'
import type { CliIo } from '../command'
import type { CliOutput } from '../output'

interface Counters {
  records: number
  pages: number
  throttleWaits: number
  retries: number
  errors: number
}

/** Renders progress: a redrawn bar on a terminal, sparse line logs otherwise. */
export function createProgressView(
  io: CliIo,
  print: CliOutput,
  now: () => number = Date.now,
): {
  onEvent: (e: CollectEvent) => void
  done: () => void
} {
  const resources = new Map<string, Counters>()
  const lastLine = new Map<string, number>()
  let lastDraw = 0
  const totals = (): Counters =>
    [...resources.values()].reduce(
      (a, c) => ({
        records: a.records + c.records,
        pages: a.pages + c.pages,
        throttleWaits: a.throttleWaits + c.throttleWaits,
        retries: a.retries + c.retries,
        errors: a.errors + c.errors,
      }),
      { records: 0, pages: 0, throttleWaits: 0, retries: 0, errors: 0 },
    )
  const draw = (): void => {
    const t = totals()
    const width = 24
    const filled = Math.min(width, Math.round((resources.size / 22) * width))
    print.redraw(
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${resources.size} resources · ${t.records.toLocaleString('en-US')} records · ${t.pages} pages · ${t.throttleWaits} throttle waits · ${t.retries} retries`,
    )
  }
  return {
    onEvent: (e) => {
      if (e.type !== 'progress') return
      const key = `${e.source}.${e.resource}`
      resources.set(key, e)
      const t = now()
      if (io.isTty) {
        if (t - lastDraw > 100) {
          lastDraw = t
          draw()
        }
      } else if (t - (lastLine.get(key) ?? 0) > 2000) {
        lastLine.set(key, t)
        print.out(
          term`${key}: ${e.records} records, ${e.pages} pages${e.throttleWaits ? `, ${e.throttleWaits} throttle waits` : ''}${e.retries ? `, ${e.retries} retries` : ''}\n`,
        )
      }
    },
    done: () => {
      if (io.isTty) {
        draw()
        print.out('\n')
      }
    },
  }
}

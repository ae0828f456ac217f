/**
 * A sliding-window limiter: at most `max` starts in any `windowMs`. Graph's identity and
 * access reports (signIns, directoryAudits, provisioning) allow 5 requests per 10 s per app
 * per tenant; https://learn.microsoft.com/graph/throttling-limits
 */
import type { Sleep } from './retry'
import { sleep as defaultSleep } from './retry'

/** A shared gate for requests counted in a sliding window. */
export interface WindowLimiter {
  /** resolves when one more request may start; returns the milliseconds waited */
  acquire: (signal?: AbortSignal) => Promise<number>
}

/** Creates a limiter; `now` and `sleep` are injectable for tests. */
export function createWindowLimiter(options: {
  max: number
  windowMs: number
  now?: () => number
  sleep?: Sleep
}): WindowLimiter {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  const starts: number[] = []
  // Calls queue behind each other so concurrent callers cannot both take the last slot.
  let queue: Promise<unknown> = Promise.resolve()
  const acquire = (signal?: AbortSignal): Promise<number> => {
    const run = queue.then(async () => {
      let waited = 0
      for (;;) {
        const t = now()
        while (starts.length > 0 && (starts[0] ?? 0) <= t - options.windowMs) starts.shift()
        if (starts.length < options.max) {
          starts.push(t)
          return waited
        }
        const wait = (starts[0] ?? t) + options.windowMs - t + 1
        waited += wait
        await sleep(wait, signal)
      }
    })
    queue = run.catch(() => undefined)
    return run
  }
  return { acquire }
}

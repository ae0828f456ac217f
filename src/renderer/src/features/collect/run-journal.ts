/**
 * Reads one host run's events in order, exactly once each, whatever order and gaps they arrive
 * with: live events are taken as they come, and whatever this window missed (it was reloaded,
 * opened late, or the event stream reconnected) is asked from the host's journal
 * (`collect:events`). `apply` sees every event from `from` on, one at a time; `end` is called
 * once, after the last event before the run's end was applied.
 */
import type {
  CollectEventPayload,
  CollectEventsOutput,
  CollectFinished,
} from '../../../../shared/ipc/collect'

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } }

const FETCH_ATTEMPTS = 3

export interface JournalReaderDeps {
  runId: string
  /** the first event not yet applied (0 for a new run) */
  from: number
  /** how many events the host had sent when the reader was made (a hint to catch up at once) */
  known: number
  fetch: (runId: string, from: number) => Promise<Result<CollectEventsOutput>>
  apply: (payload: CollectEventPayload) => Promise<void>
  end: (finished: CollectFinished) => Promise<void>
  /** the journal could not be read: the run cannot be stored completely */
  fail: (message: string) => Promise<void>
}

export interface JournalReader {
  /** a live event of this run */
  offer: (payload: CollectEventPayload) => void
  /** the run's end, live */
  finish: (finished: CollectFinished) => void
  /** resolves when nothing is left to do for now */
  idle: () => Promise<void>
  /** stops reading; nothing more is applied */
  stop: () => void
}

export function createJournalReader(deps: JournalReaderDeps): JournalReader {
  let next = deps.from
  let known = deps.known
  let finished: CollectFinished | undefined
  let stopped = false
  let ended = false
  const waiting = new Map<number, CollectEventPayload>()
  let running: Promise<void> = Promise.resolve()

  const step = async (): Promise<void> => {
    while (!stopped) {
      const ready = waiting.get(next)
      if (ready) {
        waiting.delete(next)
        await deps.apply(ready)
        next++
        continue
      }
      if (next < known) {
        const reply = await fetchWithRetry(next)
        if (stopped) return
        if (!reply.ok) return fail(reply.error.message)
        for (const payload of reply.value.events) {
          if (payload.seq >= next) waiting.set(payload.seq, payload)
        }
        if (reply.value.finished) learnEnd(reply.value.finished)
        if (waiting.has(next)) continue
        // Nothing from `next` on yet (a run that has only just started): wait for live events,
        // unless the run has ended, when a missing event means records were lost.
        if (finished && next < finished.events) {
          return fail(`The host did not hand out event ${next} of the run.`)
        }
        known = next
      }
      break
    }
    if (!stopped && !ended && finished && next >= finished.events) {
      ended = true
      await deps.end(finished)
    }
  }

  // The journal is read over the same channel as everything else; a blip is tried again.
  const fetchWithRetry = async (from: number) => {
    let reply = await deps.fetch(deps.runId, from)
    for (let attempt = 1; !reply.ok && attempt < FETCH_ATTEMPTS && !stopped; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt))
      reply = await deps.fetch(deps.runId, from)
    }
    return reply
  }

  const fail = async (message: string) => {
    stopped = true
    await deps.fail(message)
  }

  const learnEnd = (payload: CollectFinished) => {
    finished ??= payload
    known = Math.max(known, payload.events)
  }

  const kick = () => {
    running = running.then(step).catch((error: unknown) => {
      void fail(error instanceof Error ? error.message : String(error))
    })
  }

  kick()
  return {
    offer: (payload) => {
      if (stopped || payload.seq < next) return
      waiting.set(payload.seq, payload)
      known = Math.max(known, payload.seq + 1)
      kick()
    },
    finish: (payload) => {
      if (stopped) return
      learnEnd(payload)
      kick()
    },
    idle: () => running,
    stop: () => {
      stopped = true
      waiting.clear()
    },
  }
}

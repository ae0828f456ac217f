/**
 * Filtering the People grid (100k + 100k people) in Debian's Chromium: from the input
 * event to the first frame painted after the "Showing N of M people" count changes, for
 * searches across both sides (a common name, a domain, a value in no row, back to all)
 * and the "Only where it differs" switch. The floor is the same measurement on a bare
 * text input the benchmark adds to the same page, whose handler writes one number.
 */
import type { Benchmark, Figures } from './types'
import { FLOOR_INPUT, FLOOR_OUTPUT, addFloorInput, inputToPaint } from './browser/input-to-paint'
import { openPeopleSession, type PeopleSession } from './browser/people-session'

let s: PeopleSession | undefined

const QUERIES = ['maria', 'northwind-retail.com', 'no-such-value-anywhere', 'sales', '']

const COUNT = `document.querySelector('[data-testid="people-count"]')`

export const benchmark: Benchmark = {
  name: 'workbench-people-filter',
  description: 'Chromium: People search and filter over 100k+100k people, input to painted count',
  runs: 3,
  setup: async () => {
    s = await openPeopleSession('people-filter')
    await addFloorInput(s.session.page)
  },
  floor: async (): Promise<Figures> =>
    inputToPaint(s!.session.page, { input: FLOOR_INPUT, target: FLOOR_OUTPUT, queries: QUERIES }),
  measure: async (): Promise<Figures> =>
    inputToPaint(s!.session.page, {
      input: 'form[role="search"] input[type="search"]',
      target: COUNT,
      queries: QUERIES,
      toggle: 'form[role="search"] label:has-text("Only where it differs") input',
    }),
  teardown: async () => {
    await s?.close()
  },
  targets: [
    {
      figure: 'ms',
      max: 100,
      label: 'a search or filter over 100k people is painted in under 100 ms',
    },
    {
      figure: 'worstMs',
      max: 100,
      label: 'the slowest search or filter is painted in under 100 ms',
    },
  ],
}

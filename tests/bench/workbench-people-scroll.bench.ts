/**
 * Scrolling the People grid (100k + 100k people) in Debian's Chromium: the main thread's
 * work per frame, from a DevTools trace (the sum of its tasks between two frames' starts),
 * at the 95th percentile while the grid scrolls 64 px a frame (a steady wheel, about
 * 3,800 px/s) for 240 frames, then 160 px a frame (a fast trackpad fling, about 9,600 px/s)
 * for 120. Frame intervals are not the figure: headless Chromium ticks at 16.7 ms whatever
 * the work. Reported beside it, without a target: dragging the scroll bar, a whole new
 * screen of rows every frame (640 px a frame for 60 frames). The grid is traced twice: at
 * its left edge, as it opens (the figure), and scrolled sideways, where the sticky name
 * column holds its place over the cells (`sideways…`, beside it). The floor is the same
 * trace while a plain scrolling box of the same height, added to the page, scrolls the same
 * way. Beside it, `oneRowMovedP95Ms`: the same box moving one row element and writing its
 * text every frame; and `minimalGridP95Ms`: a plain grid of the People grid's size, rows
 * and columns in view, scrolled the same way (`browser/minimal-grid.ts`), with the People
 * grid's figure over it as `overMinimal`: what its own features add.
 */
import type { Page } from '@playwright/test'
import {
  HEADER_HEIGHT,
  ROW_HEIGHT,
  ROW_OVERSCAN,
} from '../../src/renderer/src/features/people/grid-window'
import type { Benchmark, Figures } from './types'
import { MINIMAL_GRID_ID, addMinimalGrid, showMinimalGrid } from './browser/minimal-grid'
import {
  mainThreadWorkPerFrame,
  openPeopleSession,
  percentile,
  type PeopleSession,
} from './browser/people-session'

let s: PeopleSession | undefined

/** The scroll, each frame's step; `after` runs after each step (with `el` and `i` in scope). */
const scroll = (target: string, after = '') => `(async () => {
  const el = ${target}
  el.scrollTop = 0
  const run = async (step, frames) => {
    for (let i = 0; i < frames; i++) {
      await new Promise((r) => requestAnimationFrame(r))
      el.scrollTop += step
      ${after}
    }
  }
  await run(64, 240)
  await run(160, 120)
  await run(640, 60)
})()`

/** How far the grid is scrolled sideways for the second trace, px. */
const SIDEWAYS = 320

/** Frames of the wheel (the first 240), of the fling (the next 120) and of the drag. */
const STEADY = 240
const FLING = 120

/**
 * The least a grid drawn from the DOM does while it scrolls: in the plain box, one row
 * element taken from the top and put at the bottom, its text written, every frame.
 */
const MOVE_ONE_ROW = `{
  const row = el.querySelector('.bench-row')
  row.style.top = (el.scrollTop + el.clientHeight - 32) + 'px'
  row.firstChild.data = 'row ' + i + ' at ' + el.scrollTop
}`

async function traced(page: Page, target: string, after = ''): Promise<Figures> {
  const frames = await mainThreadWorkPerFrame(page, () => page.evaluate(scroll(target, after)))
  const scrolling = frames.slice(0, STEADY + FLING)
  const drag = frames.slice(STEADY + FLING)
  return {
    ms: percentile(scrolling, 95),
    extra: {
      medianMs: percentile(scrolling, 50),
      wheelP95Ms: percentile(frames.slice(0, STEADY), 95),
      flingP95Ms: percentile(frames.slice(STEADY, STEADY + FLING), 95),
      dragP95Ms: percentile(drag, 95),
      maxMs: Math.max(...scrolling),
      frames: scrolling.length,
    },
  }
}

export const benchmark: Benchmark = {
  name: 'workbench-people-scroll',
  description: 'Chromium: main-thread work per frame (p95) while the 100k People grid scrolls',
  runs: 3,
  setup: async () => {
    s = await openPeopleSession('people-scroll')
    await s.session.page.evaluate(`(() => {
      const box = document.createElement('div')
      box.id = 'bench-floor-scroll'
      box.style.cssText = 'position:fixed;left:0;bottom:0;width:300px;height:400px;overflow:auto;z-index:9999;background:#fff'
      const inner = document.createElement('div')
      inner.style.cssText = 'position:relative;height:${(s.rows * 32).toString()}px'
      const row = document.createElement('div')
      row.className = 'bench-row'
      row.style.cssText = 'position:absolute;left:0;right:0;height:32px;line-height:32px'
      row.append(document.createTextNode('row'))
      inner.append(row)
      box.append(inner)
      document.body.append(box)
    })()`)
    await addMinimalGrid(s.session.page, {
      rows: s.rows,
      overscan: ROW_OVERSCAN,
      rowHeight: ROW_HEIGHT,
      headerHeight: HEADER_HEIGHT,
    })
  },
  floor: async () => traced(s!.session.page, `document.getElementById('bench-floor-scroll')`),
  measure: async () => {
    const page = s!.session.page
    const floorBox = `document.getElementById('bench-floor-scroll')`
    const oneRow = await traced(page, floorBox, MOVE_ONE_ROW)
    await showMinimalGrid(page, true)
    const minimal = await traced(page, `document.getElementById('${MINIMAL_GRID_ID}')`)
    await showMinimalGrid(page, false)
    const grid = `document.querySelector('.pp-scroll')`
    await page.evaluate(`${grid}.scrollLeft = 0`)
    const edge = await traced(page, grid)
    // scrolled sideways, the names held over the cells: the same scroll, reported beside it
    await page.evaluate(`${grid}.scrollLeft = ${SIDEWAYS}`)
    const sideways = await traced(page, grid)
    await page.evaluate(`${grid}.scrollLeft = 0`)
    return {
      ms: edge.ms,
      extra: {
        ...edge.extra,
        sidewaysP95Ms: sideways.ms,
        sidewaysMedianMs: sideways.extra?.['medianMs'] ?? 0,
        sidewaysDragP95Ms: sideways.extra?.['dragP95Ms'] ?? 0,
        oneRowMovedP95Ms: oneRow.ms,
        minimalGridP95Ms: minimal.ms,
        overMinimal: edge.ms / minimal.ms,
      },
    }
  },
  teardown: async () => {
    await s?.close()
  },
  targets: [
    {
      figure: 'ms',
      max: 8,
      label: 'main-thread work per frame stays under 8 ms at p95 while scrolling',
    },
  ],
}

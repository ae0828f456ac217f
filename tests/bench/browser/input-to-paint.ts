/**
 * Input to paint in the page: the next input (or click) event starts the clock, the first
 * frame painted after a target's text changes stops it (a MutationObserver, then
 * requestAnimationFrame and a task, which runs after that frame is painted). The floor of
 * such a measurement is a bare text input whose handler writes one number.
 */
import type { Page } from '@playwright/test'
import type { Figures } from '../types'
import { waitInPage } from './workbench-app'

/** The floor's input and the element its handler writes to. */
export const FLOOR_INPUT = '#bench-floor-input'
export const FLOOR_OUTPUT = `document.getElementById('bench-floor-output')`

/** Arms one measurement: `event` starts it, a change of `target`'s text (a JS expression) ends it. */
const arm = (target: string, event: 'input' | 'click') => `(() => {
  const el = ${target}
  const before = el.textContent
  window.__crosswalkInputMs = undefined
  let t0
  document.addEventListener('${event}', () => { t0 = performance.now() }, { capture: true, once: true })
  const observer = new MutationObserver(() => {
    if (t0 === undefined || el.textContent === before) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => { window.__crosswalkInputMs = performance.now() - t0 }))
  })
  observer.observe(el, { subtree: true, childList: true, characterData: true })
})()`

/** Adds the floor's bare input and its output to the page. */
export async function addFloorInput(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const input = document.createElement('input')
    input.id = 'bench-floor-input'
    const out = document.createElement('span')
    out.id = 'bench-floor-output'
    input.addEventListener('input', () => { out.textContent = String(input.value.length) })
    document.body.append(input, out)
  })()`)
}

/**
 * Milliseconds from each step's event to the paint of `target`'s new text: typing each of
 * `queries` into `input`, then `clicks` clicks on `toggle`. The mean, and the worst as `worstMs`.
 */
export async function inputToPaint(
  page: Page,
  steps: {
    input: string
    target: string
    queries: readonly string[]
    toggle?: string
    clicks?: number
  },
  timeoutMs = 60_000,
): Promise<Figures> {
  const times: number[] = []
  const measure = async (event: 'input' | 'click', act: () => Promise<void>) => {
    await page.evaluate(arm(steps.target, event))
    await act()
    await waitInPage(page, 'window.__crosswalkInputMs !== undefined', timeoutMs)
    times.push(await page.evaluate<number>('window.__crosswalkInputMs'))
  }
  for (const query of steps.queries)
    await measure('input', () => page.locator(steps.input).fill(query))
  const toggle = steps.toggle
  if (toggle)
    for (let i = 0; i < (steps.clicks ?? 2); i++)
      await measure('click', () => page.locator(toggle).click())
  return {
    ms: times.reduce((a, b) => a + b, 0) / times.length,
    extra: { worstMs: Math.max(...times) },
  }
}

/**
 * Minimal rendering helpers on react-dom/client + act (no testing-library):
 * render into a fresh container, type like a user, click, and wait for a condition.
 */
import { act, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

// jsdom has no CSS.escape; react-aria uses it to look up meta tags. Enough of the spec for names.
if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
  const escape = (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (ch) => `\\${ch}`)
  Object.defineProperty(globalThis, 'CSS', { value: { escape }, configurable: true })
}

export interface Rendered {
  container: HTMLElement
  unmount: () => void
}

export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div')
  document.body.append(container)
  let root: Root | undefined
  await act(async () => {
    root = createRoot(container)
    root.render(ui)
  })
  return {
    container,
    unmount: () => {
      act(() => root?.unmount())
      container.remove()
    },
  }
}

/** Sets an input's value the way React notices (native setter + input event). */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    input.focus()
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
    setter?.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('click: no element')
  await act(async () => {
    element.click()
  })
}

export async function press(
  key: string,
  target: EventTarget = document.activeElement ?? document.body,
): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }))
  })
}

/** Polls `check` (inside act) until it returns a value or the time runs out. */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what = 'the condition',
  timeoutMs = 10_000,
): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`)
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10))
    })
  }
}

export function byRole(
  role: string,
  name: string | RegExp,
  root: ParentNode = document,
): HTMLElement | undefined {
  const candidates = [
    ...root.querySelectorAll<HTMLElement>(`[role="${role}"], ${implicitRole(role)}`),
  ]
  return candidates.find((el) => {
    const label = accessibleName(el)
    return typeof name === 'string' ? label === name : name.test(label)
  })
}

function implicitRole(role: string): string {
  const map: Record<string, string> = {
    button: 'button',
    textbox: 'input:not([type]), input[type="text"]',
    link: 'a[href]',
    heading: 'h1, h2, h3',
  }
  return map[role] ?? `[data-never-${role}]`
}

function accessibleName(el: HTMLElement): string {
  const label = el.getAttribute('aria-label')
  if (label) return label
  const labelledBy = el.getAttribute('aria-labelledby')
  if (labelledBy) {
    return labelledBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim()
  }
  return (el.textContent ?? '').trim()
}

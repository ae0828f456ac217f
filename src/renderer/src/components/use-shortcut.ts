import { useEffect, useLayoutEffect, useRef } from 'react'

/** How long the second key of a sequence such as `g w` may wait for the first. */
export const SEQUENCE_TIMEOUT_MS = 1500

/** True when a key press belongs to a text field or an open dialog, not to a global shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  return (
    target.closest(
      'input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"]',
    ) !== null
  )
}

/**
 * Calls `handler` when the key (or the key sequence, e.g. `['g', 'w']`) is typed
 * outside text fields and dialogs with no Ctrl/Alt/Meta held. Shift is allowed,
 * so `?` works on every keyboard layout.
 */
export function useShortcut(
  keys: string | readonly string[],
  handler: () => void,
  enabled = true,
): void {
  const latest = useRef(handler)
  // Keeps the newest handler without re-subscribing the document listener on every render.
  useLayoutEffect(() => {
    latest.current = handler
  })
  const sequence = typeof keys === 'string' ? keys : keys.join('\u0000')
  useEffect(() => {
    if (!enabled) return
    const expected = sequence.split('\u0000')
    let progress = 0
    let lastAt = 0
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return
      if (isTypingTarget(event.target)) return
      if (progress > 0 && event.timeStamp - lastAt > SEQUENCE_TIMEOUT_MS) progress = 0
      if (event.key === expected[progress]) {
        progress++
        lastAt = event.timeStamp
      } else {
        progress = event.key === expected[0] ? 1 : 0
        lastAt = event.timeStamp
      }
      if (progress === expected.length) {
        progress = 0
        event.preventDefault()
        latest.current()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [sequence, enabled])
}

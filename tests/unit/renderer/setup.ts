// Dates are shown in local time; the tests read them in UTC unless a test says otherwise.
// (Node honours a change of TZ at once; renderer code has no Node types, hence the cast.)
;(
  globalThis as unknown as { process: { env: Record<string, string | undefined> } }
).process.env.TZ = 'UTC'
import 'fake-indexeddb/auto'

// jsdom has no CSS.escape; react-aria's overlays use it.
const css = (globalThis as { CSS?: { escape?: (value: string) => string } }).CSS
if (!css?.escape) {
  Object.defineProperty(globalThis, 'CSS', {
    value: {
      ...css,
      escape: (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (ch) => `\\${ch}`),
    },
    configurable: true,
  })
}

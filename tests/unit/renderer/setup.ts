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

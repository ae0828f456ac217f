/**
 * The renderer's Content Security Policy, the one definition every host uses:
 * Electron main sends it as a response header for every page it loads,
 * `index.html` repeats it in a meta tag for file:// loads (which carry no
 * headers), and the browser-mode host sends it on every response. No
 * `unsafe-eval`, no inline scripts or styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

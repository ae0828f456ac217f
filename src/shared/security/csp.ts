/**
 * The renderer's Content Security Policy, the one definition every host uses:
 * Electron's `crosswalk://` protocol and its session send it as a response
 * header, the browser-mode host sends it on every response, and `index.html`
 * repeats it in a meta tag. No `unsafe-eval` (zod runs jitless), no inline
 * scripts or styles.
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

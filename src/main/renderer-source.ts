/**
 * Where the window loads the renderer from: the built `out/renderer` folder served as
 * `crosswalk://app/index.html` (see app-protocol.ts), or, in an unpackaged development run,
 * the electron-vite dev server named by `ELECTRON_RENDERER_URL`. A packaged app ignores
 * every such override, so an environment variable cannot point it at foreign code; the
 * same rule applies to endpoint overrides that aim connectors at the emulator.
 */
import path from 'node:path'
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-protocol'

/** The built renderer's folder (served by our scheme), or a development server. */
export type RendererSource = { kind: 'app'; dir: string } | { kind: 'url'; url: string }

export const DEV_RENDERER_URL_ENV = 'ELECTRON_RENDERER_URL'

/** True when development-only overrides (dev server, emulator endpoints) may be honoured. */
export function overridesAllowed(app: { isPackaged: boolean }): boolean {
  return !app.isPackaged
}

export function resolveRendererSource(
  app: { isPackaged: boolean },
  env: Readonly<Record<string, string | undefined>>,
  builtDir: string,
): RendererSource {
  const devUrl = env[DEV_RENDERER_URL_ENV]
  if (devUrl && overridesAllowed(app) && isLoopbackHttp(devUrl)) return { kind: 'url', url: devUrl }
  return { kind: 'app', dir: path.resolve(builtDir) }
}

function isLoopbackHttp(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  } catch {
    return false
  }
}

/** True when `url` is the app's own page: our scheme's index.html, or the dev server's origin. */
export function isAppUrl(source: RendererSource, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (source.kind === 'url') return parsed.origin === new URL(source.url).origin
  // Node's URL gives a custom scheme the origin "null", so scheme and host are compared
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.pathname === '/index.html' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/** The address `loadURL` gets for a source. */
export function rendererUrl(source: RendererSource): string {
  return source.kind === 'url' ? source.url : APP_INDEX_URL
}

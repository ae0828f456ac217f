/**
 * The built renderer (`out/renderer`) as read-only files, for every host that serves it:
 * the browser-mode server and Electron's `crosswalk://` protocol. Paths are decoded once,
 * refused if they hold `..` segments, backslashes or NUL bytes, and the real path of the
 * file must stay inside the root (symlinks cannot lead out of it).
 */
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

/** The Content-Type of a file the renderer build holds, from its extension. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

export type StaticLookup =
  { ok: true; file: string; size: number } | { ok: false; status: 400 | 404 }

/** Maps a URL pathname to a file inside `root`, or says why not. */
export async function resolveStaticFile(root: string, pathname: string): Promise<StaticLookup> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { ok: false, status: 400 }
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 }
  const segments = decoded.split('/').filter((s) => s.length > 0)
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 400 }
  const realRoot = await realpath(root)
  const candidate = path.join(realRoot, ...segments)
  try {
    let real = await realpath(candidate)
    let info = await stat(real)
    if (info.isDirectory()) {
      real = await realpath(path.join(real, 'index.html'))
      info = await stat(real)
    }
    if (!info.isFile() || !isInside(realRoot, real)) return { ok: false, status: 404 }
    return { ok: true, file: real, size: info.size }
  } catch {
    return { ok: false, status: 404 }
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  return relative.length > 0 && !relative.startsWith('..') && !path.isAbsolute(relative)
}

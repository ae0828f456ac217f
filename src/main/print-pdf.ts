/**
 * PDF from a standalone document in a hidden window: JavaScript off, no preload, its own
 * in-memory partition (no cookie, cache or storage of the app), no new window, no navigation
 * past the document itself, every permission refused. The document travels as a `data:` URL,
 * so nothing is written to disk; the window is destroyed whatever happens.
 */
import type { BrowserWindow, Session } from 'electron'
import { WEB_PREFERENCES } from './window'

export type PrintElectron = { BrowserWindow: typeof BrowserWindow }

/** Web preferences of the print window. */
export const PRINT_WEB_PREFERENCES = {
  ...WEB_PREFERENCES,
  javascript: false,
  partition: 'crosswalk-print',
} as const

/** Prints `html` (a whole standalone document) to PDF bytes, A4 with backgrounds. */
export async function printHtmlToPdf(electron: PrintElectron, html: string): Promise<Uint8Array> {
  const window = new electron.BrowserWindow({
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: { ...PRINT_WEB_PREFERENCES },
  })
  try {
    const contents = window.webContents
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
    contents.on('will-navigate', (event) => {
      if (event.url !== url) event.preventDefault()
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    const session = contents.session as Pick<Session, 'setPermissionRequestHandler'> | undefined
    session?.setPermissionRequestHandler((_c, _p, callback) => callback(false))
    await window.loadURL(url)
    const pdf = await contents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      displayHeaderFooter: false,
      preferCSSPageSize: true,
    })
    return new Uint8Array(pdf)
  } finally {
    if (!window.isDestroyed()) window.destroy()
  }
}

/**
 * Who may call the contract: only the main frame of our own window, showing our
 * own page. A subframe, another window, or our window after it was somehow
 * navigated elsewhere gets `untrusted-sender` (cf. VS Code's ipcMain validation).
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { isAppUrl, type RendererSource } from '../renderer-source'

export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>
export type SenderCheck = (event: SenderEvent) => boolean

type TrustedWindow = Pick<BrowserWindow, 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'mainFrame'>
}

export function createSenderCheck(
  getWindow: () => TrustedWindow | undefined,
  source: RendererSource,
): SenderCheck {
  return (event) => {
    const window = getWindow()
    if (!window || window.isDestroyed()) return false
    if (event.sender !== window.webContents) return false
    // null once the frame navigated or was destroyed.
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    const main = window.webContents.mainFrame
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false
    return isAppUrl(source, frame.url)
  }
}

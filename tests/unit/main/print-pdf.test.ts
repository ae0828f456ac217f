import { describe, expect, it } from 'vitest'
import type { BrowserWindow } from 'electron'
import { printHtmlToPdf } from '../../../src/main/print-pdf'
import { FakeBrowserWindow, createFakeElectron, navigationEvent } from './fake-electron'

const electron = () =>
  createFakeElectron('/tmp/crosswalk-print-test') as unknown as {
    BrowserWindow: typeof BrowserWindow
  }

describe('printHtmlToPdf', () => {
  it('prints in a hidden window with JavaScript off, no preload and its own partition', async () => {
    const pdf = await printHtmlToPdf(electron(), '<!doctype html><title>x</title><p>Zoë</p>')
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.4 fake')
    const [window] = FakeBrowserWindow.instances
    expect(window?.options.show).toBe(false)
    const prefs = window?.options.webPreferences ?? {}
    expect(prefs.javascript).toBe(false)
    expect(prefs.preload).toBeUndefined()
    expect(prefs.sandbox).toBe(true)
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.partition).toBe('crosswalk-print')
    const url = window?.webContents.loadedUrl ?? ''
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true)
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toContain('Zoë')
    expect(window?.webContents.printOptions).toMatchObject({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: false,
    })
    expect(window?.destroyed).toBe(true)
  })

  it('denies new windows, navigation away and permissions', async () => {
    await printHtmlToPdf(electron(), '<p>x</p>')
    const [window] = FakeBrowserWindow.instances
    const contents = window?.webContents
    expect(contents?.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    })
    const away = navigationEvent('https://evil.example/')
    contents?.emit('will-navigate', away)
    expect(away.prevented).toBe(true)
    const redirect = navigationEvent('https://evil.example/')
    contents?.emit('will-redirect', redirect)
    expect(redirect.prevented).toBe(true)
    let granted: boolean | undefined
    contents?.session.permissionRequestHandler?.(contents, 'media', (g) => (granted = g))
    expect(granted).toBe(false)
  })

  it('destroys the window when printing fails', async () => {
    const e = electron()
    const original = FakeBrowserWindow.prototype.loadURL
    FakeBrowserWindow.prototype.loadURL = function (this: FakeBrowserWindow, url: string) {
      this.webContents.printResult = () => Promise.reject(new Error('printing failed'))
      return original.call(this, url)
    }
    try {
      await expect(printHtmlToPdf(e, '<p>x</p>')).rejects.toThrow('printing failed')
    } finally {
      FakeBrowserWindow.prototype.loadURL = original
    }
    expect(FakeBrowserWindow.instances[0]?.destroyed).toBe(true)
  })
})

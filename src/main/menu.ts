/**
 * The application menu: standard roles only, plus About. Nothing in it opens an
 * external address. Developer tools appear only in unpackaged builds.
 */
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuOptions {
  appName: string
  isMac: boolean
  isPackaged: boolean
  onAbout: () => void
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = {
    label: `About ${options.appName}`,
    click: options.onAbout,
  }
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [about] },
  ]
}

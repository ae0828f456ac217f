import { describe, expect, it } from 'vitest'
import { buildMenuTemplate } from '../../../src/main/menu'

describe('buildMenuTemplate', () => {
  const flatten = (items: unknown[]): Record<string, unknown>[] =>
    (items as Record<string, unknown>[]).flatMap((item) => [
      item,
      ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
    ])

  it('has File, Edit, View, Window and Help, and About calls back', () => {
    let about = 0
    const template = buildMenuTemplate({
      appName: 'Crosswalk',
      isMac: false,
      isPackaged: true,
      onAbout: () => about++,
    })
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ])
    const item = flatten(template).find((i) => i.label === 'About Crosswalk') as {
      click: () => void
    }
    item.click()
    expect(about).toBe(1)
  })

  it('offers developer tools only in unpackaged builds, and an app menu on macOS', () => {
    const roles = (isPackaged: boolean, isMac: boolean) =>
      flatten(
        buildMenuTemplate({ appName: 'Crosswalk', isMac, isPackaged, onAbout: () => undefined }),
      ).map((i) => i.role)
    expect(roles(true, false)).not.toContain('toggleDevTools')
    expect(roles(false, false)).toContain('toggleDevTools')
    expect(roles(true, true)[0]).toBe('appMenu')
  })

  it('has no click handler other than About (nothing opens external addresses)', () => {
    const items = flatten(
      buildMenuTemplate({
        appName: 'Crosswalk',
        isMac: true,
        isPackaged: false,
        onAbout: () => undefined,
      }),
    )
    expect(items.filter((i) => typeof i.click === 'function').map((i) => i.label)).toEqual([
      'About Crosswalk',
    ])
  })
})

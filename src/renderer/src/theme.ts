/**
 * Light/dark theme. With no stored choice the CSS follows `prefers-color-scheme`;
 * a choice made with the toggle is stored and applied as `data-theme` on <html>.
 */
export type Theme = 'light' | 'dark'

export const THEME_STORAGE_KEY = 'crosswalk.theme'

export function storedTheme(storage: Pick<Storage, 'getItem'>): Theme | undefined {
  const value = storage.getItem(THEME_STORAGE_KEY)
  return value === 'light' || value === 'dark' ? value : undefined
}

export function systemTheme(win: Partial<Pick<Window, 'matchMedia'>>): Theme {
  // Some embedders (and test DOMs) have no matchMedia; light is the safe default.
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.dataset.theme = theme
}

export function saveTheme(storage: Pick<Storage, 'setItem'>, theme: Theme): void {
  storage.setItem(THEME_STORAGE_KEY, theme)
}

import { useCallback, useEffect, useState } from 'react'
import { Button } from 'react-aria-components'
import { applyTheme, saveTheme, storedTheme, systemTheme, type Theme } from '../theme'
import { useShortcut } from './use-shortcut'

/** The current theme: the stored choice, else the system preference. */
export function currentTheme(): Theme {
  return storedTheme(window.localStorage) ?? systemTheme(window)
}

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(currentTheme)
  // Until the user picks a theme, follow the system when it switches (e.g. at sunset).
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)')
    if (!query) return
    const follow = () => {
      if (!storedTheme(window.localStorage)) setTheme(query.matches ? 'dark' : 'light')
    }
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [])
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark'
    applyTheme(document.documentElement, next)
    saveTheme(window.localStorage, next)
    setTheme(next)
  }, [theme])
  useShortcut('t', toggle)
  return (
    <Button
      className="button button--quiet"
      onPress={toggle}
      aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
    >
      {theme === 'dark' ? 'Light theme' : 'Dark theme'}
    </Button>
  )
}

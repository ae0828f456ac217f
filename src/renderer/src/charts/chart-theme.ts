/**
 * Chart colours for the light and dark theme. SVG presentation attributes do not
 * resolve CSS variables, so the palette is chosen in script and follows the
 * theme: a stored choice (`data-theme` on <html>) or the system preference.
 * Every colour keeps at least 4.5:1 against the chart surface of its theme.
 */
import { useEffect, useState } from 'react'
import type { Severity } from '../../../shared/model/finding'

export interface ChartPalette {
  severity: Record<Severity, string>
  text: string
  grid: string
}

export const LIGHT_PALETTE: ChartPalette = {
  severity: {
    critical: '#a4161a',
    high: '#b93d06',
    medium: '#8a5a00',
    low: '#1d4ed8',
    info: '#52525b',
  },
  text: '#1b1f24',
  grid: '#d4d9e0',
}

export const DARK_PALETTE: ChartPalette = {
  severity: {
    critical: '#ff8a80',
    high: '#ffab70',
    medium: '#f2cc60',
    low: '#79b8ff',
    info: '#b5bcc6',
  },
  text: '#e6e9ee',
  grid: '#353c46',
}

function currentScheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme
  if (chosen === 'light' || chosen === 'dark') return chosen
  return typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light'
}

/** The palette of the theme in effect, updated when the theme or the system preference changes. */
export function useChartPalette(): ChartPalette {
  const [scheme, setScheme] = useState(currentScheme)
  useEffect(() => {
    const update = () => setScheme(currentScheme())
    const observer = new MutationObserver(update)
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    })
    const media =
      typeof window.matchMedia === 'function'
        ? window.matchMedia('(prefers-color-scheme: dark)')
        : undefined
    media?.addEventListener('change', update)
    return () => {
      observer.disconnect()
      media?.removeEventListener('change', update)
    }
  }, [])
  return scheme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE
}

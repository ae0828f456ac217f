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
  /** the two sides of the seam */
  entra: string
  okta: string
  success: string
  failure: string
  neutral: string
  /** categories (causes, sync states), in order */
  series: readonly string[]
  /** reference lines (today, 30/60/90 days) */
  mark: string
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
  entra: '#1f5fbf',
  okta: '#7a3db8',
  success: '#1a6b34',
  failure: '#a4161a',
  neutral: '#6b7280',
  series: ['#a4161a', '#1f5fbf', '#8a5a00', '#7a3db8', '#0f766e', '#b93d06', '#52525b'],
  mark: '#59636e',
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
  entra: '#79b8ff',
  okta: '#d2a8ff',
  success: '#8fd6a4',
  failure: '#ff8a80',
  neutral: '#b5bcc6',
  series: ['#ff8a80', '#79b8ff', '#f2cc60', '#d2a8ff', '#5fd4c4', '#ffab70', '#b5bcc6'],
  mark: '#9aa4b1',
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

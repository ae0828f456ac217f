/**
 * The app's one way of writing numbers and dates. Numbers get the user's thousands
 * separators; a date is written in local time as "2026-11-20 13:00" (sortable, unambiguous
 * across locales), and its UTC form is what a hover shows (see `<DateTime>`).
 */
const NUMBER = new Intl.NumberFormat()

/** 12345 → "12,345" (in the user's locale). */
export function formatNumber(value: number): string {
  return NUMBER.format(value)
}

/** "1 record", "12,345 records". */
export function formatCount(value: number, noun: string, plural = `${noun}s`): string {
  return `${formatNumber(value)} ${value === 1 ? noun : plural}`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO-8601 instant in local time: "2026-11-20 13:00". Unparseable input is returned as is. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** An ISO-8601 instant in UTC: "2026-11-20 12:00 UTC" (the hover of every date). */
export function formatUtc(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`
}

/** "1 min 5 s", "12 s", "< 1 s", "2 h 5 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return '< 1 s'
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ${s % 60} s`
  return `${Math.floor(m / 60)} h ${m % 60} min`
}

/** "3 days", "5 h", "12 min", "just now": how long ago `iso` was at `nowMs`. */
export function formatAge(iso: string, nowMs: number): string {
  const ms = nowMs - Date.parse(iso)
  if (!Number.isFinite(ms)) return ''
  const min = Math.floor(ms / 60_000)
  if (min < 1) return 'just now'
  if (min < 60) return `${min} min ago`
  const h = Math.floor(min / 60)
  if (h < 48) return `${h} h ago`
  return `${formatNumber(Math.floor(h / 24))} days ago`
}

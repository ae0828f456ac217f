import { formatDateTime, formatUtc } from '../format'

/** A date as the app writes every date: local time, with the UTC time on hover. */
export function DateTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatDateTime(iso)}
    </time>
  )
}

/**
 * The People grid's two header rows: the pair groups (with the mapping expression) and the
 * sortable columns, the name's cells staying in view while the rest scrolls sideways.
 */
import { memo } from 'react'
import type { Column, Group } from './people-columns'

export interface HeadProps {
  columns: readonly Column[]
  groups: readonly Group[]
  shown: readonly number[]
  width: number
  sort: string
  descending: boolean
  /** the header cell holding the focus, or -1 */
  activeCol: number
  onSort: (sort: string) => void
}

/** The two header rows; drawn again only when the sort, the columns in view or the active header change. */
export const GridHead = memo(function GridHead({
  columns,
  groups,
  shown,
  width,
  sort,
  descending,
  activeCol,
  onSort,
}: HeadProps) {
  const visible = new Set([0, ...shown])
  const headCell = (c: number) => {
    const col = columns[c] as Column
    const sorted = sort === col.sort
    return (
      <div
        key={c}
        role="columnheader"
        aria-colindex={c + 1}
        aria-sort={sorted ? (descending ? 'descending' : 'ascending') : 'none'}
        tabIndex={activeCol === c ? 0 : -1}
        data-col={c}
        className={`pp-colhead${c === 0 ? ' pp-cell--sticky' : ''}`}
        style={c === 0 ? { width: col.width } : { width: col.width, left: col.left }}
        onClick={() => onSort(col.sort)}
      >
        {col.label}
        <span aria-hidden="true" className="pp-sort">
          {sorted ? (descending ? '▼' : '▲') : ''}
        </span>
      </div>
    )
  }
  return (
    <div className="pp-head" style={{ width }} role="rowgroup">
      <div role="row" aria-rowindex={1} className="pp-head__groups">
        {groups
          .filter((g, i) => i === 0 || columns.some((c, k) => c.group === i && visible.has(k)))
          .map((g, i) => (
            <div
              key={g.first}
              role="columnheader"
              aria-colspan={g.span}
              aria-colindex={g.first + 1}
              className={`pp-group${i === 0 ? ' pp-cell--sticky' : ''}`}
              style={i === 0 ? { width: g.width } : { width: g.width, left: g.left }}
              title={g.title}
            >
              <span className="pp-group__label">{g.label}</span>
              {g.title && <span className="pp-group__expr">{g.title}</span>}
            </div>
          ))}
      </div>
      <div role="row" aria-rowindex={2} className="pp-head__cols">
        {headCell(0)}
        {shown.map(headCell)}
      </div>
    </div>
  )
})

import { useId, type RefObject } from 'react'
import { Button } from 'react-aria-components'
import type { AttributePair } from '../../../../shared/compare/attribute-pairs'
import { JOIN_KEYS, JOIN_KEY_LABELS } from '../../../../shared/compare/join'
import {
  ROW_CLASSES,
  ROW_CLASS_LABELS,
  ROW_STATUSES,
  ROW_STATUS_LABELS,
} from '../../../../shared/compare/people-rows'
import { formatNumber } from '../../format'
import { EMPTY_CRITERIA, type PeopleCriteria } from './people-criteria'

interface Props {
  criteria: PeopleCriteria
  pairs: readonly AttributePair[]
  /** rows per status, for the checkboxes */
  statusCounts: readonly number[]
  onChange: (criteria: PeopleCriteria) => void
  searchRef?: RefObject<HTMLInputElement | null>
}

/** Search across both sides, and the status, key, class and attribute filters. */
export function PeopleFilters({ criteria, pairs, statusCounts, onChange, searchRef }: Props) {
  const searchId = useId()
  const keyId = useId()
  const classId = useId()
  const attrId = useId()
  const set = (patch: Partial<PeopleCriteria>) => onChange({ ...criteria, ...patch })
  return (
    <form
      role="search"
      aria-label="Filter people"
      className="wb-filters pp-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label className="field__label" htmlFor={searchId}>
          Search both sides
        </label>
        <input
          id={searchId}
          ref={searchRef}
          className="field__input"
          type="search"
          aria-keyshortcuts="/"
          value={criteria.search}
          placeholder="name, UPN, login, any value…"
          onChange={(event) => set({ search: event.target.value })}
        />
      </div>
      <fieldset>
        <legend>Status</legend>
        {ROW_STATUSES.map((status, i) => (
          <label key={status}>
            <input
              type="checkbox"
              checked={criteria.statuses.includes(status)}
              onChange={(event) =>
                set({
                  statuses: event.target.checked
                    ? [...criteria.statuses, status]
                    : criteria.statuses.filter((s) => s !== status),
                })
              }
            />
            {ROW_STATUS_LABELS[status]}{' '}
            <span className="muted">({formatNumber(statusCounts[i] ?? 0)})</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={keyId}>
          Joined by
        </label>
        <select
          id={keyId}
          className="field__input"
          value={criteria.key}
          onChange={(event) => set({ key: event.target.value as PeopleCriteria['key'] })}
        >
          <option value="">Any key</option>
          {JOIN_KEYS.map((k) => (
            <option key={k} value={k} title={JOIN_KEY_LABELS[k]}>
              {k}
            </option>
          ))}
          <option value="none">No key</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={classId}>
          Class
        </label>
        <select
          id={classId}
          className="field__input"
          value={criteria.population}
          onChange={(event) =>
            set({ population: event.target.value as PeopleCriteria['population'] })
          }
        >
          <option value="">Every class</option>
          {ROW_CLASSES.map((c) => (
            <option key={c} value={c}>
              {ROW_CLASS_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={attrId}>
          Attribute
        </label>
        <select
          id={attrId}
          className="field__input"
          value={criteria.attribute}
          onChange={(event) => set({ attribute: event.target.value })}
        >
          <option value="">Every attribute</option>
          {pairs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <label className="pp-check">
        <input
          type="checkbox"
          checked={criteria.mismatched}
          onChange={(event) => set({ mismatched: event.target.checked })}
        />
        Only where it differs
      </label>
      <Button
        className="button"
        onPress={() =>
          onChange({ ...EMPTY_CRITERIA, sort: criteria.sort, descending: criteria.descending })
        }
      >
        Clear filters
      </Button>
    </form>
  )
}

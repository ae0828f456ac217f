import type { RefObject } from 'react'
import { Button } from 'react-aria-components'
import type { AttributePair } from '../../../../shared/compare/attribute-pairs'
import { JOIN_KEYS, JOIN_KEY_LABELS } from '../../../../shared/compare/join'
import {
  ROW_CLASSES,
  ROW_CLASS_LABELS,
  ROW_STATUSES,
  ROW_STATUS_LABELS,
} from '../../../../shared/compare/people-rows'
import { CheckboxGroup, SearchField, SelectField } from '../../components/filter-fields'
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
  const set = (patch: Partial<PeopleCriteria>) => onChange({ ...criteria, ...patch })
  return (
    <form
      role="search"
      aria-label="Filter people"
      className="wb-filters pp-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <SearchField
        label="Search both sides"
        value={criteria.search}
        placeholder="name, UPN, login, any value…"
        onChange={(search) => set({ search })}
        inputRef={searchRef}
      />
      <CheckboxGroup
        legend="Status"
        options={ROW_STATUSES}
        labels={ROW_STATUS_LABELS}
        isChecked={(status) => criteria.statuses.includes(status)}
        count={(status) => statusCounts[ROW_STATUSES.indexOf(status)] ?? 0}
        onToggle={(status, on) =>
          set({
            statuses: on
              ? [...criteria.statuses, status]
              : criteria.statuses.filter((s) => s !== status),
          })
        }
      />
      <SelectField
        label="Joined by"
        value={criteria.key}
        onChange={(key) => set({ key: key as PeopleCriteria['key'] })}
      >
        <option value="">Any key</option>
        {JOIN_KEYS.map((k) => (
          <option key={k} value={k} title={JOIN_KEY_LABELS[k]}>
            {k}
          </option>
        ))}
        <option value="none">No key</option>
      </SelectField>
      <SelectField
        label="Class"
        value={criteria.population}
        onChange={(population) => set({ population: population as PeopleCriteria['population'] })}
      >
        <option value="">Every class</option>
        {ROW_CLASSES.map((c) => (
          <option key={c} value={c}>
            {ROW_CLASS_LABELS[c]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Attribute"
        value={criteria.attribute}
        onChange={(attribute) => set({ attribute })}
      >
        <option value="">Every attribute</option>
        {pairs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </SelectField>
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

import type { RefObject } from 'react'
import { Button } from 'react-aria-components'
import { CATEGORIES, SEVERITIES } from '../../../../shared/model/finding'
import type { Facets } from '../../../../shared/findings-filter'
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../../../shared/overview/summary'
import { CheckboxGroup, SearchField, SelectField } from '../../components/filter-fields'
import { formatNumber } from '../../format'
import { DECISIONS, GROUPINGS, SOURCES, toggled, type ScreenCriteria } from './findings-criteria'

interface Props {
  criteria: ScreenCriteria
  facets: Facets
  onChange: (criteria: ScreenCriteria) => void
  /** the search input, for the `/` shortcut */
  searchRef?: RefObject<HTMLInputElement | null>
}

const SOURCE_LABELS = { entra: 'Entra', okta: 'Okta' } as const
const DECISION_LABELS = { open: 'Open', accepted: 'Accepted', ignored: 'Ignored' } as const

/** Search, severity, source, state and category filters, and the grouping. */
export function FindingsFilters({ criteria, facets, onChange, searchRef }: Props) {
  const category = [...(criteria.categories ?? [])][0] ?? ''
  const set = (patch: Partial<ScreenCriteria>) => onChange({ ...criteria, ...patch })

  return (
    <form
      role="search"
      aria-label="Filter findings"
      className="wb-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <SearchField
        label="Search"
        value={criteria.text ?? ''}
        placeholder="user, app, rule, AADSTS code…"
        onChange={(text) => set({ text })}
        inputRef={searchRef}
      />
      <CheckboxGroup
        legend="Severity"
        options={SEVERITIES}
        labels={SEVERITY_LABELS}
        isChecked={(s) => criteria.severities?.has(s) ?? false}
        count={(s) => facets.severities[s]}
        onToggle={(s, on) => set({ severities: toggled(criteria.severities, s, on) })}
      />
      <CheckboxGroup
        legend="Source"
        options={SOURCES}
        labels={SOURCE_LABELS}
        isChecked={(s) => criteria.sources?.has(s) ?? false}
        count={(s) => facets.sources[s]}
        onToggle={(s, on) => set({ sources: toggled(criteria.sources, s, on) })}
      />
      <CheckboxGroup
        legend="State"
        options={DECISIONS}
        labels={DECISION_LABELS}
        isChecked={(d) => criteria.decisions?.has(d) ?? false}
        onToggle={(d, on) => set({ decisions: toggled(criteria.decisions, d, on) })}
      />
      <SelectField
        label="Category"
        value={category}
        onChange={(value) => set({ categories: new Set(CATEGORIES.filter((c) => c === value)) })}
      >
        <option value="">All categories</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]} ({formatNumber(facets.categories[c] ?? 0)})
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Group by"
        value={criteria.groupBy}
        onChange={(value) =>
          set({ groupBy: GROUPINGS.find((g) => g.value === value)?.value ?? 'rule' })
        }
      >
        {GROUPINGS.map((g) => (
          <option key={g.value} value={g.value}>
            {g.label}
          </option>
        ))}
      </SelectField>
      <Button
        className="button"
        onPress={() =>
          onChange({
            text: '',
            severities: new Set(),
            categories: new Set(),
            sources: new Set(),
            decisions: new Set(),
            groupBy: criteria.groupBy,
          })
        }
      >
        Clear filters
      </Button>
    </form>
  )
}

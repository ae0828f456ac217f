import { useId, type RefObject } from 'react'
import { Button } from 'react-aria-components'
import { CATEGORIES, SEVERITIES } from '../../../../shared/model/finding'
import type { Facets } from '../../../../shared/findings-filter'
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../../../shared/overview/summary'
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
  const searchId = useId()
  const categoryId = useId()
  const groupId = useId()
  const category = [...(criteria.categories ?? [])][0] ?? ''
  const set = (patch: Partial<ScreenCriteria>) => onChange({ ...criteria, ...patch })

  return (
    <form
      role="search"
      aria-label="Filter findings"
      className="wb-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label className="field__label" htmlFor={searchId}>
          Search
        </label>
        <input
          id={searchId}
          ref={searchRef}
          className="field__input"
          type="search"
          aria-keyshortcuts="/"
          value={criteria.text ?? ''}
          placeholder="user, app, rule, AADSTS code…"
          onChange={(event) => set({ text: event.target.value })}
        />
      </div>
      <fieldset>
        <legend>Severity</legend>
        {SEVERITIES.map((severity) => (
          <label key={severity}>
            <input
              type="checkbox"
              checked={criteria.severities?.has(severity) ?? false}
              onChange={(event) =>
                set({ severities: toggled(criteria.severities, severity, event.target.checked) })
              }
            />
            {SEVERITY_LABELS[severity]}{' '}
            <span className="muted">({formatNumber(facets.severities[severity])})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Source</legend>
        {SOURCES.map((source) => (
          <label key={source}>
            <input
              type="checkbox"
              checked={criteria.sources?.has(source) ?? false}
              onChange={(event) =>
                set({ sources: toggled(criteria.sources, source, event.target.checked) })
              }
            />
            {SOURCE_LABELS[source]}{' '}
            <span className="muted">({formatNumber(facets.sources[source])})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>State</legend>
        {DECISIONS.map((decision) => (
          <label key={decision}>
            <input
              type="checkbox"
              checked={criteria.decisions?.has(decision) ?? false}
              onChange={(event) =>
                set({ decisions: toggled(criteria.decisions, decision, event.target.checked) })
              }
            />
            {DECISION_LABELS[decision]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={categoryId}>
          Category
        </label>
        <select
          id={categoryId}
          className="field__input"
          value={category}
          onChange={(event) =>
            set({
              categories: new Set(CATEGORIES.filter((c) => c === event.target.value)),
            })
          }
        >
          <option value="">All categories</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]} ({formatNumber(facets.categories[c] ?? 0)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={groupId}>
          Group by
        </label>
        <select
          id={groupId}
          className="field__input"
          value={criteria.groupBy}
          onChange={(event) =>
            set({ groupBy: GROUPINGS.find((g) => g.value === event.target.value)?.value ?? 'rule' })
          }
        >
          {GROUPINGS.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      </div>
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

import { memo, useState } from 'react'
import { Button, GridList, GridListItem } from 'react-aria-components'
import type { FindingGroup } from '../../../../shared/findings-filter'
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../../../shared/overview/summary'
import type { FindingStateRow } from '../../db'
import { formatNumber } from '../../format'

/** Rows added by each "Show more". */
export const PAGE_SIZE = 100
/** Rows rendered at first across all groups; keeps a 10k-finding list quick to render and filter. */
export const INITIAL_ROWS = 100

interface Props {
  groups: FindingGroup[]
  selectedId: string | undefined
  decisions: ReadonlyMap<string, FindingStateRow>
  onOpen: (findingId: string) => void
}

function GroupList({
  group,
  selectedId,
  decisions,
  onOpen,
  showHeading,
  initial,
}: Omit<Props, 'groups'> & { group: FindingGroup; showHeading: boolean; initial: number }) {
  const [shown, setShown] = useState(initial)
  // A finding opened from elsewhere (j/k, a link) is never hidden behind "Show more", and the
  // list stays paged that far (set while rendering: React re-renders at once, nothing flickers).
  const selectedAt = selectedId ? group.items.findIndex((i) => i.finding.id === selectedId) : -1
  const needed = Math.ceil((selectedAt + 1) / PAGE_SIZE) * PAGE_SIZE
  if (needed > shown) setShown(needed)
  const items = group.items.slice(0, Math.max(shown, needed))
  const hidden = group.items.length - Math.max(shown, needed)
  const next = Math.min(PAGE_SIZE, hidden)
  const headingId = `group-${group.key}`
  return (
    <section className="wb-group" aria-labelledby={showHeading ? headingId : undefined}>
      {showHeading && (
        <h3 id={headingId}>
          <span className={`chip chip--${group.worst}`}>{formatNumber(group.items.length)}</span>
          {group.label}
        </h3>
      )}
      <GridList
        aria-label={showHeading ? group.label : 'Findings'}
        className="wb-list"
        items={items.map((item) => ({ id: item.finding.id, item }))}
        onAction={(key) => onOpen(String(key))}
        // letters are the screen's shortcuts (j, k, /), not a jump to a title's first letter
        disallowTypeAhead
      >
        {({ id, item }) => {
          const f = item.finding
          const state = decisions.get(f.id)?.state
          return (
            <GridListItem
              id={id}
              textValue={f.title}
              className="wb-list__item"
              data-current={id === selectedId || undefined}
              data-finding-id={id}
            >
              <span className={`chip chip--${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
              <span>{f.title}</span>
              <span className="wb-list__meta">
                {f.rule} · {CATEGORY_LABELS[f.category]}
                {state && state !== 'open' && ` · ${state}`}
                {id === selectedId && <span className="visually-hidden"> (shown)</span>}
              </span>
            </GridListItem>
          )
        }}
      </GridList>
      {hidden > 0 && (
        <Button
          className="button button--small wb-more"
          onPress={() => setShown(Math.max(shown, needed) + PAGE_SIZE)}
          aria-label={`Show ${formatNumber(next)} more of “${group.label}” (${formatNumber(hidden)} not shown)`}
        >
          {next === hidden
            ? `Show the other ${formatNumber(hidden)}`
            : `Show ${formatNumber(next)} more (${formatNumber(hidden)} not shown)`}
        </Button>
      )}
    </section>
  )
}

/**
 * Findings in groups, each a keyboard-navigable grid list (arrows move, Enter opens).
 * The first render shares INITIAL_ROWS among the groups (at least one row each), so a
 * 10k-finding snapshot renders about a hundred rows however it is grouped; memoised,
 * so typing in the filters re-renders the list only when its groups change.
 */
export const FindingsList = memo(function FindingsList({ groups, ...rest }: Props) {
  const showHeading = !(groups.length === 1 && groups[0]?.key === 'all')
  const initial = Math.max(1, Math.floor(INITIAL_ROWS / Math.max(1, groups.length)))
  return (
    <div className="wb-groups">
      {groups.map((group) => (
        <GroupList
          key={group.key}
          group={group}
          showHeading={showHeading}
          initial={initial}
          {...rest}
        />
      ))}
    </div>
  )
})

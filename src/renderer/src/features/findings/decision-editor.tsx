import { useId, useState } from 'react'
import { Button } from 'react-aria-components'
import type { FindingStateRow, FindingStateValue } from '../../db'
import { formatDateTime } from '../../format'

const CHOICES: { value: FindingStateValue; label: string; hint: string }[] = [
  { value: 'open', label: 'Open', hint: 'still to be fixed' },
  { value: 'accepted', label: 'Accepted', hint: 'known and accepted as is' },
  { value: 'ignored', label: 'Ignored', hint: 'not relevant here' },
]

interface Props {
  findingId: string
  current: FindingStateRow | undefined
  onSave: (state: FindingStateValue, note: string) => Promise<void>
}

/** The workspace's decision on a finding; kept by finding id, so it survives new snapshots. */
export function DecisionEditor({ findingId, current, onSave }: Props) {
  const [state, setState] = useState<FindingStateValue>(current?.state ?? 'open')
  const [note, setNote] = useState(current?.note ?? '')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string>()
  const name = useId()
  const noteId = useId()
  const dirty = state !== (current?.state ?? 'open') || note !== (current?.note ?? '')

  const save = async () => {
    setSaving(true)
    setError(undefined)
    try {
      await onSave(state, note.trim())
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="form wb-decision"
      aria-label="Decision on this finding"
      data-finding-id={findingId}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <fieldset className="wb-radios">
        <legend>State</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value}>
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={state === choice.value}
              onChange={() => setState(choice.value)}
            />{' '}
            {choice.label} <span className="muted">({choice.hint})</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={noteId}>
          Note
        </label>
        <textarea
          id={noteId}
          className="field__input"
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder="Why, who agreed, ticket number…"
        />
      </div>
      <div>
        <Button type="submit" className="button button--primary" isDisabled={!dirty || saving}>
          Save decision
        </Button>{' '}
        <span className="muted" role="status">
          {current && !dirty
            ? `${current.state[0]!.toUpperCase()}${current.state.slice(1)} since ${formatDateTime(current.updatedAt)}`
            : ''}
        </span>
      </div>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

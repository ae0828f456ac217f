/**
 * The fields of a screen's filter bar (`.wb-filters`): a search box that `/` focuses, a set of
 * checkboxes with their counts, and a labelled select. Findings and People filter with them.
 */
import { useId, type ReactNode, type RefObject } from 'react'
import { formatNumber } from '../format'

/** A field: its label above the control that `control` draws with the given id. */
function Field({ label, control }: { label: string; control: (id: string) => ReactNode }) {
  const id = useId()
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {control(id)}
    </div>
  )
}

/** A labelled search box; `inputRef` lets the `/` shortcut focus it. */
export function SearchField({
  label,
  value,
  placeholder,
  onChange,
  inputRef,
}: {
  label: string
  value: string
  placeholder: string
  onChange: (value: string) => void
  inputRef?: RefObject<HTMLInputElement | null> | undefined
}) {
  return (
    <Field
      label={label}
      control={(id) => (
        <input
          id={id}
          ref={inputRef}
          className="field__input"
          type="search"
          aria-keyshortcuts="/"
          value={value}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    />
  )
}

/** A checkbox per option under a legend, each with its count when `count` is given. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  labels,
  isChecked,
  count,
  onToggle,
}: {
  legend: string
  options: readonly T[]
  labels: Readonly<Record<T, string>>
  isChecked: (option: T) => boolean
  count?: (option: T) => number
  onToggle: (option: T, checked: boolean) => void
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input
            type="checkbox"
            checked={isChecked(option)}
            onChange={(event) => onToggle(option, event.target.checked)}
          />
          {labels[option]}
          {count && (
            <>
              {' '}
              <span className="muted">({formatNumber(count(option))})</span>
            </>
          )}
        </label>
      ))}
    </fieldset>
  )
}

/** A labelled select; `children` are its options. */
export function SelectField({
  label,
  value,
  onChange,
  children,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  children: ReactNode
}) {
  return (
    <Field
      label={label}
      control={(id) => (
        <select
          id={id}
          className="field__input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {children}
        </select>
      )}
    />
  )
}

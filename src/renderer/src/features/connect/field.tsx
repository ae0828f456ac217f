import { useId, type ChangeEvent, type ReactNode } from 'react'
import type { DoctorProblem } from '../../../../shared/ipc/connections'

interface FieldProps {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  hint?: ReactNode
  /** what is stored already (secret hint, expiry), shown instead of the secret */
  stored?: ReactNode
  error?: string
  warning?: string
  /** the connection doctor's findings for this field, with their fixes */
  problems?: DoctorProblem[]
  multiline?: boolean
  secret?: boolean
  placeholder?: string
  /** reads a file into the field (certificates, keys) */
  fileAccept?: string
}

/**
 * One labelled input with everything that belongs to it in its description: the hint,
 * what is stored, a validation error or warning, and the doctor's problems with the fix.
 */
export function Field(props: FieldProps) {
  const id = useId()
  const describedBy: string[] = []
  const part = (suffix: string) => {
    describedBy.push(`${id}-${suffix}`)
    return `${id}-${suffix}`
  }
  const hasProblemError = props.problems?.some((p) => p.severity === 'error') ?? false
  const invalid = !!props.error || hasProblemError
  const description = (
    <>
      {props.hint && (
        <span className="field__hint" id={part('hint')}>
          {props.hint}
        </span>
      )}
      {props.stored && (
        <span className="field__stored" id={part('stored')}>
          {props.stored}
        </span>
      )}
      {props.error && (
        <span className="field__error" id={part('error')}>
          {props.error}
        </span>
      )}
      {props.warning && (
        <span className="field__warning" id={part('warning')}>
          {props.warning}
        </span>
      )}
      {props.problems?.map((problem, i) => (
        <span
          key={`${problem.code}-${i}`}
          className={`field__problem field__problem--${problem.severity}`}
          id={part(`problem-${i}`)}
          data-problem-code={problem.code}
          role="alert"
        >
          <strong>{problem.message}</strong> <span className="field__fix">Fix: {problem.fix}</span>
        </span>
      ))}
    </>
  )
  const common = {
    id,
    name: props.name,
    className: 'field__input',
    value: props.value,
    placeholder: props.placeholder,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy.join(' ') || undefined,
    'data-invalid': invalid || undefined,
    autoComplete: 'off',
    spellCheck: false,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      props.onChange(event.target.value),
  }
  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (file) props.onChange(await file.text())
    event.target.value = ''
  }
  return (
    <div className="field" data-field={props.name}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        <input {...common} type={props.secret ? 'password' : 'text'} />
      )}
      {props.fileAccept && (
        <label className="field__file">
          <span className="button button--small button--quiet">Load from file…</span>
          <input
            type="file"
            accept={props.fileAccept}
            className="visually-hidden"
            aria-label={`${props.label}: load from file`}
            onChange={(event) => void handleFile(event)}
          />
        </label>
      )}
      {description}
    </div>
  )
}

interface ChoiceProps<T extends string> {
  legend: string
  name: string
  value: T
  options: readonly { value: T; label: string }[]
  onChange: (value: T) => void
}

/** A small radio group (auth kind). */
export function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: ChoiceProps<T>) {
  return (
    <fieldset className="choice">
      <legend className="field__label">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}

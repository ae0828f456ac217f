/**
 * The command line as the subcommands read it: options as `--flag value` or `--flag=value`,
 * anything else a positional argument. Each command decides what its options mean.
 */
import { CliError } from './command'

/** One argument: an option (with its value on demand) or a positional. */
export interface ArgToken {
  /** the option's name (`--format`, from `--format=csv` too), or the positional itself */
  flag: string
  /** the argument as given */
  arg: string
  /** the value given with `=`, if any */
  inline: string | undefined
  /** the option's value: the one given with `=`, else the next argument (a usage error if none) */
  value: () => string
}

/** Calls `each` for every argument in order; an option's `value()` takes the next argument. */
export function forEachArg(args: readonly string[], each: (token: ArgToken) => void): void {
  const rest = [...args]
  while (rest.length > 0) {
    const arg = rest.shift() as string
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq > 0 ? arg.slice(0, eq) : arg
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined
    each({
      flag,
      arg,
      inline,
      value: () => {
        const v = inline ?? rest.shift()
        if (v === undefined || v === '') throw new CliError(`${flag} needs a value.`)
        return v
      },
    })
  }
}

/** `value` when it is one of `choices`; otherwise a usage error that names them. */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value))
    throw new CliError(`${flag} must be one of ${choices.join(', ')} (got "${value}").`)
  return value as T
}

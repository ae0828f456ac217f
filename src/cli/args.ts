/** Reading a command's arguments: flags with values (`--flag v` or `--flag=v`) and choices. */
import { CliError } from './command'

export interface Arg {
  /** the argument as given */
  arg: string
  /** the flag without an inline value (`--format` of `--format=json`), or the argument */
  flag: string
  /** the flag's value: inline, else the next argument; a clear error when there is none */
  value: () => string
}

/** Walks `args` in order; reading a value consumes the next argument. */
export function* readArgs(args: readonly string[]): Generator<Arg> {
  const rest = [...args]
  while (rest.length > 0) {
    const arg = rest.shift() as string
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq > 0 ? arg.slice(0, eq) : arg
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined
    yield {
      arg,
      flag,
      value: () => {
        const v = inline ?? rest.shift()
        if (v === undefined || v === '') throw new CliError(`${flag} needs a value.`)
        return v
      },
    }
  }
}

/** `value` when it is one of `choices`, else a clear error naming them. */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value))
    throw new CliError(`${flag} must be one of ${choices.join(', ')} (got "${value}").`)
  return value as T
}

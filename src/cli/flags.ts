/**
 * The one reader of a subcommand's arguments: `--flag value` and `--flag=value`, and
 * positional operands. Each command says what its flags mean; the wording of the errors
 * (a flag without its value, a value out of its list, an unknown option) is the same
 * everywhere.
 */
import { CliError } from './command'

/** One flag as the command sees it. */
export interface Flag {
  /** the flag as typed, without an inline `=value` (`--format`) */
  readonly name: string
  /** its value: the inline one or the next argument; a missing or empty one is an error */
  value(): string
  /** its value, which must be one of `allowed` (compared after `normalise`) */
  oneOf<T extends string>(allowed: readonly T[], normalise?: (v: string) => string): T
}

/**
 * Walks `args`: calls `onFlag` for every argument that starts with `-` and `onOperand`
 * for the others. `onFlag` returns false for a flag it does not know, which stops with
 * "Unknown option … Run crosswalk COMMAND --help."
 */
export function readFlags(
  command: string,
  args: readonly string[],
  onFlag: (flag: Flag) => boolean,
  onOperand: (operand: string) => void,
): void {
  const rest = [...args]
  while (rest.length > 0) {
    const arg = rest.shift() as string
    if (!arg.startsWith('-') || arg === '-') {
      onOperand(arg)
      continue
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const name = eq > 0 ? arg.slice(0, eq) : arg
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined
    let taken: string | undefined
    const value = (): string => {
      if (taken !== undefined) return taken
      const v = inline ?? rest.shift()
      if (v === undefined || v === '') throw new CliError(`${name} needs a value.`)
      taken = v
      return v
    }
    const flag: Flag = {
      name,
      value,
      oneOf<T extends string>(allowed: readonly T[], normalise = (v: string) => v): T {
        const v = normalise(value())
        if (!(allowed as readonly string[]).includes(v))
          throw new CliError(`${name} must be one of ${allowed.join(', ')} (got "${v}").`)
        return v as T
      },
    }
    if (!onFlag(flag))
      throw new CliError(`Unknown option ${name}. Run crosswalk ${command} --help.`)
  }
}

/** A comma-separated list value, trimmed, without empty items. */
export function listValue(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
}

import type { CliCommand } from '../command'

/** Every subcommand, in the order `crosswalk --help` lists them. */
export const COMMANDS: readonly CliCommand[] = []

/**
 * One CLI subcommand. `run` returns the process exit code:
 * 0 ok, 1 findings at or above `--fail-on` (or an incomplete collection),
 * 2 usage or input error. Errors that stop a command are thrown as `CliError`
 * and printed as one clear line on stderr by the dispatcher.
 */
import type { WriterFs } from '../node/atomic-file'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  /** true when stdout is a terminal (progress bars instead of line logs) */
  isTty: boolean
  /** the file operations of snapshot writes; tests inject a failing one (a full disk) */
  writerFs?: WriterFs
  /** standard input, for a command that reads `-` */
  stdin?: () => AsyncIterable<Uint8Array>
}

export interface CliCommand {
  name: string
  /** one line for `crosswalk --help` */
  summary: string
  /** the full usage text for `crosswalk NAME --help` */
  usage: string
  run: (args: readonly string[], io: CliIo) => Promise<number>
}

export const EXIT_OK = 0
export const EXIT_FINDINGS = 1
export const EXIT_USAGE = 2

/** A user-facing error: printed as one line on stderr, with the exit code given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

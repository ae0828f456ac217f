import type { CliCommand } from '../command'
import { collectCommand } from './collect'
import { compareCommand } from './compare'
import { diagnoseCommand } from './diagnose'
import { diffCommand } from './diff'
import { doctorCommand } from './doctor'
import { explainCommand } from './explain'
import { inspectCommand } from './inspect'
import { exportCommand } from './export'

/** Every subcommand, in the order `crosswalk --help` lists them (the order of the work). */
export const COMMANDS: readonly CliCommand[] = [
  doctorCommand,
  collectCommand,
  diagnoseCommand,
  explainCommand,
  inspectCommand,
  compareCommand,
  exportCommand,
  diffCommand,
]

/** The `crosswalk` executable's entry: wires the process to the dispatcher. */
import '../shared/validation/configure-zod'
import { COMMANDS } from './commands'
import { runCli } from './main'

const code = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTty: Boolean(process.stdout.isTTY),
    stdin: () => process.stdin,
  },
  COMMANDS,
)
process.exitCode = code

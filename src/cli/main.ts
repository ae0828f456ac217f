/**
 * The CLI dispatcher: global flags, subcommand lookup, exit codes, and the rule
 * that every failure reaches the user as one clear line on stderr.
 */
import { appVersion } from '../node/version'
import { escapeTerminalValue } from '../shared/text/terminal'
import { CliError, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './command'
import { createOutput, type CliOutput } from './output'

export function renderHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8)
  return [
    'crosswalk — diagnose hybrid identity between Microsoft Entra ID and Okta',
    '',
    'Usage: crosswalk [--data-dir DIR] COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --data-dir DIR   where Crosswalk keeps its data (also CROSSWALK_DATA_DIR)',
    '  -h, --help       show help (crosswalk COMMAND --help for a command)',
    '  -V, --version    show the version',
    '',
    'Exit codes: 0 ok, 1 findings at or above --fail-on or an incomplete run, 2 usage or input error.',
    '',
  ].join('\n')
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[],
): Promise<number> {
  const args = [...argv]
  const print = createOutput(io)
  let env = io.env
  while (args[0]?.startsWith('-')) {
    const flag = args.shift()!
    if (flag === '-h' || flag === '--help') {
      print.out(renderHelp(commands))
      return EXIT_OK
    }
    if (flag === '-V' || flag === '--version') {
      print.out(`${appVersion()}\n`)
      return EXIT_OK
    }
    if (flag === '--data-dir' || flag.startsWith('--data-dir=')) {
      const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : args.shift()
      if (!value) return usageError(print, '--data-dir needs a directory.')
      env = { ...env, CROSSWALK_DATA_DIR: value }
      continue
    }
    return usageError(print, `Unknown option ${flag}. Run crosswalk --help.`)
  }
  const name = args.shift()
  if (!name) {
    print.err(renderHelp(commands))
    return EXIT_USAGE
  }
  if (name === 'help') {
    const target = commands.find((c) => c.name === args[0])
    print.out(target ? `${target.usage.trimEnd()}\n` : renderHelp(commands))
    return EXIT_OK
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    return usageError(
      print,
      `Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}.`,
    )
  }
  if (args.includes('--help') || args.includes('-h')) {
    print.out(`${command.usage.trimEnd()}\n`)
    return EXIT_OK
  }
  try {
    return await command.run(args, { ...io, env })
  } catch (error) {
    if (error instanceof CliError) {
      print.err(`crosswalk ${command.name}: ${oneLine(error.message)}\n`)
      return error.exitCode
    }
    const message = error instanceof Error ? error.message : String(error)
    print.err(`crosswalk ${command.name}: unexpected failure: ${oneLine(message)}\n`)
    return EXIT_USAGE
  }
}

function usageError(print: CliOutput, message: string): number {
  print.err(`crosswalk: ${oneLine(message)}\n`)
  return EXIT_USAGE
}

/** A message as one inert line: our own line breaks folded, anything else escaped. */
function oneLine(text: string): string {
  return escapeTerminalValue(text.replace(/\s*\n\s*/g, ' ').trim())
}

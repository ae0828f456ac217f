/**
 * `crosswalk inspect FILE|- [--snapshot SNAPSHOT] [--format text|json]`: decodes the token,
 * SAML / WS-Federation message, sign-in URL, SAML-tracer export or HAR file a failed sign-in
 * produced and, with a snapshot, verifies its signatures against the snapshot's certificates
 * and keys and checks it against the configuration and both directories. The artefact is a
 * credential: it is read under a ceiling, held in memory, and written nowhere; of a capture,
 * cookies, Authorization headers and other form fields are dropped unread.
 *
 * Exit codes as everywhere: 0 when it was read (problems found or not), 2 for a usage or
 * input error (unreadable, not a sign-in artefact, past the ceiling).
 */
import path from 'node:path'
import { FileTooLargeError, readFileBounded, readStreamBounded } from '../../node/bounded-read'
import { inspectText } from '../../node/inspect/inspect'
import { MAX_INSPECT_CHARS, inspectMessage, signingCandidates } from '../../shared/inspect'
import { SnapshotIndex } from '../../shared/rules'
import { formatBytes } from '../../shared/snapshot-file/read'
import { CliError, EXIT_OK, type CliCommand, type CliIo } from '../command'
import { forEachArg, oneOf } from '../args'
import { createOutput } from '../output'
import { loadSnapshot } from './diagnose'
import { renderInspectText } from './inspect-text'

interface InspectArgs {
  file: string
  snapshot: string | undefined
  format: 'text' | 'json'
}

function parseArgs(args: readonly string[]): InspectArgs {
  let file: string | undefined
  let snapshot: string | undefined
  let format: 'text' | 'json' = 'text'
  forEachArg(args, ({ flag, arg, value }) => {
    if (flag === '--snapshot') snapshot = value()
    else if (flag === '--format') format = oneOf(flag, value(), ['text', 'json'] as const)
    else if (flag.startsWith('--'))
      throw new CliError(`Unknown option ${flag}. Run crosswalk inspect --help.`)
    else if (file === undefined) file = arg
    else throw new CliError(`One artefact at a time: "${arg}" is a second file.`)
  })
  if (!file) throw new CliError('Name the file to inspect, or - to read standard input.')
  return { file, snapshot, format }
}

/** The artefact's text: bounded, UTF-8, from a file or standard input. */
async function readArtefact(file: string, io: CliIo): Promise<string> {
  let bytes: Buffer
  try {
    if (file === '-') {
      if (!io.stdin) throw new CliError('Standard input is not available here.')
      bytes = await readStreamBounded(io.stdin(), MAX_INSPECT_CHARS)
    } else bytes = await readFileBounded(path.resolve(io.cwd, file), MAX_INSPECT_CHARS)
  } catch (error) {
    if (error instanceof CliError) throw error
    if (error instanceof FileTooLargeError)
      throw new CliError(
        `${file === '-' ? 'Standard input' : file} is larger than the ${formatBytes(MAX_INSPECT_CHARS)} the inspector reads.`,
      )
    const code = (error as { code?: string }).code
    throw new CliError(
      code === 'ENOENT'
        ? `${file}: no such file.`
        : code === 'EISDIR'
          ? `${file} is a folder; name the file that holds the artefact.`
          : `${file} could not be read (${code ?? 'error'}).`,
    )
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new CliError(
      `${file === '-' ? 'Standard input' : file} is not UTF-8 text: a token, XML, a URL or a JSON capture is.`,
    )
  }
}

export const inspectCommand: CliCommand = {
  name: 'inspect',
  summary: 'Decode a token, SAML / WS-Fed message or capture, and check it against a snapshot',
  usage: [
    'Usage: crosswalk inspect FILE|- [--snapshot SNAPSHOT.json[.gz]] [--format text|json]',
    '',
    'FILE (or - for standard input) holds what a failed sign-in produced: a JWT; a SAML',
    'response or WS-Federation result as XML, base64 or URL-encoded, deflated or not; a',
    'sign-in URL (authorize request, error redirect); a SAML-tracer export (JSON); or a HAR',
    'file. Cookies, Authorization headers and other form fields of a capture are dropped.',
    '',
    'With --snapshot, each message is checked against that snapshot: signatures against the',
    "Okta app keys, the domain federations' certificates and Entra's signing keys; issuer,",
    'audience, NameID and immutable ID, UPN and validity (at the capture time, else the',
    "message's own issue time) against the configuration and both directories; each problem",
    'names the object to fix, the diagnosis rule for that cause and the error it causes.',
    '',
    'Exit codes: 0 read (whether or not problems were found), 2 usage or input error.',
  ].join('\n'),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const options = parseArgs(args)
    const text = await readArtefact(options.file, io)
    const snapshot = options.snapshot ? await loadSnapshot(options.snapshot, io.cwd) : undefined
    const decoded = await inspectText({
      text: text.length > 0 ? text : ' ',
      candidates: snapshot ? signingCandidates(snapshot) : [],
    })
    if (decoded.refused)
      throw new CliError(
        `${options.file === '-' ? 'Standard input' : options.file}: ${decoded.refused.reason}`,
      )
    const index = snapshot ? new SnapshotIndex(snapshot) : undefined
    const reports =
      snapshot && index
        ? decoded.messages.map((m) => inspectMessage(m, snapshot, index))
        : undefined
    const print = createOutput(io)
    if (options.format === 'json')
      print.json({
        input: decoded.input,
        notices: decoded.notices,
        ...(snapshot ? { snapshot: { collectedAt: snapshot.collectedAt } } : {}),
        messages: decoded.messages.map((m, i) => ({
          ...m,
          ...(reports ? { report: reports[i] } : {}),
        })),
      })
    else print.out(renderInspectText(decoded, reports))
    return EXIT_OK
  },
}

/**
 * The host-independent door every invoke passes through: the Electron main
 * process and the browser-mode host both call `invokeChannel` after their own
 * sender checks. It parses the input with the contract's zod schema, runs the
 * handler, and turns every outcome into an `IpcResult`, so no exception and no
 * unvalidated value crosses the boundary.
 */
import { invokeContract, type Handlers, type IpcResult } from '../../shared/ipc/contract'
import { describeIssues } from '../../shared/util/issues'
import { isInvokeChannel, type InvokeChannel } from '../../shared/ipc/channels'
import { HandlerError } from './handler-error'
import type { Logger } from '../log'

export interface InvokeOptions {
  /** also validate handler outputs (development builds and tests) */
  checkOutput?: boolean
}

export async function invokeChannel(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  log: Logger,
  options: InvokeOptions = {},
): Promise<IpcResult<unknown>> {
  if (!isInvokeChannel(channel)) {
    return fail('unknown-channel', `There is no channel named ${JSON.stringify(String(channel))}.`)
  }
  return runChannel(handlers, channel, rawInput, log, options)
}

async function runChannel<C extends InvokeChannel>(
  handlers: Handlers,
  channel: C,
  rawInput: unknown,
  log: Logger,
  options: InvokeOptions,
): Promise<IpcResult<unknown>> {
  const spec = invokeContract[channel]
  const parsed = spec.input.safeParse(rawInput)
  if (!parsed.success) {
    const issues = describeIssues(parsed.error)
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `Invalid input for ${channel}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      },
    }
  }
  try {
    // The generic indexing loses the channel correlation; the contract's satisfies clause keeps it sound.
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    const value = await handler(parsed.data)
    if (options.checkOutput) {
      const checked = spec.output.safeParse(value)
      if (!checked.success) {
        log.error('ipc.output-invalid', { channel, issues: describeIssues(checked.error) })
        return fail('internal', `${channel} produced a reply that does not match its contract.`)
      }
    }
    return { ok: true, value }
  } catch (error) {
    if (error instanceof HandlerError) return fail(error.code, error.message)
    log.error('ipc.handler-failed', { channel, error })
    return fail('internal', `${channel} failed unexpectedly; the log has the details.`)
  }
}

function fail(code: Exclude<IpcResult<never>, { ok: true }>['error']['code'], message: string) {
  return { ok: false as const, error: { code, message } }
}

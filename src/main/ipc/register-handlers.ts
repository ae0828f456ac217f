/**
 * Wires every invoke channel of the contract to `ipcMain.handle`. `ipc` is
 * injected so tests need no Electron. Each call passes the sender check, then the
 * host-independent `invokeChannel` door (zod input parse, handler, IpcResult).
 */
import type { IpcMain } from 'electron'
import { INVOKE_CHANNELS } from '../../shared/ipc/channels'
import type { Handlers, IpcResult } from '../../shared/ipc/contract'
import { invokeChannel } from '../../node/ipc/invoke'
import type { Logger } from '../../node/log'
import type { SenderCheck, SenderEvent } from './sender-check'

export interface RegisterOptions {
  /** validate handler replies too (unpackaged builds and tests) */
  checkOutput?: boolean
}

export function registerHandlers(
  ipc: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrusted: SenderCheck,
  log: Logger,
  options: RegisterOptions = {},
): void {
  for (const channel of INVOKE_CHANNELS) {
    ipc.handle(channel, (event: SenderEvent, raw: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrusted(event)) {
        log.warn('ipc.untrusted-sender', { channel, url: event.senderFrame?.url ?? null })
        return Promise.resolve({
          ok: false,
          error: {
            code: 'untrusted-sender',
            message: `${channel} may only be called by the Crosswalk window.`,
          },
        })
      }
      return invokeChannel(handlers, channel, raw, log, {
        checkOutput: options.checkOutput ?? false,
      })
    })
  }
}

import type { IpcErrorCode } from '../../shared/ipc/contract'

/**
 * An expected failure a handler reports to the renderer (a missing workspace, a
 * name clash). Anything else thrown by a handler is logged and reported as
 * `internal`, without its message, which might carry details the renderer must
 * not see.
 */
export class HandlerError extends Error {
  constructor(
    readonly code: Exclude<IpcErrorCode, 'internal' | 'invalid-input'>,
    message: string,
  ) {
    super(message)
    this.name = 'HandlerError'
  }
}

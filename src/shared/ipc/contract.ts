/**
 * The one typed contract between the renderer and the privileged side (Electron
 * main, the browser-mode host). TypeScript checks it at compile time; every host
 * parses inputs with these schemas before a handler runs. `satisfies` makes a
 * missing or extra channel a compile error.
 */
import { z } from 'zod'
import { Snapshot } from '../model/snapshot'
import { Workspace, WorkspaceId, WorkspaceName } from '../model/workspace'
import type { EventChannel, InvokeChannel } from './channels'
import {
  CollectEventPayload,
  CollectEventsInput,
  CollectEventsOutput,
  CollectFinished,
  CollectStartInput,
  CollectStartOutput,
  HeldRun,
  RunId,
} from './collect'
import { InspectDecodeInput, InspectDecoded } from '../inspect/artefact'
import {
  ConnectionInfo,
  ConnectionsSaveInput,
  ConnectionsTestInput,
  DoctorReport,
  VaultStatus,
  VaultUnlockInput,
} from './connections'

/** At most 64 MiB of HTML: a 100k + 100k tenant pair's document is a few MiB. */
export const DocsPdfInput = z
  .object({
    html: z
      .string()
      .min(1)
      .max(64 * 1024 * 1024),
  })
  .strict()
export type DocsPdfInput = z.infer<typeof DocsPdfInput>
export const DocsPdfOutput = z.object({ pdfBase64: z.string() })
export type DocsPdfOutput = z.infer<typeof DocsPdfOutput>

export const HostKind = z.enum(['electron', 'browser'])
export type HostKind = z.infer<typeof HostKind>

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKind,
  /** absolute path of the data directory the host uses */
  dataDir: z.string(),
})
export type AppInfo = z.infer<typeof AppInfo>

export const invokeContract = {
  'app:info': { input: z.void(), output: AppInfo },
  'workspaces:list': { input: z.void(), output: z.array(Workspace) },
  'workspaces:create': { input: z.object({ name: WorkspaceName }).strict(), output: Workspace },
  'workspaces:rename': {
    input: z.object({ id: WorkspaceId, name: WorkspaceName }).strict(),
    output: Workspace,
  },
  'workspaces:remove': {
    input: z.object({ id: WorkspaceId }).strict(),
    output: z.object({ id: WorkspaceId }),
  },
  'vault:status': { input: z.void(), output: VaultStatus },
  'vault:unlock': { input: VaultUnlockInput, output: VaultStatus },
  'connections:get': {
    input: z.object({ workspaceId: WorkspaceId }).strict(),
    output: ConnectionInfo,
  },
  'connections:save': { input: ConnectionsSaveInput, output: ConnectionInfo },
  /** tests the connection as typed (`draft`) or as stored; never stores anything */
  'connections:test': { input: ConnectionsTestInput, output: DoctorReport },
  'collect:start': { input: CollectStartInput, output: CollectStartOutput },
  'collect:cancel': {
    input: z.object({ runId: RunId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** the runs the host holds (running, or finished and not yet stored by a window) */
  'collect:runs': { input: z.void(), output: z.array(HeldRun) },
  /** a held run's events from a sequence number on, for a window that missed them */
  'collect:events': { input: CollectEventsInput, output: CollectEventsOutput },
  /** the window has stored a finished run: the host forgets it */
  'collect:release': {
    input: z.object({ runId: RunId }).strict(),
    output: z.object({ released: z.boolean() }),
  },
  /** the bundled demo snapshot (a broken tenant pair), for first-run exploration */
  'demo:snapshot': { input: z.void(), output: Snapshot },
  /**
   * decodes a pasted or dropped sign-in artefact (JWT, SAML / WS-Federation message, URL,
   * SAML-tracer export, HAR) and verifies its signatures against the snapshot's keys the
   * renderer passes; the artefact is a credential: the host keeps and logs none of it
   */
  'inspect:decode': { input: InspectDecodeInput, output: InspectDecoded },
  /**
   * a standalone document (`renderHtml`) printed to PDF by the host: Electron prints it in a
   * hidden window with JavaScript off and no preload; browser mode answers `unavailable`
   * (the page prints with the browser's own print)
   */
  'docs:pdf': { input: DocsPdfInput, output: DocsPdfOutput },
} satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>

export const eventContract = {
  'workspaces:changed': z.object({ workspaces: z.array(Workspace) }),
  'collect:event': CollectEventPayload,
  'collect:finished': CollectFinished,
} satisfies Record<EventChannel, z.ZodType>

export type Input<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>
export type ParsedInput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['input']>
export type Output<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['output']>
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>

export const IpcErrorCode = z.enum([
  'invalid-input',
  'untrusted-sender',
  'unknown-channel',
  'not-found',
  'conflict',
  'unavailable',
  'internal',
])
export type IpcErrorCode = z.infer<typeof IpcErrorCode>

export const IpcError = z.object({
  code: IpcErrorCode,
  /** one sentence a consultant can act on */
  message: z.string(),
  /** zod issue paths and messages, for invalid input */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})
export type IpcError = z.infer<typeof IpcError>

/** Handlers never throw across the boundary: they return this union. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const IpcResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcError }),
])

/** The surface the preload (and the browser-mode shim) expose as `window.api`. */
export interface CrosswalkApi {
  invoke: (channel: string, input?: unknown) => Promise<unknown>
  on: (channel: string, listener: (payload: unknown) => void) => () => void
}

/** Handlers as the privileged side implements them (input already parsed). */
export type Handlers = {
  [C in InvokeChannel]: (input: ParsedInput<C>) => Promise<Output<C>>
}

/**
 * The contract's implementation, independent of the host. Electron main and the
 * browser-mode host build it with their own host kind, data directory and event
 * sink, then route every invoke through `invokeChannel`.
 */
import type { EventChannel } from '../shared/ipc/channels'
import type { EventPayload, Handlers, HostKind } from '../shared/ipc/contract'
import type { Logger } from './log'
import { HandlerError } from './ipc/handler-error'
import { createWorkspaceStore, type WorkspaceStore } from './workspaces/store'
import { collectSnapshot, type CollectOptions } from './collect/collect-snapshot'
import { createCollectRuns, type CollectRunsDeps } from './collect-runs/registry'
import { resolveConnection, resolveDraft } from './connections/resolve'
import { createConnectionStore } from './connections/store'
import { createVaultSession, type VaultKeySource } from './connections/vault-session'
import { runDoctor } from './doctor/doctor'
import { loadDemoSnapshot } from './demo'
import { inspectText } from './inspect/inspect'
import type { Snapshot } from '../shared/model/snapshot'

export type EmitEvent = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void

export interface HandlerDeps {
  host: HostKind
  version: string
  dataDir: string
  log: Logger
  emit: EmitEvent
  workspaces?: WorkspaceStore
  /** where the vault's key comes from; absent: a passphrase vault, locked until unlocked */
  vault?: VaultKeySource
  /** honour custom endpoints and CA certificates (development builds and test hosts only) */
  endpointOverrides?: boolean
  /** replaces the collector (tests) */
  collect?: (options: CollectOptions) => Promise<Snapshot>
  /** the folder holding bundled resources (the demo snapshot) */
  resourcesDir?: string
  /** extra collector options, e.g. the Okta System Log window (tests, benchmarks) */
  collectOptions?: CollectRunsDeps['collectOptions']
  /** prints a standalone HTML document to PDF (Electron: a hidden window); absent in browser mode */
  printPdf?: (html: string) => Promise<Uint8Array>
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const workspaces =
    deps.workspaces ?? createWorkspaceStore({ dataDir: deps.dataDir, log: deps.log })

  const endpointOverrides = deps.endpointOverrides ?? false
  const session = createVaultSession({
    dataDir: deps.dataDir,
    source: deps.vault ?? { kind: 'passphrase' },
    log: deps.log,
    endpointOverrides,
  })
  const connections = createConnectionStore({
    dataDir: deps.dataDir,
    session,
    log: deps.log,
    endpointOverrides,
  })
  const resolve = (workspaceId: string) =>
    resolveConnection(workspaceId, {
      store: connections,
      session,
      log: deps.log,
      endpointOverrides,
    })
  const runs = createCollectRuns({
    emit: deps.emit,
    log: deps.log,
    resolve,
    collect: deps.collect ?? collectSnapshot,
    ...(deps.collectOptions ? { collectOptions: deps.collectOptions } : {}),
  })
  const requireWorkspace = async (id: string) => {
    if (!(await workspaces.list()).some((w) => w.id === id)) {
      throw new HandlerError('not-found', 'That workspace no longer exists.')
    }
  }

  const announce = async () => {
    deps.emit('workspaces:changed', { workspaces: await workspaces.list() })
  }

  return {
    'app:info': async () => ({
      name: 'Crosswalk',
      version: deps.version,
      host: deps.host,
      dataDir: deps.dataDir,
    }),
    'workspaces:list': () => workspaces.list(),
    'workspaces:create': async ({ name }) => {
      const created = await workspaces.create(name)
      deps.log.info('workspace.created', { id: created.id })
      await announce()
      return created
    },
    'workspaces:rename': async ({ id, name }) => {
      const renamed = await workspaces.rename(id, name)
      await announce()
      return renamed
    },
    'workspaces:remove': async ({ id }) => {
      const removed = await workspaces.remove(id)
      await runs.stopWorkspace(id)
      await connections.remove(id)
      deps.log.info('workspace.removed', { id: removed.id })
      await announce()
      return { id: removed.id }
    },
    'vault:status': () => session.status(),
    'vault:unlock': (input) => session.unlock(input),
    'connections:get': async ({ workspaceId }) => {
      await requireWorkspace(workspaceId)
      return connections.get(workspaceId)
    },
    'connections:save': async (input) => {
      await requireWorkspace(input.workspaceId)
      return connections.save(input)
    },
    'connections:test': async ({ workspaceId, draft }) => {
      await requireWorkspace(workspaceId)
      // A draft is tested as typed and stored nowhere: only Save replaces what works.
      const { profile, credentials, ca, credentialProblems } = draft
        ? await resolveDraft(workspaceId, draft, {
            store: connections,
            session,
            log: deps.log,
            endpointOverrides,
          })
        : await resolve(workspaceId)
      const report = await runDoctor({
        profile,
        credentials,
        credentialProblems,
        ...(ca ? { ca } : {}),
      })
      deps.log.info('connections.tested', {
        workspaceId,
        draft: draft !== undefined,
        entra: report.entra?.ok,
        okta: report.okta?.ok,
        problems: [...(report.entra?.problems ?? []), ...(report.okta?.problems ?? [])].map(
          (p) => p.code,
        ),
      })
      return report
    },
    'collect:start': async ({ workspaceId, expected }) => {
      await requireWorkspace(workspaceId)
      return runs.start(workspaceId, expected)
    },
    'collect:cancel': async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'collect:runs': async () => runs.held(),
    'collect:events': async ({ runId, from }) => runs.eventsFrom(runId, from),
    'collect:release': async ({ runId }) => ({ released: runs.release(runId) }),
    'demo:snapshot': () => loadDemoSnapshot(deps.resourcesDir, deps.log),
    // the artefact is a credential: only its size and what was read are logged
    'inspect:decode': async (input) => {
      const decoded = await inspectText(input)
      deps.log.info('inspect.decoded', {
        chars: input.text.length,
        input: decoded.input,
        messages: decoded.messages.length,
        refused: decoded.refused !== undefined,
      })
      return decoded
    },
    'docs:pdf': async ({ html }) => {
      if (!deps.printPdf)
        throw new HandlerError(
          'unavailable',
          'This host does not print PDFs: print the document with the browser’s own print (Save as PDF).',
        )
      const pdf = await deps.printPdf(html)
      return { pdfBase64: Buffer.from(pdf).toString('base64') }
    },
  }
}

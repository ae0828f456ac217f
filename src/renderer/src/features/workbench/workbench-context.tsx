/**
 * The state every screen of one workspace shares: the current snapshot, its
 * findings, the workspace's decisions on them, and the diagnosis run. Loaded
 * from the cache only, so every screen works offline. When the current snapshot
 * has no findings yet, a diagnosis starts in the worker; screens keep working
 * and show its progress.
 */
import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import type { Finding } from '../../../../shared/model/finding'
import {
  currentSnapshot,
  findingStates,
  listFindings,
  setFindingState,
  type CrosswalkDb,
  type FindingStateRow,
  type FindingStateValue,
  type SnapshotRow,
} from '../../db'
import { needsDiagnosis, type DiagnosisSummary } from '../../workers/run-diagnosis'
import { collectRunFor } from '../collect/use-collect-run'
import { DEFAULT_SERVICES, type WorkbenchServices } from './services'

export type DiagnosisState =
  | { state: 'idle' }
  | { state: 'running'; snapshotId: string }
  | { state: 'done'; summary: DiagnosisSummary }
  | { state: 'failed'; message: string }

export type WorkbenchLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready'
      db: CrosswalkDb
      /** the current snapshot; undefined when the workspace has none yet */
      snapshot?: SnapshotRow
      findings: Finding[]
      decisions: ReadonlyMap<string, FindingStateRow>
    }

export interface Workbench {
  workspaceId: string
  services: WorkbenchServices
  load: WorkbenchLoad
  diagnosis: DiagnosisState
  /** re-reads the current snapshot, its findings and the decisions */
  reload: () => Promise<void>
  /** diagnoses the current snapshot again (the "Re-run diagnosis" button) */
  rerunDiagnosis: () => Promise<void>
  setDecision: (findingId: string, state: FindingStateValue, note?: string) => Promise<void>
}

const WorkbenchContext = createContext<Workbench | undefined>(undefined)

// Snapshots diagnosed (or being diagnosed) in this session, so a snapshot whose
// diagnosis found nothing is not diagnosed again on every visit.
const diagnosedThisSession = new Set<string>()

interface ProviderProps {
  workspaceId: string
  services?: WorkbenchServices
  children: ReactNode
}

export function WorkbenchProvider({
  workspaceId,
  services = DEFAULT_SERVICES,
  children,
}: ProviderProps) {
  const [load, setLoad] = useState<WorkbenchLoad>({ status: 'loading' })
  const [diagnosis, setDiagnosis] = useState<DiagnosisState>({ state: 'idle' })

  // reload and diagnose call each other: a load that finds an undiagnosed snapshot
  // starts a diagnosis, and a finished diagnosis reloads the findings.
  const actions = useMemo(() => {
    let generation = 0
    const reload = async (): Promise<void> => {
      const mine = ++generation
      try {
        const db = await services.openDb()
        const snapshot = await currentSnapshot(db, workspaceId)
        const [findings, decisions] = await Promise.all([
          snapshot ? listFindings(db, snapshot.id) : Promise.resolve([]),
          findingStates(db, workspaceId),
        ])
        if (mine !== generation) return
        // A transition renders a large findings list in slices, so the UI thread never
        // holds one long task while the screens catch up with a new diagnosis.
        startTransition(() => setLoad({ status: 'ready', db, snapshot, findings, decisions }))
        if (snapshot && needsDiagnosis(snapshot) && !diagnosedThisSession.has(snapshot.id)) {
          void diagnose(snapshot.id)
        }
      } catch (error) {
        if (mine === generation) {
          setLoad({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          })
        }
      }
    }
    const diagnose = async (snapshotId: string): Promise<void> => {
      diagnosedThisSession.add(snapshotId)
      startTransition(() => setDiagnosis({ state: 'running', snapshotId }))
      try {
        const summary = await services.diagnose(snapshotId)
        // The findings first: "done" with the old (empty) list would read as "no findings".
        await reload()
        startTransition(() => setDiagnosis({ state: 'done', summary }))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        startTransition(() => setDiagnosis({ state: 'failed', message }))
        await reload()
      }
    }
    return { reload, diagnose }
  }, [services, workspaceId])

  useEffect(() => {
    void actions.reload()
  }, [actions])

  // A collection stored, or a partial one decided: the current snapshot may have moved.
  useEffect(() => {
    const run = collectRunFor(workspaceId, services)
    let seen = run.getState().stored
    return run.subscribe(() => {
      const stored = run.getState().stored
      if (stored === seen) return
      seen = stored
      void actions.reload()
    })
  }, [workspaceId, services, actions])

  const { reload, diagnose } = actions
  const snapshotId = load.status === 'ready' ? load.snapshot?.id : undefined

  const rerunDiagnosis = useCallback(async () => {
    if (snapshotId) await diagnose(snapshotId)
  }, [snapshotId, diagnose])

  const setDecision = useCallback(
    async (findingId: string, state: FindingStateValue, note?: string) => {
      const db = await services.openDb()
      await setFindingState(db, workspaceId, findingId, state, services.now(), note || undefined)
      const decisions = await findingStates(db, workspaceId)
      setLoad((prev) => (prev.status === 'ready' ? { ...prev, decisions } : prev))
    },
    [services, workspaceId],
  )

  const value = useMemo(
    () => ({ workspaceId, services, load, diagnosis, reload, rerunDiagnosis, setDecision }),
    [workspaceId, services, load, diagnosis, reload, rerunDiagnosis, setDecision],
  )
  return <WorkbenchContext.Provider value={value}>{children}</WorkbenchContext.Provider>
}

export function useWorkbench(): Workbench {
  const value = useContext(WorkbenchContext)
  if (!value) throw new Error('useWorkbench must be used inside <WorkbenchProvider>.')
  return value
}

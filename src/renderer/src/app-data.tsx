/**
 * The data every screen shares: app:info and the workspace list, loaded once at
 * start and kept current by `workspaces:changed`. `status` drives the root's
 * `data-app-state` (loading → ready, or error).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import type { AppInfo, IpcError } from '../../shared/ipc/contract'
import type { Workspace } from '../../shared/model/workspace'
import { invoke, onEvent } from './api'

export type AppStatus = 'loading' | 'ready' | 'error'

export interface AppData {
  status: AppStatus
  info?: AppInfo
  workspaces: Workspace[]
  /** why the first load failed, when status is 'error' */
  error?: IpcError
  /** re-reads the workspace list; returns the failure, if any */
  refreshWorkspaces: () => Promise<IpcError | undefined>
}

const AppDataContext = createContext<AppData | undefined>(undefined)

export function AppDataProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AppStatus>('loading')
  const [info, setInfo] = useState<AppInfo>()
  const [workspaces, setWorkspaces] = useState<Workspace[]>([])
  const [error, setError] = useState<IpcError>()

  useEffect(() => {
    let live = true
    const fail = (reason: IpcError) => {
      setError(reason)
      setStatus('error')
    }
    const unsubscribe = onEvent('workspaces:changed', (payload) => {
      if (live) setWorkspaces(payload.workspaces)
    })
    void Promise.all([invoke('app:info', undefined), invoke('workspaces:list', undefined)]).then(
      ([infoResult, listResult]) => {
        if (!live) return
        if (!infoResult.ok) return fail(infoResult.error)
        if (!listResult.ok) return fail(listResult.error)
        setInfo(infoResult.value)
        setWorkspaces(listResult.value)
        setStatus('ready')
      },
    )
    return () => {
      live = false
      unsubscribe()
    }
  }, [])

  const refreshWorkspaces = useCallback(async () => {
    const result = await invoke('workspaces:list', undefined)
    if (!result.ok) return result.error
    setWorkspaces(result.value)
    return undefined
  }, [])

  const value = useMemo(
    () => ({ status, info, workspaces, error, refreshWorkspaces }),
    [status, info, workspaces, error, refreshWorkspaces],
  )
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>
}

export function useAppData(): AppData {
  const value = useContext(AppDataContext)
  if (!value) throw new Error('useAppData must be used inside <AppDataProvider>.')
  return value
}

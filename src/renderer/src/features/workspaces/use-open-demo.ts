import { useState } from 'react'
import { useNavigate } from 'react-router'
import { invoke } from '../../api'
import { useAppData } from '../../app-data'
import { openDemoWorkspace } from '../workbench/demo'

export const DEMO_WORKSPACE_NAME = 'Demo: Northwind Traders'

/**
 * Opens the demo workspace: the first time, it is created and the bundled
 * snapshot imported into it; after that it is simply reopened, with whatever
 * decisions the consultant made in it.
 */
export function useOpenDemo() {
  const { workspaces, refreshWorkspaces } = useAppData()
  const navigate = useNavigate()
  const [opening, setOpening] = useState(false)
  const [error, setError] = useState<string>()

  const open = async () => {
    setOpening(true)
    setError(undefined)
    try {
      const existing = workspaces.find((w) => w.name === DEMO_WORKSPACE_NAME)
      if (existing) {
        await navigate(`/w/${encodeURIComponent(existing.id)}/overview`)
        return
      }
      const demo = await invoke('demo:snapshot', undefined)
      if (!demo.ok) return setError(demo.error.message)
      const created = await invoke('workspaces:create', { name: DEMO_WORKSPACE_NAME })
      if (!created.ok) return setError(created.error.message)
      await refreshWorkspaces()
      await openDemoWorkspace(created.value.id, demo.value, { navigate })
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    } finally {
      setOpening(false)
    }
  }

  return { open, opening, error }
}

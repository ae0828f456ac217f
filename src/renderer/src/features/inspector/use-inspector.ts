/**
 * The Inspector screen's state: the pasted text or dropped file, what the host decoded, the
 * reports the worker judged against the current snapshot, and which message is shown.
 *
 * A pasted artefact is a credential, so it lives in this window's memory only: a module-level
 * map per workspace (so following a rule link to Findings and coming back keeps the result),
 * never IndexedDB, storage or the log, gone on "Clear" or a reload.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  MAX_INSPECT_CHARS,
  type InspectDecoded,
  type InspectReport,
} from '../../../../shared/inspect'
import { formatBytes } from '../../../../shared/snapshot-file/read'
import { invoke } from '../../api'
import type { SnapshotRow } from '../../db'
import type { WorkbenchServices } from '../workbench/services'

/** A dropped or chosen file, held as its text. */
export interface LoadedFile {
  name: string
  bytes: number
  text: string
}

export type InspectorPhase =
  | { phase: 'idle' }
  | { phase: 'working'; step: string }
  | { phase: 'error'; message: string }
  | {
      phase: 'done'
      decoded: InspectDecoded
      /** per message; absent when the workspace has no snapshot to check against */
      reports?: InspectReport[]
      /** the snapshot the messages were checked against */
      snapshot?: Pick<SnapshotRow, 'id' | 'collectedAt'>
    }

export interface InspectorState {
  text: string
  file?: LoadedFile
  result: InspectorPhase
  /** 0-based position of the message shown */
  selected: number
}

const EMPTY: InspectorState = { text: '', result: { phase: 'idle' }, selected: 0 }
const memory = new Map<string, InspectorState>()

/** The message to show first: the first with a problem, else the last one (the sign-in's end). */
export function firstToShow(reports: readonly InspectReport[] | undefined, count: number): number {
  const problem = reports?.findIndex((r) => r.verdict !== 'clean') ?? -1
  return problem >= 0 ? problem : Math.max(0, count - 1)
}

export function useInspector(
  workspaceId: string,
  snapshot: SnapshotRow | undefined,
  services: WorkbenchServices,
) {
  const [state, setState] = useState<InspectorState>(() => memory.get(workspaceId) ?? EMPTY)
  const run = useRef(0)

  useEffect(() => {
    memory.set(workspaceId, state)
  }, [workspaceId, state])

  const update = useCallback((patch: Partial<InspectorState>) => {
    setState((prev) => ({ ...prev, ...patch }))
  }, [])

  const setText = useCallback((text: string) => update({ text, file: undefined }), [update])

  const loadFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_INSPECT_CHARS) {
        update({
          result: {
            phase: 'error',
            message: `${file.name} is ${formatBytes(file.size)}, more than the ${formatBytes(MAX_INSPECT_CHARS)} the inspector reads.`,
          },
        })
        return
      }
      try {
        const text = await file.text()
        update({ file: { name: file.name, bytes: file.size, text }, text: '' })
      } catch {
        update({ result: { phase: 'error', message: `${file.name} could not be read.` } })
      }
    },
    [update],
  )

  const clear = useCallback(() => {
    run.current++
    memory.delete(workspaceId)
    setState(EMPTY)
  }, [workspaceId])

  const inspect = useCallback(async () => {
    const text = state.file?.text ?? state.text
    if (!text.trim()) return
    const mine = ++run.current
    const live = () => mine === run.current
    const fail = (message: string) => live() && update({ result: { phase: 'error', message } })
    try {
      update({
        result: { phase: 'working', step: 'Reading the snapshot’s certificates and keys…' },
      })
      const candidates = snapshot ? await services.inspector.candidates(snapshot.id) : []
      if (!live()) return
      update({ result: { phase: 'working', step: 'Decoding and verifying signatures…' } })
      const reply = await invoke('inspect:decode', { text, candidates })
      if (!live()) return
      if (!reply.ok) return fail(reply.error.message)
      const decoded = reply.value
      let reports: InspectReport[] | undefined
      if (snapshot && decoded.messages.length > 0) {
        update({ result: { phase: 'working', step: 'Checking against the snapshot…' } })
        reports = await services.inspector.check(snapshot.id, decoded.messages)
        if (!live()) return
      }
      update({
        result: {
          phase: 'done',
          decoded,
          ...(reports ? { reports } : {}),
          ...(snapshot ? { snapshot: { id: snapshot.id, collectedAt: snapshot.collectedAt } } : {}),
        },
        selected: firstToShow(reports, decoded.messages.length),
      })
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error))
    }
  }, [state.file, state.text, snapshot, services, update])

  const select = useCallback((selected: number) => update({ selected }), [update])

  return { state, setText, loadFile, clear, inspect, select }
}

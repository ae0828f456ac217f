import { useId, useRef, useState } from 'react'
import type { Snapshot } from '../../../../shared/model/snapshot'
import { DateTime } from '../../components/date-time'
import { useFileDrop } from '../../components/use-file-drop'
import { importSnapshot, type SnapshotRow } from '../../db'
import { useWorkbench } from '../workbench/workbench-context'
import { readSnapshotFile, type SnapshotFileProblem } from './read-snapshot-file'

type Outcome =
  | { kind: 'working'; name: string }
  | { kind: 'rejected'; name: string; problem: SnapshotFileProblem }
  | { kind: 'imported'; name: string; collectedAt: string }
  | { kind: 'duplicate'; name: string; existing: SnapshotRow }

/**
 * The workspace's snapshot that is the same collection as `snapshot` (same tenant and org,
 * same start and end), so importing a file twice says so instead of storing a second copy.
 */
export function sameSnapshot(
  rows: readonly SnapshotRow[],
  snapshot: Snapshot,
): SnapshotRow | undefined {
  return rows.find(
    (row) =>
      ['complete', 'partial'].includes(row.status) &&
      row.collectedAt === snapshot.collectedAt &&
      row.collection?.startedAt === snapshot.collection.startedAt &&
      row.okta?.orgUrl === snapshot.okta?.orgUrl &&
      row.entra?.tenantId === snapshot.entra?.tenantId,
  )
}

/**
 * Import by file picker or drag and drop. The file is validated completely
 * before the cache is touched; an accepted file becomes the current snapshot,
 * and the workbench then diagnoses it.
 */
export function ImportPanel({ rows }: { rows?: readonly SnapshotRow[] }) {
  const { workspaceId, services, reload } = useWorkbench()
  const [outcome, setOutcome] = useState<Outcome>()
  const inputRef = useRef<HTMLInputElement>(null)
  const inputId = useId()

  const importFile = async (file: File) => {
    setOutcome({ kind: 'working', name: file.name })
    // Marks on the page's timeline let the benchmarks time the read and the cache write.
    const readStart = performance.now()
    const result = await readSnapshotFile(file)
    performance.measure('crosswalk:snapshot-read', { start: readStart, end: performance.now() })
    if (!result.ok) {
      setOutcome({ kind: 'rejected', name: file.name, problem: result.problem })
      return
    }
    const existing = sameSnapshot(rows ?? [], result.snapshot)
    if (existing) {
      setOutcome({ kind: 'duplicate', name: file.name, existing })
      return
    }
    try {
      const db = await services.openDb()
      const writeStart = performance.now()
      const row = await importSnapshot(db, workspaceId, result.snapshot, 'imported', services.now())
      performance.measure('crosswalk:snapshot-write', { start: writeStart, end: performance.now() })
      setOutcome({ kind: 'imported', name: file.name, collectedAt: row.collectedAt })
      await reload()
    } catch (error) {
      setOutcome({
        kind: 'rejected',
        name: file.name,
        problem: {
          title: 'The snapshot could not be stored in the local cache.',
          detail: error instanceof Error ? error.message : String(error),
          hint: 'The current snapshot is unchanged. Free some disk space or restart Crosswalk, then try again.',
        },
      })
    }
  }
  const { dropProps } = useFileDrop((file) => void importFile(file))

  return (
    <section className="wb-section" aria-labelledby="import-title">
      <h2 id="import-title">Import a snapshot file</h2>
      <div className="wb-drop" {...dropProps} data-testid="snapshot-drop-zone">
        <p>
          Drop a <code>.json</code> or <code>.json.gz</code> file from{' '}
          <code>crosswalk collect</code> here, or
        </p>
        <input
          ref={inputRef}
          id={inputId}
          className="wb-file-input"
          type="file"
          accept=".json,.gz,application/json,application/gzip"
          aria-describedby="import-title"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void importFile(file)
          }}
        />
        <label htmlFor={inputId} className="button button--primary">
          Choose a file…
        </label>
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'working' && <p className="muted">Reading {outcome.name}…</p>}
        {outcome?.kind === 'duplicate' && (
          <div className="wb-notice" role="status" data-testid="import-duplicate">
            <p>
              {outcome.name} is already in this workspace: it is the snapshot collected{' '}
              <DateTime iso={outcome.existing.collectedAt} />
              {outcome.existing.origin === 'imported' && (
                <>
                  , imported <DateTime iso={outcome.existing.createdAt} />
                </>
              )}
              . Nothing was imported.
            </p>
          </div>
        )}
        {outcome?.kind === 'imported' && (
          <div className="wb-notice wb-notice--ok" role="status">
            <p>
              Imported {outcome.name}: it is now the current snapshot. The diagnosis runs in the
              background.
            </p>
          </div>
        )}
      </div>
      {outcome?.kind === 'rejected' && (
        <div className="wb-notice wb-notice--error" role="alert" data-testid="import-error">
          <p>
            <strong>{outcome.name} was not imported.</strong> {outcome.problem.title}
          </p>
          {outcome.problem.detail && <pre className="wb-record">{outcome.problem.detail}</pre>}
          <p>{outcome.problem.hint}</p>
          <p className="muted">Nothing in this workspace was changed.</p>
        </div>
      )}
    </section>
  )
}

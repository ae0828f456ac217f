/**
 * Documents: the configuration and disaster-recovery documentation of the current snapshot,
 * built from the cache (works offline, with the tenants unreachable). Choose the sections,
 * read the live preview (rendered with the app's own stylesheet: the standalone HTML's
 * inline styles would break the app's CSP), then save it as Markdown, HTML, JSON, CSV or
 * PDF, or print it.
 */
import { useCallback, useMemo, useState } from 'react'
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components'
import {
  SECTIONS,
  SECTION_IDS,
  isSectionId,
  renderHtmlFragment,
  type SectionId,
} from '../../../../shared/docs'
import { useAppData } from '../../app-data'
import { DateTime } from '../../components/date-time'
import { GetStarted } from '../workbench/get-started'
import { useWorkbench } from '../workbench/workbench-context'
import { saveDocument, type SaveFormat } from './save-document'
import { useConfigDocument, useSnapshotSource } from './use-document'
import './documents.css'

const FORMATS: { format: SaveFormat; label: string }[] = [
  { format: 'md', label: 'Save Markdown' },
  { format: 'html', label: 'Save HTML' },
  { format: 'json', label: 'Save JSON' },
  { format: 'csv', label: 'Save CSV' },
]

export function DocumentsScreen() {
  const { load, diagnosis, workspaceId } = useWorkbench()
  const { info } = useAppData()
  const db = load.status === 'ready' ? load.db : undefined
  const row = load.status === 'ready' ? load.snapshot : undefined
  const findings = useMemo(() => (load.status === 'ready' ? load.findings : []), [load])
  const [selected, setSelected] = useState<SectionId[]>([...SECTION_IDS])
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string }>()
  const [busy, setBusy] = useState<SaveFormat>()
  const source = useSnapshotSource(db, row)
  const doc = useConfigDocument(source, findings, selected)
  const preview = useMemo(() => (doc ? renderHtmlFragment(doc) : ''), [doc])
  const electron = info?.host === 'electron'

  const save = useCallback(
    async (format: SaveFormat) => {
      if (!doc || source.status !== 'ready') return
      setBusy(format)
      setStatus(undefined)
      try {
        const names = await saveDocument(doc, source.snapshot, format)
        setStatus({ kind: 'info', text: `Saved ${names.join(', ')}.` })
      } catch (error) {
        setStatus({
          kind: 'error',
          text: `Not saved: ${error instanceof Error ? error.message : String(error)}`,
        })
      } finally {
        setBusy(undefined)
      }
    },
    [doc, source],
  )

  if (load.status !== 'ready') return null
  return (
    <section className="screen docs" aria-labelledby="docs-title">
      <div className="screen__header docs__chrome">
        <h1 id="docs-title">Documents</h1>
      </div>
      {!row ? (
        <GetStarted
          workspaceId={workspaceId}
          lead="This workspace has no snapshot yet. Its configuration and disaster-recovery documentation is built here from one:"
        />
      ) : (
        <>
          <p className="muted docs__chrome">
            Configuration and disaster-recovery documentation of the snapshot collected{' '}
            <DateTime iso={row.collectedAt} />, built from the local cache. Secrets are never in it.
            {diagnosis.state === 'running' && ' Findings are added when the diagnosis finishes.'}
          </p>
          <div className="docs__layout">
            <div className="docs__controls docs__chrome">
              <CheckboxGroup
                className="docs__sections"
                value={selected}
                onChange={(value) =>
                  setSelected(SECTION_IDS.filter((id) => value.includes(id) && isSectionId(id)))
                }
              >
                <Label className="docs__label">Sections</Label>
                {SECTIONS.map((s) => (
                  <Checkbox key={s.id} value={s.id} className="docs__checkbox">
                    <span className="docs__box" aria-hidden="true" />
                    {s.title}
                  </Checkbox>
                ))}
              </CheckboxGroup>
              <div className="docs__actions" role="group" aria-label="Save or print">
                {FORMATS.map((f) => (
                  <Button
                    key={f.format}
                    className="button"
                    isDisabled={!doc || selected.length === 0}
                    isPending={busy === f.format}
                    onPress={() => void save(f.format)}
                  >
                    {f.label}
                  </Button>
                ))}
                {electron ? (
                  <Button
                    className="button button--primary"
                    isDisabled={!doc || selected.length === 0}
                    isPending={busy === 'pdf'}
                    onPress={() => void save('pdf')}
                  >
                    Save PDF
                  </Button>
                ) : (
                  <Button
                    className="button button--primary"
                    isDisabled={!doc || selected.length === 0}
                    onPress={() => window.print()}
                  >
                    Print or save as PDF
                  </Button>
                )}
              </div>
              <p
                className={status?.kind === 'error' ? 'form__error' : 'muted'}
                role="status"
                aria-live="polite"
              >
                {status?.text ?? (selected.length === 0 ? 'Choose at least one section.' : '')}
              </p>
            </div>
            <section className="docs__preview" aria-labelledby="docs-preview-title">
              <h2 id="docs-preview-title" className="docs__chrome docs__preview-title">
                Preview
              </h2>
              {source.status === 'loading' && (
                <p className="muted" role="status">
                  Reading the snapshot from the cache…
                </p>
              )}
              {source.status === 'error' && (
                <p className="form__error" role="alert">
                  The snapshot could not be read from the cache: {source.message}
                </p>
              )}
              {doc && (
                // the fragment is our renderer's output: every tenant value in it is escaped
                <div className="doc-preview" dangerouslySetInnerHTML={{ __html: preview }} />
              )}
            </section>
          </div>
        </>
      )}
    </section>
  )
}

import { useId, useRef, type KeyboardEvent } from 'react'
import { Button, Label, ListBox, ListBoxItem, TextArea, TextField } from 'react-aria-components'
import { Link } from 'react-router'
import type { InspectedMessage, InspectReport } from '../../../../shared/inspect'
import { formatBytes } from '../../../../shared/snapshot-file/read'
import { DateTime } from '../../components/date-time'
import { useFileDrop } from '../../components/use-file-drop'
import { useWorkbench } from '../workbench/workbench-context'
import { DecodedView } from './inspector-decoded'
import { ReportView, Verdict } from './inspector-report'
import { useInspector, type InspectorPhase } from './use-inspector'
import './inspector.css'

const PLACEHOLDER =
  'Paste a JWT, a SAML response or WS-Federation result (XML, base64, URL-encoded or deflated), a sign-in URL, or a SAML-tracer / HAR export…'

const KIND_WORDS: Record<InspectedMessage['artefact']['kind'], string> = {
  saml: 'SAML',
  jwt: 'token',
  authorize: 'authorize request',
  error: 'error',
  'wsfed-request': 'WS-Fed request',
  'authn-request': 'AuthnRequest',
  unreadable: 'unreadable',
}

/**
 * The Inspector: paste or drop what a failed sign-in produced; the host decodes it and
 * verifies its signatures, the worker checks it against the current snapshot, offline.
 */
export function InspectorScreen() {
  const { load, workspaceId, services } = useWorkbench()
  const snapshot = load.status === 'ready' ? load.snapshot : undefined
  const { state, setText, loadFile, clear, inspect, select } = useInspector(
    workspaceId,
    snapshot,
    services,
  )
  const { dropProps } = useFileDrop((file) => void loadFile(file))
  const fileId = useId()
  const fileRef = useRef<HTMLInputElement>(null)
  const working = state.result.phase === 'working'
  const hasInput = Boolean(state.file) || state.text.trim().length > 0

  const handleKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && hasInput && !working) {
      event.preventDefault()
      void inspect()
    }
  }

  if (load.status !== 'ready') return null
  return (
    <section className="screen wb-inspector" aria-labelledby="inspector-title">
      <div className="screen__header">
        <h1 id="inspector-title">Inspector</h1>
      </div>
      <p className="muted">
        Decode what a failed sign-in produced and check it against{' '}
        {snapshot ? (
          <>
            the snapshot collected <DateTime iso={snapshot.collectedAt} />
          </>
        ) : (
          'a snapshot'
        )}
        , offline. What you paste stays in this window’s memory: it is never stored, logged or
        exported, and is gone when you clear it or reload.
      </p>
      {!snapshot && (
        <div className="wb-notice" role="note">
          <p>
            This workspace has no snapshot yet: artefacts are decoded, but nothing is checked
            against a configuration. <Link to={`/w/${workspaceId}/collect`}>Collect one</Link> or
            import one on <Link to={`/w/${workspaceId}/snapshots`}>Snapshots</Link>.
          </p>
        </div>
      )}
      <div className="wb-drop ins-input" {...dropProps} data-testid="inspector-drop-zone">
        {state.file ? (
          <p className="ins-file" data-testid="inspector-file">
            <strong>{state.file.name}</strong> ({formatBytes(state.file.bytes)}) is loaded.{' '}
            <Button className="button button--quiet button--small" onPress={() => setText('')}>
              Paste text instead
            </Button>
          </p>
        ) : (
          <TextField
            className="field ins-paste"
            value={state.text}
            onChange={setText}
            aria-describedby="inspector-hint"
          >
            <Label className="field__label">Token, message, URL or capture</Label>
            <TextArea
              className="field__input ins-paste__area"
              rows={7}
              placeholder={PLACEHOLDER}
              spellCheck={false}
              autoComplete="off"
              onKeyDown={handleKey}
              data-testid="inspector-text"
            />
          </TextField>
        )}
        <p id="inspector-hint" className="field__hint">
          Or drop a file here (SAML-tracer export, HAR, .xml, .jwt), or{' '}
          <input
            ref={fileRef}
            id={fileId}
            className="wb-file-input"
            type="file"
            accept=".json,.har,.xml,.txt,.jwt,.b64,.url,application/json,text/xml,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) void loadFile(file)
            }}
            data-testid="inspector-file-input"
          />
          <label htmlFor={fileId} className="button button--small">
            choose a file…
          </label>{' '}
          Cookies, Authorization headers and other form fields of a capture are dropped on reading.
        </p>
        <div className="ins-actions">
          <Button
            className="button button--primary"
            onPress={() => void inspect()}
            isDisabled={!hasInput || working}
          >
            Inspect
          </Button>
          <Button
            className="button"
            onPress={clear}
            isDisabled={!hasInput && state.result.phase === 'idle'}
          >
            Clear
          </Button>
          <span className="muted ins-actions__hint">Ctrl+Enter inspects</span>
        </div>
      </div>
      <div aria-live="polite" className="ins-status">
        {state.result.phase === 'working' && (
          <p className="muted">
            <span className="wb-spinner" aria-hidden="true" /> {state.result.step}
          </p>
        )}
      </div>
      {state.result.phase === 'error' && (
        <div className="wb-notice wb-notice--error" role="alert">
          <p>{state.result.message}</p>
        </div>
      )}
      {state.result.phase === 'done' && (
        <Results
          fileName={state.file?.name}
          result={state.result}
          selected={state.selected}
          onSelect={select}
          workspaceId={workspaceId}
        />
      )}
    </section>
  )
}

function Results({
  fileName,
  result,
  selected,
  onSelect,
  workspaceId,
}: {
  fileName: string | undefined
  result: Extract<InspectorPhase, { phase: 'done' }>
  selected: number
  onSelect: (i: number) => void
  workspaceId: string
}) {
  const { decoded, reports } = result
  const message = decoded.messages[selected] ?? decoded.messages[0]
  const report = message ? reports?.[decoded.messages.indexOf(message)] : undefined
  return (
    <div className="ins-results" data-testid="inspector-results">
      {decoded.notices.length > 0 && (
        <ul className="ins-notices" aria-label="What reading left out">
          {decoded.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {decoded.refused && (
        <div className="wb-notice wb-notice--error" role="alert">
          <p>
            <strong>{decoded.refused.reason}</strong> {decoded.refused.hint}
          </p>
        </div>
      )}
      {decoded.messages.length > 1 && (
        <MessageList
          messages={decoded.messages}
          reports={reports}
          selected={selected}
          onSelect={onSelect}
        />
      )}
      {message && (
        <section
          className="wb-section ins-message"
          aria-labelledby="ins-message-title"
          data-testid="inspector-message"
        >
          <h2 id="ins-message-title">
            {decoded.messages.length > 1 ? `Message ${message.index}: ` : ''}
            {fileName && message.label.startsWith('Pasted')
              ? message.label.replace(/^Pasted/, fileName)
              : message.label}
          </h2>
          {message.capturedAt && (
            <p className="muted">
              Captured <DateTime iso={message.capturedAt} />
              {message.capturedAtSource === 'export'
                ? ' (the export’s time: the capture has no time per request)'
                : ''}
            </p>
          )}
          {report ? (
            <>
              <Verdict report={report} />
              <ReportView report={report} workspaceId={workspaceId} headingId="ins-checks-title" />
            </>
          ) : (
            <p className="muted">
              Decoded only: this workspace has no snapshot to check it against.
            </p>
          )}
          <DecodedView artefact={message.artefact} headingId="ins-decoded-title" />
        </section>
      )}
    </div>
  )
}

function MessageList({
  messages,
  reports,
  selected,
  onSelect,
}: {
  messages: readonly InspectedMessage[]
  reports: readonly InspectReport[] | undefined
  selected: number
  onSelect: (i: number) => void
}) {
  return (
    <section className="wb-section" aria-labelledby="ins-list-title">
      <h2 id="ins-list-title">Sign-in messages in the capture ({messages.length})</h2>
      <ListBox
        aria-labelledby="ins-list-title"
        className="ins-list"
        selectionMode="single"
        selectionBehavior="replace"
        disallowEmptySelection
        selectedKeys={[String(selected)]}
        onSelectionChange={(keys) => {
          const key = keys === 'all' ? undefined : [...keys][0]
          if (key !== undefined) onSelect(Number(key))
        }}
        data-testid="inspector-messages"
      >
        {messages.map((m, i) => {
          const r = reports?.[i]
          return (
            <ListBoxItem
              key={i}
              id={String(i)}
              className="ins-list__item"
              textValue={`${m.index} ${m.label}`}
            >
              <span className="ins-list__index">{m.index}</span>
              <span className="ins-list__label">{m.label}</span>
              <span className="ins-list__kind">{KIND_WORDS[m.artefact.kind]}</span>
              {r && (
                <span className={r.verdict === 'clean' ? 'chip chip--ok' : 'chip chip--critical'}>
                  {r.verdict === 'clean'
                    ? 'OK'
                    : r.verdict === 'unreadable'
                      ? 'Not read'
                      : (r.outcome?.code ?? 'Problems')}
                </span>
              )}
            </ListBoxItem>
          )
        })}
      </ListBox>
    </section>
  )
}

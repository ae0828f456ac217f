/** A finding's evidence: Entra and Okta side by side when the rule named both halves, else a key/value table. */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function EvidenceValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">none</span>
  if (typeof value === 'string')
    return value === '' ? <span className="muted">(empty)</span> : <>{value}</>
  if (typeof value === 'number' || typeof value === 'boolean') return <code>{String(value)}</code>
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.length === 0 ? (
      <span className="muted">(empty list)</span>
    ) : (
      <>{value.join(', ')}</>
    )
  }
  return <pre className="wb-record">{JSON.stringify(value, null, 2)}</pre>
}

function KeyValueTable({ data, caption }: { data: Record<string, unknown>; caption: string }) {
  const entries = Object.entries(data)
  if (entries.length === 0) return <p className="muted">No values.</p>
  return (
    <table className="wb-kv">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>
              <EvidenceValue value={value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Side({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="wb-evidence__side">
      <h4>{label}</h4>
      {isPlainObject(value) ? (
        <KeyValueTable data={value} caption={`${label} evidence`} />
      ) : (
        <EvidenceValue value={value} />
      )}
    </div>
  )
}

export function EvidenceView({ evidence }: { evidence: Record<string, unknown> }) {
  const { entra, okta, ...rest } = evidence
  const sideBySide = 'entra' in evidence || 'okta' in evidence
  if (!sideBySide) return <KeyValueTable data={evidence} caption="Evidence" />
  return (
    <>
      <div className="wb-evidence" data-testid="evidence-side-by-side">
        <Side label="Entra" value={entra} />
        <Side label="Okta" value={okta} />
      </div>
      {Object.keys(rest).length > 0 && (
        <div className="wb-evidence__rest">
          <h4>Also</h4>
          <KeyValueTable data={rest} caption="Other evidence" />
        </div>
      )}
    </>
  )
}

/**
 * A finding's evidence as a comparison: the pairs a rule compared in an aligned
 * Entra | Okta table with the differing values marked, the population it judged, the
 * objects of each side, and everything else as a key/value table. The evidence as stored
 * is one "raw" toggle away.
 */
import {
  type ComparedPair,
  type Comparison,
  Evidence,
  type PairVerdict,
  type Population,
  type SideObject,
} from '../../../../shared/model/evidence'
import { formatCount, formatNumber } from '../../format'
import { EvidenceValue, KeyValueTable, NoteText, isEmptyValue } from './evidence-value'
import { ColumnHeads } from '../../components/column-heads'

const VERDICT: Record<PairVerdict, string> = {
  equal: 'equal',
  'equal-normalised': 'equal once normalised',
  different: 'different',
  'missing-entra': 'missing in Entra',
  'missing-okta': 'missing in Okta',
}

const differs = (v: PairVerdict) => v !== 'equal' && v !== 'equal-normalised'

function objectName(o: SideObject | undefined): string {
  return o ? (o.name ?? o.id) : '—'
}

function PairCell({
  side,
  missing,
  flagged,
}: {
  side: ComparedPair['entra']
  missing: boolean
  flagged: boolean
}) {
  return (
    <td className={flagged ? 'wb-cmp__cell wb-cmp__cell--diff' : 'wb-cmp__cell'}>
      {side && <span className="wb-cmp__attr">{side.attribute}</span>}
      <EvidenceValue value={side?.value} empty={missing ? 'missing' : 'not set'} />
    </td>
  )
}

function ComparisonRows({ comparison, index }: { comparison: Comparison; index: number }) {
  const heading = `${objectName(comparison.entra)} ↔ ${objectName(comparison.okta)}`
  return (
    <tbody>
      <tr className="wb-cmp__head">
        <th scope="rowgroup" colSpan={4} id={`cmp-${index}`}>
          {heading}
          {comparison.joinedBy && comparison.joinedBy.length > 0 && (
            <span className="muted"> · joined by {comparison.joinedBy.join(', ')}</span>
          )}
        </th>
      </tr>
      {comparison.pairs.map((pair, i) => {
        const flagged = differs(pair.verdict)
        return (
          <tr key={i} data-verdict={pair.verdict}>
            <th scope="row">{pair.label}</th>
            <PairCell
              side={pair.entra}
              missing={pair.verdict === 'missing-entra'}
              flagged={flagged}
            />
            <PairCell
              side={pair.okta}
              missing={pair.verdict === 'missing-okta'}
              flagged={flagged}
            />
            <td className={flagged ? 'wb-cmp__verdict wb-cmp__verdict--diff' : 'wb-cmp__verdict'}>
              {VERDICT[pair.verdict]}
              {pair.note && (
                <span className="wb-cmp__note">
                  <NoteText text={pair.note} />
                </span>
              )}
            </td>
          </tr>
        )
      })}
    </tbody>
  )
}

function ComparisonTable({ comparisons, total }: { comparisons: Comparison[]; total?: number }) {
  const shown = comparisons.length
  return (
    <div className="wb-cmp-wrap">
      <table className="wb-cmp" data-testid="evidence-comparison">
        <caption className="visually-hidden">Entra and Okta values compared</caption>
        <ColumnHeads labels={['Compared', 'Entra', 'Okta', 'Verdict']} />
        {comparisons.map((c, i) => (
          <ComparisonRows key={i} comparison={c} index={i} />
        ))}
      </table>
      {total !== undefined && total > shown && (
        <p className="muted wb-cmp__more">
          Showing {formatNumber(shown)} of {formatNumber(total)}; the subjects list names them all.
        </p>
      )}
    </div>
  )
}

function PopulationNote({ population }: { population: Population }) {
  const left = population.excluded.filter((e) => e.count > 0)
  return (
    <div className="wb-population">
      <h4>Judged</h4>
      <p>
        {formatCount(population.count, 'account')}: {population.judged}.
        {left.length > 0 && ' Left out: '}
        {left.map((e, i) => (
          <span key={e.reason}>
            {i > 0 && '; '}
            {formatNumber(e.count)} {e.reason}
          </span>
        ))}
        {left.length > 0 && '.'}
      </p>
    </div>
  )
}

function Side({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="wb-evidence__side">
      <h4>{label}</h4>
      {typeof value === 'object' && value !== null && !Array.isArray(value) ? (
        <KeyValueTable data={value as Record<string, unknown>} caption={`${label} evidence`} />
      ) : (
        <EvidenceValue value={value} />
      )}
    </div>
  )
}

export function EvidenceView({ evidence }: { evidence: Record<string, unknown> }) {
  const parsed = Evidence.safeParse(evidence)
  const typed = parsed.success ? parsed.data : {}
  const { entra, okta, comparisons, population, total, ...others } = evidence
  const sideBySide = !isEmptyValue(entra) || !isEmptyValue(okta)
  const bothSides = !isEmptyValue(entra) && !isEmptyValue(okta)
  // a total beside a comparison list says how many it stands for; alone, it is a value
  const rest = {
    ...others,
    ...(typed.comparisons || total === undefined ? {} : { total }),
    ...(typed.population || population === undefined ? {} : { population }),
  }
  const restShown = Object.values(rest).some((v) => !isEmptyValue(v))
  return (
    <>
      {typed.comparisons && typed.comparisons.length > 0 && (
        <ComparisonTable
          comparisons={typed.comparisons}
          {...(typed.total !== undefined ? { total: typed.total } : {})}
        />
      )}
      {sideBySide && (
        <div
          className={bothSides ? 'wb-evidence' : 'wb-evidence wb-evidence--one'}
          data-testid="evidence-side-by-side"
        >
          {!isEmptyValue(entra) && <Side label="Entra" value={entra} />}
          {!isEmptyValue(okta) && <Side label="Okta" value={okta} />}
        </div>
      )}
      {typed.population && <PopulationNote population={typed.population} />}
      {restShown && (
        <div className="wb-evidence__rest">
          {(sideBySide || typed.comparisons) && <h4>Also</h4>}
          <KeyValueTable data={rest} caption="Other evidence" />
        </div>
      )}
      {!parsed.success && comparisons !== undefined && (
        <p className="muted">Part of this evidence does not have the expected shape; see raw.</p>
      )}
      <details className="wb-raw wb-raw--all">
        <summary>Raw evidence (JSON)</summary>
        <pre className="wb-record">{JSON.stringify(evidence, null, 2)}</pre>
      </details>
    </>
  )
}

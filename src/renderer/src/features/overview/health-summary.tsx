import { Link } from 'react-router'
import { SEVERITIES } from '../../../../shared/model/finding'
import { SEVERITY_LABELS, type HealthSummary } from '../../../../shared/overview/summary'
import { formatNumber } from '../../format'

interface Props {
  summary: HealthSummary
  workspaceId: string
}

/** The headline and the open findings per severity, each linking to the filtered Findings list. */
export function HealthSummaryPanel({ summary, workspaceId }: Props) {
  return (
    <section className="wb-section" aria-labelledby="health-title">
      <h2 id="health-title">Health</h2>
      <p className="wb-headline" data-testid="health-headline">
        {summary.headline}
      </p>
      <ul className="wb-cards" aria-label="Open findings by severity">
        {SEVERITIES.map((severity) => (
          <li key={severity} className="wb-card">
            <Link to={`/w/${workspaceId}/findings?severity=${severity}`}>
              <span className="wb-card__value">{formatNumber(summary.open[severity])}</span>
              <span className={`chip chip--${severity}`}>{SEVERITY_LABELS[severity]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

import { useAppData } from '../../app-data'

/** What is running and where its data lives (app:info). */
export function AboutScreen() {
  const { info } = useAppData()
  if (!info) return null
  return (
    <section className="screen" aria-labelledby="about-title">
      <h1 id="about-title">About {info.name}</h1>
      <p className="muted">
        Troubleshoot hybrid identity between Microsoft Entra ID and Okta: collect both sides,
        diagnose the seam, compare, document.
      </p>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{info.version}</dd>
        <dt>Running as</dt>
        <dd>
          {info.host === 'electron' ? 'Desktop app (Electron)' : 'Browser mode (loopback server)'}
        </dd>
        <dt>Data folder</dt>
        <dd>
          <code>{info.dataDir}</code>
        </dd>
      </dl>
    </section>
  )
}

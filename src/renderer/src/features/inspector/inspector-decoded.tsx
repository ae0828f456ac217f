/**
 * What a message says, in a readable layout (the assertion's issuer, audience, NameID and
 * format, subject confirmation, conditions, attributes, authentication context, signature
 * and digest algorithms; a token's header and claims; a request's parameters), with the raw
 * XML or JSON beside it. Everything is rendered as text.
 */
import type { Artefact, SignatureCheck } from '../../../../shared/inspect'

type Row = [label: string, value: string | undefined]

function Fields({ rows, label }: { rows: readonly Row[]; label: string }) {
  const shown = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
  return (
    <dl className="ins-fields" aria-label={label}>
      {shown.map(([k, v], i) => (
        <div key={`${k}-${i}`} className="ins-fields__row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  )
}

const shortAlgorithm = (uri: string | undefined) => uri?.replace(/^.*[#/]/, '')

function signatureRows(sig: SignatureCheck): Row[] {
  return [
    ['Signature', `${sig.status}${sig.signedPart ? ` (on the ${sig.signedPart})` : ''}`],
    ['Algorithm', shortAlgorithm(sig.algorithm)],
    ['Digest', shortAlgorithm(sig.digestAlgorithm)],
    ['Verified with', sig.matched.map((m) => m.label).join('; ') || undefined],
    [
      'Certificate in the message',
      sig.embedded
        ? [
            sig.embedded.subject && `CN=${sig.embedded.subject}`,
            sig.embedded.thumbprint && `thumbprint ${sig.embedded.thumbprint}`,
            sig.embedded.kid && `kid ${sig.embedded.kid}`,
            sig.embedded.notAfter && `until ${sig.embedded.notAfter.slice(0, 10)}`,
          ]
            .filter(Boolean)
            .join(', ')
        : undefined,
    ],
  ]
}

function decodedRows(a: Artefact): Row[] {
  switch (a.kind) {
    case 'saml': {
      const s = a.assertion
      return [
        [
          'Container',
          a.container === 'wsfed'
            ? 'WS-Federation result (RSTR)'
            : a.container === 'response'
              ? 'SAML 2.0 response'
              : 'Assertion',
        ],
        ['Assertion', `SAML ${s.version}${s.id ? `, ID ${s.id}` : ''}`],
        ['Issuer', s.issuer],
        ['Issued', s.issueInstant],
        ['Audience', s.conditions.audiences.join(', ')],
        ['Not before', s.conditions.notBefore],
        ['Not on or after', s.conditions.notOnOrAfter],
        ['NameID', s.nameId?.value],
        ['NameID format', s.nameId?.format],
        ...s.subjectConfirmations.map((c): Row => [
          'Subject confirmation',
          [
            c.method,
            c.recipient && `recipient ${c.recipient}`,
            c.notOnOrAfter && `until ${c.notOnOrAfter}`,
          ]
            .filter(Boolean)
            .join(', '),
        ]),
        ...s.attributes.map((x): Row => [
          `Attribute ${x.name}`,
          `${x.values.join(', ')}${x.namespace ? ` (${x.namespace})` : ''}`,
        ]),
        [
          'Authentication',
          s.authn ? [s.authn.context, s.authn.instant].filter(Boolean).join(' at ') : undefined,
        ],
        ['Response status', a.response?.status?.replace(/^.*:/, '')],
        ['Destination', a.response?.destination],
        ['Applies to', a.wsfed?.appliesTo],
        ...signatureRows(a.signature),
      ]
    }
    case 'jwt':
      return signatureRows(a.signature)
    case 'authorize':
      return [
        ['Endpoint', a.endpoint],
        ['Tenant', a.tenant],
        ['client_id', a.clientId],
        ['redirect_uri', a.redirectUri],
        ['scope', a.scopes.join(' ')],
        ['response_type', a.responseType],
        ['response_mode', a.responseMode],
        ['prompt', a.prompt],
        ['login_hint', a.loginHint],
        ['domain_hint', a.domainHint],
      ]
    case 'error':
      return [
        ['Sent to', a.endpoint],
        ['error', a.error],
        ['error_description', a.description],
      ]
    case 'wsfed-request':
      return [
        ['Endpoint', a.endpoint],
        ['wa', a.action],
        ['wtrealm', a.realm],
        ['wreply', a.reply],
        ['whr', a.homeRealm],
      ]
    case 'authn-request':
      return [
        ['Issuer', a.issuer],
        ['Destination', a.destination],
        ['AssertionConsumerServiceURL', a.assertionConsumerServiceUrl],
        ['NameIDPolicy format', a.nameIdPolicyFormat],
      ]
    case 'unreadable':
      return [
        ['Message', a.what],
        ['Reason', a.reason],
      ]
  }
}

/** The raw form: the XML as decoded, or a token's header and claims as JSON. */
function raw(a: Artefact): { label: string; text: string } | undefined {
  if (a.kind === 'saml' || a.kind === 'authn-request')
    return { label: 'Raw XML', text: prettyXml(a.xml) }
  if (a.kind === 'jwt')
    return {
      label: 'Header and claims',
      text: `${JSON.stringify(a.header, null, 2)}\n${JSON.stringify(a.claims, null, 2)}`,
    }
  return undefined
}

/** Line breaks between elements, so long XML reads in the raw view (content is unchanged). */
export function prettyXml(xml: string): string {
  return xml.replace(/>\s*</g, '>\n<')
}

export function DecodedView({ artefact, headingId }: { artefact: Artefact; headingId: string }) {
  const rawView = raw(artefact)
  return (
    <section className="wb-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Decoded</h3>
      <div className={rawView ? 'ins-decoded' : undefined}>
        <Fields rows={decodedRows(artefact)} label="Decoded fields" />
        {rawView && (
          <div className="ins-raw">
            <p className="ins-raw__label">{rawView.label}</p>
            <pre className="ins-raw__text" tabIndex={0} aria-label={rawView.label}>
              {rawView.text}
            </pre>
          </div>
        )}
      </div>
    </section>
  )
}

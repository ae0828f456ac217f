/**
 * The inspector's judgement of one decoded message against a snapshot: pure, so it runs in
 * the renderer's diagnosis worker (offline, from the cached snapshot) and in the CLI alike.
 * The privileged side decodes and verifies (`src/node/inspect`); this reads what it decoded.
 */
import type { SnapshotIndex } from '../compare/snapshot-index'
import type { Snapshot } from '../model'
import type { InspectedMessage } from './artefact'
import { checkAuthnRequest, checkAuthorize, checkError, checkWsFedRequest } from './check-flow'
import { checkSaml } from './check-saml'
import { checkToken } from './check-token'
import { type InspectReport, report } from './report'

/** Checks one message; see the checks' files for what each kind is held to. */
export function inspectMessage(
  message: InspectedMessage,
  snapshot: Snapshot,
  index: SnapshotIndex,
): InspectReport {
  const a = message.artefact
  switch (a.kind) {
    case 'unreadable':
      return {
        ...report('unreadable', [
          {
            id: 'readable',
            title: a.hostile ? 'Refused' : 'Unreadable',
            status: 'fail',
            summary: `${a.what}: ${a.reason}`,
          },
        ]),
        verdict: 'unreadable',
      }
    case 'saml':
      return checkSaml(message, a, snapshot, index)
    case 'jwt':
      return checkToken(message, a, snapshot, index)
    case 'authorize':
      return checkAuthorize(a, snapshot, index)
    case 'error':
      return checkError(a, snapshot, index)
    case 'wsfed-request':
      return checkWsFedRequest(a, snapshot, index)
    case 'authn-request':
      return checkAuthnRequest(a)
  }
}

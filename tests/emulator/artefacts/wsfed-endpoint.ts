/**
 * Okta's WS-Federation passive endpoint for the Office 365 app
 * (`GET /app/office365/{key}/sso/wsfed/passive?wa=wsignin1.0&wtrealm=…&username=…`), as if the
 * person had just signed in to Okta: the HTML page that posts the signed RSTR (`wresult`) to
 * Entra. The assertion names the app user's immutable ID and username, is issued by
 * `http://www.okta.com/{key}` and is signed with the app's active key.
 */
import { createPrivateKey } from 'node:crypto'
import type { EmulatorContext } from '../context'
import type { EmuRequest, EmuResponse } from '../http'
import { MICROSOFT_ONLINE, wsFedResult } from './assertions'

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function page(status: number, body: string): EmuResponse {
  return {
    status,
    contentType: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><html><body>${body}</body></html>`,
  }
}

/** The auto-post page with the signed result, or an error page. */
export function wsFedPassive(ctx: EmulatorContext, req: EmuRequest, key: string): EmuResponse {
  if (req.query.get('wa') !== 'wsignin1.0') return page(400, '<p>wa must be wsignin1.0.</p>')
  const { okta } = ctx.scenario
  const issuer = `http://www.okta.com/${key}`
  const app = okta.apps.find(
    (a) =>
      a['name'] === 'office365' &&
      String(
        (a['_links'] as { metadata?: { href?: string } } | undefined)?.metadata?.href ?? '',
      ).includes(`/${key}/`),
  )
  if (!app || app['status'] !== 'ACTIVE')
    return page(404, '<p>No active Office 365 app has this key.</p>')
  const appId = String(app['id'])
  const kid = (app['credentials'] as { signing?: { kid?: string } } | undefined)?.signing?.kid
  const jwk = (okta.appKeys[appId] ?? []).find((k) => k['kid'] === kid)
  const pem = kid ? okta.signingKeyPems?.[kid] : undefined
  if (!jwk || !pem) return page(500, '<p>The app has no signing key.</p>')
  const username = (req.query.get('username') ?? '').toLowerCase()
  const appUser = (okta.appUsers[appId] ?? []).find(
    (au) =>
      String(
        (au['credentials'] as { userName?: string } | undefined)?.userName ?? '',
      ).toLowerCase() === username,
  )
  if (!appUser) return page(403, '<p>The user is not assigned to this application.</p>')
  const profile = (appUser['profile'] ?? {}) as Record<string, string>
  const upn = String((appUser['credentials'] as { userName: string }).userName)
  const result = wsFedResult(
    {
      issuer,
      ...(profile['immutableId'] ? { immutableId: profile['immutableId'] } : {}),
      upn,
      audience: req.query.get('wtrealm') ?? MICROSOFT_ONLINE,
      issuedMs: ctx.store.clock.now(),
      lifetimeMs: 60 * 60_000,
    },
    { privateKey: createPrivateKey(pem), certificateDer: String((jwk['x5c'] as string[])[0]) },
  )
  const reply = req.query.get('wreply') ?? 'https://login.microsoftonline.com/login.srf'
  const field = (name: string, value: string) =>
    `<input type="hidden" name="${name}" value="${escapeHtml(value)}"/>`
  return page(
    200,
    `<form method="POST" name="hiddenform" action="${escapeHtml(reply)}">${field('wa', 'wsignin1.0')}${field('wresult', result)}${field('wctx', req.query.get('wctx') ?? '')}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"/></noscript></form>`,
  )
}

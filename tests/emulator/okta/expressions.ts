/**
 * The few Okta Expression Language forms the emulator evaluates when it builds an app
 * user's profile from a user → app profile mapping: `user.<attribute>`, `source.<attribute>`,
 * a quoted literal, and Okta's recommended Office 365 ImmutableID expression
 * (`hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty("id")`), where
 * the directory user's externalId is the AD objectGUID the directory import stores in the
 * profile's `immutableId`. Any other expression yields null (see the README's known
 * differences).
 */
import type { Json, OktaRecord } from '../scenarios/types'

const ATTRIBUTE = /^(?:user|source)\.([A-Za-z_][A-Za-z0-9_]*)$/
const LITERAL = /^"([^"\\]*)"$/
const DIRECTORY_TERNARY =
  /^hasDirectoryUser\(\)\s*\?\s*findDirectoryUser\(\)\.externalId\s*:\s*user\.getInternalProperty\("id"\)$/

function hasDirectoryUser(user: OktaRecord): boolean {
  const provider = (user.credentials as OktaRecord | undefined)?.provider as OktaRecord | undefined
  return provider?.type === 'ACTIVE_DIRECTORY'
}

/** The value an expression gives for an Okta user, or null when the emulator cannot evaluate it. */
export function evaluateExpression(expression: string, user: OktaRecord): Json {
  const text = expression.trim()
  const profile = (user.profile ?? {}) as OktaRecord
  const attribute = ATTRIBUTE.exec(text)
  if (attribute?.[1]) return profile[attribute[1]] ?? null
  const literal = LITERAL.exec(text)
  if (literal) return literal[1] ?? ''
  if (DIRECTORY_TERNARY.test(text))
    return hasDirectoryUser(user) ? (profile.immutableId ?? null) : (user.id ?? null)
  return null
}

/** An app user's profile from a mapping's properties (`{ attr: { expression } }`). */
export function profileFromMapping(mapping: OktaRecord | undefined, user: OktaRecord): OktaRecord {
  const out: OktaRecord = {}
  const properties = (mapping?.properties ?? {}) as Record<string, OktaRecord>
  for (const [name, property] of Object.entries(properties)) {
    const expression = property?.expression
    if (typeof expression === 'string') out[name] = evaluateExpression(expression, user)
  }
  return out
}

/**
 * The sections of the configuration and disaster-recovery documentation, in document order.
 * Every format (Markdown, HTML, PDF, JSON, CSV) and the Documents screen follow this list.
 */
export const SECTIONS = [
  { id: 'overview', title: 'Tenant overview' },
  { id: 'domains', title: 'Domains and federation' },
  { id: 'app-registrations', title: 'Entra app registrations behind Okta identity providers' },
  { id: 'identity-providers', title: 'Okta identity providers and routing' },
  { id: 'apps', title: 'Okta Office 365 and SAML apps' },
  { id: 'mappings', title: 'Profile mappings' },
  { id: 'sync', title: 'Entra Connect and provisioning' },
  { id: 'findings', title: 'Findings and fixes' },
  { id: 'rotation', title: 'Rotation calendar' },
  { id: 'runbook', title: 'Rebuild runbook' },
] as const

/** A section id: `overview`, `domains`, …, `runbook`. */
export type SectionId = (typeof SECTIONS)[number]['id']

/** Every section id, in document order. */
export const SECTION_IDS: readonly SectionId[] = SECTIONS.map((s) => s.id)

/** True for a known section id. */
export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value)
}

/** The title of a section. */
export function sectionTitle(id: SectionId): string {
  return SECTIONS.find((s) => s.id === id)?.title ?? id
}

/**
 * Parses a `--sections` list (comma-separated ids) into ids in document order; unknown ids
 * are returned in `unknown`.
 */
export function parseSections(list: string): { sections: SectionId[]; unknown: string[] } {
  const asked = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = asked.filter((s) => !isSectionId(s))
  const wanted = new Set(asked)
  return { sections: SECTION_IDS.filter((id) => wanted.has(id)), unknown }
}

/** The runbook's request bodies and placeholders, shared by its steps. */
import { inertJson } from './escape'

/** A request body as indented, inert JSON text. */
export const json = (value: unknown): string => inertJson(value, 2)

/** A placeholder for a value the rebuilt tenant creates, e.g. `<APP_1_CLIENT_ID>`. */
export const placeholder = (name: string): string => `<${name}>`

/**
 * The app's name and version, the one place every host and every snapshot's `tool` stamp
 * reads them: package.json's `version`, inlined by the bundlers (electron-vite, the Node
 * build) and read directly when running from source (tests, tsx).
 */
import { version } from '../../package.json'

/** The `tool.name` of every snapshot Crosswalk writes. */
export const APP_NAME = 'crosswalk'

/** The app's version, e.g. `0.1.0`. */
export function appVersion(): string {
  return version
}

/**
 * The hostile-input suite: snapshot files, profiles, tenant data and service answers shaped
 * by someone who wants Crosswalk to hang, crash, exhaust memory, mislead a terminal or a
 * spreadsheet, or send a token elsewhere; and sign-in artefacts pasted into the inspector. Each kind must end in a clear error or inert
 * output, within its time and memory bounds; the suite prints how many kinds it tried.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe } from 'vitest'
import { apiResponseCases } from './cases-api-responses'
import { artefactCases } from './cases-artefacts'
import { profileCases } from './cases-profiles'
import { snapshotFileCases } from './cases-snapshot-files'
import { tenantDataCases } from './cases-tenant-data'
import { hostileSuite } from './harness'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crosswalk-hostile-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('hostile inputs', () => {
  const where = () => dir
  // the heaviest (the default-ceiling gzip bomb) runs last, so the memory each case reports
  // is not inflated by an earlier peak
  hostileSuite([
    ...profileCases(where),
    ...apiResponseCases(),
    ...artefactCases(where),
    ...tenantDataCases(where),
    ...snapshotFileCases(where),
  ])
})

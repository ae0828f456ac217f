/**
 * Fidelity: every response the emulator serves for the tested endpoints is checked against
 * the official descriptions (Okta management OpenAPI, Graph v1.0 CSDL) in the reference folder.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../emulator/index'
import { callJson, graphToken } from '../../emulator/testing/clients'
import { checkGraphObject, loadCsdl, type Csdl } from '../../emulator/testing/graph-csdl'
import {
  checkOkta,
  loadOktaSpec,
  responseSchema,
  type OktaSpec,
} from '../../emulator/testing/okta-openapi'
import { startFixtureEmulator } from '../../emulator/testing/start'
import { crawlGraph, crawlOkta } from './fidelity-crawl'

const REFERENCE = resolve(process.env.CROSSWALK_REFERENCE_DIR ?? '../shared/reference')
const OKTA_YAML = join(REFERENCE, 'okta-management.yaml')
const GRAPH_CSDL = join(REFERENCE, 'graph-v1.0.csdl')
const present = existsSync(OKTA_YAML) && existsSync(GRAPH_CSDL)
if (!present)
  console.warn(
    `fidelity tests skipped: reference files not found in ${REFERENCE} (set CROSSWALK_REFERENCE_DIR)`,
  )

let okta: OktaSpec
let csdl: Csdl
let emu: Emulator

describe.skipIf(!present)('emulator responses match the official API descriptions', () => {
  beforeAll(async () => {
    okta = loadOktaSpec(OKTA_YAML)
    csdl = loadCsdl(GRAPH_CSDL)
    emu = await startFixtureEmulator({ users: 120 })
  })
  afterAll(() => emu?.close())

  it('the checkers themselves catch wrong names and types', () => {
    expect(
      checkGraphObject(csdl, 'microsoft.graph.user', { id: 'x', accountEnabled: 'yes' }),
    ).toEqual(['$.accountEnabled: "yes" is not Edm.Boolean'])
    expect(checkGraphObject(csdl, 'microsoft.graph.user', { displayname: 'x' })).toEqual([
      '$.displayname: no such property on microsoft.graph.user',
    ])
    expect(
      checkGraphObject(csdl, 'microsoft.graph.domain', {
        authenticationType: 'Federated',
        isVerified: true,
      }),
    ).toEqual([])
    expect(
      checkGraphObject(csdl, 'microsoft.graph.signIn', { status: { errorCode: '50107' } }),
    ).toEqual(['$.status.errorCode: "50107" is not Edm.Int32'])
    expect(
      checkGraphObject(csdl, 'microsoft.graph.synchronizationJob', {
        schedule: { state: 'Running' },
      }),
    ).toEqual([
      '$.schedule.state: Running is not a member of microsoft.graph.synchronizationScheduleState',
    ])
    const user = responseSchema(okta, '/api/v1/users/00u1').schema
    expect(checkOkta(okta, user, { id: '00u1', status: 'ACTIVE' })).toEqual([])
    expect(checkOkta(okta, user, { id: 1 })).toEqual(['$.id: 1 is not a string'])
    expect(checkOkta(okta, user, { id: 'x', staus: 'ACTIVE' })).toEqual([
      '$.staus: not declared by the schema',
    ])
    expect(checkOkta(okta, user, { status: 'ASLEEP' })[0]).toMatch(/is not one of/)
  })

  it('Graph: every object of every tested endpoint fits its CSDL type', async () => {
    const token = await graphToken(
      emu,
      emu.scenario.credentials.entra.clientId,
      emu.scenario.credentials.entra.clientSecret,
    )
    const { checked, errors } = await crawlGraph(emu, token, csdl)
    expect(checked).toBeGreaterThan(150)
    expect(errors).toEqual([])
  })

  it('Okta: every tested endpoint fits its OpenAPI 200 schema, and errors fit Error', async () => {
    const { checked, errors } = await crawlOkta(emu, okta)
    expect(checked).toBeGreaterThan(100)
    expect(errors).toEqual([])
    const errorSchema = { $ref: '#/components/schemas/Error' }
    for (const token of ['nope', emu.scenario.okta.apiTokens.find((t) => !t.admin)?.token ?? '']) {
      const r = await callJson(`${emu.oktaOrgUrl}/api/v1/users`, {
        ca: emu.caPem,
        headers: { authorization: `SSWS ${token}` },
      })
      expect(checkOkta(okta, errorSchema, r.json)).toEqual([])
    }
  })
})

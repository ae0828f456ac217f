import { runHistoryDiff } from '../../../../src/renderer/src/workers/run-history-diff'
import { act, type ReactNode } from 'react'
import { afterEach, beforeEach } from 'vitest'
import { createRoot, type Root } from 'react-dom/client'
import { RouterProvider, createMemoryRouter } from 'react-router'
import type { Finding } from '../../../../src/shared/model/finding'
import { Snapshot } from '../../../../src/shared/model/snapshot'
import { CrosswalkDb } from '../../../../src/renderer/src/db/schema'
import { loadSnapshot } from '../../../../src/renderer/src/db/snapshots'
import { saveFindings } from '../../../../src/renderer/src/db/findings'
import type { WorkbenchServices } from '../../../../src/renderer/src/features/workbench/services'
import {
  SnapshotCache,
  runCharts,
  runGroups,
  runIntegration,
  runPeople,
  runPerson,
} from '../../../../src/renderer/src/workers/run-compare'
import { WorkbenchProvider } from '../../../../src/renderer/src/features/workbench/workbench-context'
import { WorkbenchFrame } from '../../../../src/renderer/src/features/workbench/workbench-layout'
import { WORKBENCH_ROUTES } from '../../../../src/renderer/src/features/workbench/workbench-routes'
import { disposeCollectRuns } from '../../../../src/renderer/src/features/collect/use-collect-run'
import tenantPairJson from '../../../fixtures/workbench/tenant-pair.json'
import { createFakeApi, installFakeApi } from '../helpers/fake-api'
import { createInspectorEngine } from '../../../../src/renderer/src/workers/run-inspector'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

// jsdom has no layout; recharts' responsive sizing only needs the observer to exist.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}

// jsdom has no CSS.escape; react-aria's overlays read meta tags with it.
const css = (globalThis as { CSS?: { escape?: (value: string) => string } }).CSS
if (!css?.escape) {
  ;(globalThis as { CSS?: object }).CSS = {
    ...css,
    escape: (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (ch) => `\\${ch}`),
  }
}

export const WS = '7d1f1c2e-1111-4aaa-8bbb-000000000001'
export const NOW = '2026-11-21T09:00:00.000Z'

/** The hand-built tenant pair, validated. */
export function tenantPair(): Snapshot {
  return Snapshot.parse(structuredClone(tenantPairJson))
}

let dbCount = 0
/** A fresh, empty test database. */
export async function openTestDb(): Promise<CrosswalkDb> {
  const db = new CrosswalkDb(`workbench-test-${++dbCount}-${Math.random().toString(36).slice(2)}`)
  await db.open()
  return db
}

/** A test's database and the view it renders (see {@link useTestDb}). */
export interface TestContext {
  readonly db: CrosswalkDb
  /** renders the workspace routes at `path`; the view is unmounted after the test */
  render: (services: WorkbenchServices, path: string) => Promise<Rendered>
}

/** Gives each test of the calling file its own database, deleted with its view after the test. */
export function useTestDb(): TestContext {
  let db: CrosswalkDb | undefined
  let view: Rendered | undefined
  beforeEach(async () => {
    db = await openTestDb()
  })
  afterEach(async () => {
    await view?.unmount()
    view = undefined
    await db?.delete()
  })
  return {
    get db() {
      if (!db) throw new Error('The test database opens before each test.')
      return db
    },
    render: async (services, path) => (view = await renderWorkbench(services, path)),
  }
}

/**
 * Services over a test database. The diagnosis runs in-thread and stores
 * `findings` (or what `findingsFor` returns for the stored snapshot), so screens
 * see exactly the findings a test planted.
 */
export function testServices(
  db: CrosswalkDb,
  findingsFor: (snapshot: Snapshot) => Finding[],
): WorkbenchServices & { diagnosed: string[] } {
  const diagnosed: string[] = []
  // the comparisons run in-thread through the worker's own runners
  const cache = new SnapshotCache()
  const compare: WorkbenchServices['compare'] = async (snapshotId, task) => {
    const result =
      task.kind === 'people'
        ? await runPeople(cache, db, snapshotId)
        : task.kind === 'groups'
          ? await runGroups(cache, db, snapshotId)
          : task.kind === 'charts'
            ? await runCharts(cache, db, snapshotId)
            : task.kind === 'integration'
              ? await runIntegration(cache, db, snapshotId)
              : await runPerson(cache, db, snapshotId, task.entraRow, task.oktaRow)
    return result as never
  }
  const inspector = createInspectorEngine(db)
  return {
    diagnosed,
    openDb: async () => db,
    now: () => NOW,
    compare,
    inspector,
    diff: (olderId, newerId) => runHistoryDiff(db, olderId, newerId),
    diagnose: async (snapshotId) => {
      diagnosed.push(snapshotId)
      const findings = findingsFor(await loadSnapshot(db, snapshotId))
      await saveFindings(db, snapshotId, findings)
      return {
        snapshotId,
        findings: findings.length,
        bySeverity: {},
        loadMs: 0,
        diagnoseMs: 0,
        saveMs: 0,
      }
    },
  }
}

export interface Rendered {
  container: HTMLElement
  router: ReturnType<typeof createMemoryRouter>
  unmount: () => Promise<void>
}

/** Renders the workspace routes at `path` over the given services, as the app mounts them. */
export async function renderWorkbench(
  services: WorkbenchServices,
  path: string,
): Promise<Rendered> {
  // Run handles live for a window's lifetime; each test is a new window over its own cache.
  disposeCollectRuns()
  if (!window.api) installFakeApi(createFakeApi())
  const children = WORKBENCH_ROUTES[0]!.children!
  const router = createMemoryRouter(
    [
      {
        path: '/w/:workspaceId',
        element: (
          <WorkbenchProvider workspaceId={WS} services={services}>
            <WorkbenchFrame />
          </WorkbenchProvider>
        ),
        children,
      },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [path] },
  )
  return mount(<RouterProvider router={router} />, router)
}

async function mount(ui: ReactNode, router: Rendered['router']): Promise<Rendered> {
  const container = document.createElement('div')
  document.body.append(container)
  const root: Root = createRoot(container)
  await act(async () => root.render(ui))
  return {
    container,
    router,
    unmount: async () => {
      await act(async () => root.unmount())
      container.remove()
      disposeCollectRuns()
    },
  }
}

export { waitFor } from '../helpers/dom'

/** Types into a React-controlled input or textarea. */
export async function typeInto(
  element: HTMLInputElement | HTMLTextAreaElement,
  value: string,
): Promise<void> {
  const proto =
    element instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value)
    element.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export async function click(element: Element): Promise<void> {
  await act(async () => {
    ;(element as HTMLElement).click()
  })
}

/** The element whose text content includes `text`, among `selector` matches. */
export function byText(root: ParentNode, selector: string, text: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((el) =>
    el.textContent?.includes(text),
  )
}

/** A labelled form control, found through its <label>. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(
  root: ParentNode,
  label: string,
): T {
  const labels = [...root.querySelectorAll('label')].filter((l) =>
    l.textContent?.trim().startsWith(label),
  )
  for (const l of labels) {
    const control = l.htmlFor
      ? root.querySelector(`[id="${l.htmlFor}"]`)
      : l.querySelector('input, select, textarea')
    if (control) return control as T
  }
  throw new Error(`No control labelled ${label}`)
}

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { PROJECT_ROOT, findElectronBinary } from '../electron-binary'

const binary = findElectronBinary()

test.describe('Electron app', () => {
  test.skip(
    !binary.found,
    `Electron binary not present on this machine: ${binary.found ? '' : binary.reason}`,
  )

  test('starts, exposes only window.api and keeps workspaces', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cw-electron-'))
    const app = await electron.launch({
      executablePath: binary.found ? binary.file : undefined,
      args: [PROJECT_ROOT, `--data-dir=${dataDir}`],
      cwd: PROJECT_ROOT,
    })
    try {
      const window = await app.firstWindow()
      await expect(window.locator('[data-app-state="ready"]')).toBeVisible()
      // served from the app's own standard, secure scheme, never file://
      expect(window.url()).toMatch(/^crosswalk:\/\/app\/index\.html#/)
      expect(
        await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
      ).toBe('undefined')
      expect(
        await window.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort()),
      ).toEqual(['invoke', 'on'])
      await window.getByRole('button', { name: 'New workspace' }).click()
      await window.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Desktop Co')
      await window.getByRole('dialog').getByRole('button', { name: 'Create' }).click()
      // a new workspace opens at once
      await expect(window.getByRole('group', { name: 'Desktop Co' })).toBeVisible()
      await expect(window.getByText('Desktop', { exact: true })).toBeVisible()
    } finally {
      await app.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})

/**
 * The dependency law of STYLE.md §2 is only as good as the lint that enforces
 * it: each case plants one violation in a file at a real project path (linted
 * as text, so nothing touches the tree) and expects lint to reject it with the
 * named rule; control cases show that the allowed form passes.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`)
}

const violations: [string, string, string, string][] = [
  [
    'shared imports node:fs',
    'src/shared/planted.ts',
    "import { readFile } from 'node:fs'\nexport const x = readFile\n",
    'no-restricted-imports',
  ],
  [
    'shared imports a bare built-in',
    'src/shared/planted.ts',
    "import path from 'path'\nexport const x = path\n",
    'no-restricted-imports',
  ],
  [
    'shared imports react',
    'src/shared/planted.ts',
    "import { useState } from 'react'\nexport const x = useState\n",
    'no-restricted-imports',
  ],
  [
    'shared imports dexie',
    'src/shared/planted.ts',
    "import Dexie from 'dexie'\nexport const x = Dexie\n",
    'no-restricted-imports',
  ],
  [
    'shared imports electron',
    'src/shared/planted.ts',
    "import { app } from 'electron'\nexport const x = app\n",
    'no-restricted-imports',
  ],
  [
    'shared imports src/node',
    'src/shared/planted.ts',
    "import { createLogger } from '../node/log'\nexport const x = createLogger\n",
    'import-x/no-restricted-paths',
  ],
  [
    'shared uses the DOM',
    'src/shared/planted.ts',
    'export const x = () => document.title\n',
    'no-restricted-globals',
  ],
  [
    'shared reads the clock',
    'src/shared/planted.ts',
    'export const x = () => Date.now()\n',
    'no-restricted-properties',
  ],
  [
    'node imports electron',
    'src/node/planted.ts',
    "import { safeStorage } from 'electron'\nexport const x = safeStorage\n",
    'no-restricted-imports',
  ],
  [
    'node imports the CLI',
    'src/node/planted.ts',
    "import { runCli } from '../cli/main'\nexport const x = runCli\n",
    'import-x/no-restricted-paths',
  ],
  [
    'renderer imports electron',
    'src/renderer/src/planted.ts',
    "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n",
    'no-restricted-imports',
  ],
  [
    'renderer imports node:fs',
    'src/renderer/src/planted.ts',
    "import fs from 'node:fs'\nexport const x = fs\n",
    'no-restricted-imports',
  ],
  [
    'renderer imports src/node',
    'src/renderer/src/planted.ts',
    "import { createLogger } from '../../node/log'\nexport const x = createLogger\n",
    'import-x/no-restricted-paths',
  ],
  [
    'renderer feature imports dexie',
    'src/renderer/src/features/planted.ts',
    "import Dexie from 'dexie'\nexport const x = Dexie\n",
    'no-restricted-imports',
  ],
  [
    'web imports electron',
    'src/web/planted.ts',
    "import { app } from 'electron'\nexport const x = app\n",
    'no-restricted-imports',
  ],
  [
    'cli imports electron',
    'src/cli/planted.ts',
    "import { app } from 'electron'\nexport const x = app\n",
    'no-restricted-imports',
  ],
  [
    'preload imports zod',
    'src/preload/planted.ts',
    "import { z } from 'zod'\nexport const x = z\n",
    'no-restricted-imports',
  ],
  [
    'preload imports the contract',
    'src/preload/planted.ts',
    "import { invokeContract } from '../shared/ipc/contract'\nexport const x = invokeContract\n",
    'import-x/no-restricted-paths',
  ],
  [
    'main uses ipcMain outside main/ipc',
    'src/main/planted.ts',
    "import { ipcMain } from 'electron'\nexport const x = ipcMain\n",
    'no-restricted-imports',
  ],
  [
    'main sends on webContents directly',
    'src/main/planted.ts',
    "export function f(win: { webContents: { send: (c: string) => void } }) {\n  win.webContents.send('x')\n}\n",
    'no-restricted-syntax',
  ],
  [
    'the emulator imports src',
    'tests/emulator/planted.ts',
    "import { Snapshot } from '../../src/shared/model/snapshot'\nexport const x = Snapshot\n",
    'import-x/no-restricted-paths',
  ],
]

const allowed: [string, string, string][] = [
  [
    'shared imports zod and shared',
    'src/shared/planted.ts',
    "import { z } from 'zod'\nimport { Workspace } from './model/workspace'\nexport const x = [z, Workspace]\n",
  ],
  [
    'node imports node:fs and shared',
    'src/node/planted.ts',
    "import fs from 'node:fs'\nimport { Workspace } from '../shared/model/workspace'\nexport const x = [fs, Workspace]\n",
  ],
  [
    'db imports dexie',
    'src/renderer/src/db/planted.ts',
    "import Dexie from 'dexie'\nexport const x = Dexie\n",
  ],
  [
    'preload imports channels and electron',
    'src/preload/planted.ts',
    "import { contextBridge } from 'electron'\nimport { INVOKE_CHANNELS } from '../shared/ipc/channels'\nexport const x = [contextBridge, INVOKE_CHANNELS]\n",
  ],
  [
    'main/ipc uses ipcMain',
    'src/main/ipc/planted.ts',
    "import { ipcMain } from 'electron'\nexport const x = ipcMain\n",
  ],
  [
    'the emulator imports node',
    'tests/emulator/planted.ts',
    "import https from 'node:https'\nexport const x = https\n",
  ],
]

describe('dependency law', () => {
  it.each(violations)('rejects: %s', async (_name, file, code, rule) => {
    expect(await ruleIdsFor(file, code)).toContain(rule)
  })

  it.each(allowed)('allows: %s', async (_name, file, code) => {
    expect(await ruleIdsFor(file, code)).toEqual([])
  })
})

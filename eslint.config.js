// The dependency law of STYLE.md §2, as lint: a file's folder fixes what it may import.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const NODE_MESSAGE = 'Node built-ins belong in src/node, src/main, src/web or src/cli.'
// Exact names, not patterns: a pattern such as "util" would also match "../util/access".
const noNodePaths = NODE_BUILTINS.map((name) => ({ name, message: NODE_MESSAGE }))
const noNode = { group: ['node:*'], message: NODE_MESSAGE }
const noElectron = { name: 'electron', message: 'Only src/main and src/preload import electron.' }
const noReact = [
  {
    group: [
      'react',
      'react-dom',
      'react-dom/*',
      'react/*',
      'react-router',
      'react-aria-components',
      'recharts',
    ],
    message: 'React belongs in src/renderer.',
  },
]
const noDexie = { group: ['dexie', 'dexie/*'], message: 'Only src/renderer/src/db imports dexie.' }
const ipcFence = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'ipcMain/ipcRenderer live only in src/main/ipc and src/preload.',
}

const noRawWebContentsSend = {
  selector:
    "CallExpression[callee.property.name='send'][callee.object.property.name='webContents']",
  message:
    'Send events with sendEvent() from src/main/ipc/send-event.ts, which validates the payload.',
}

/** Builds a no-restricted-paths zone list: `target` may not import from any of `from`. */
const zone = (target, from, message, except) => ({
  target,
  from,
  message,
  ...(except ? { except } : {}),
})

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', noRawWebContentsSend],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/shared',
              [
                './src/node',
                './src/main',
                './src/preload',
                './src/renderer',
                './src/web',
                './src/cli',
              ],
              'src/shared is pure: it imports only src/shared and zod.',
            ),
            zone(
              './src/node',
              ['./src/main', './src/preload', './src/renderer', './src/web', './src/cli'],
              'src/node may import only src/shared.',
            ),
            zone(
              './src/main',
              ['./src/renderer', './src/preload', './src/web', './src/cli'],
              'src/main may import only src/shared and src/node.',
            ),
            zone(
              './src/preload',
              [
                './src/shared',
                './src/node',
                './src/main',
                './src/renderer',
                './src/web',
                './src/cli',
              ],
              'The preload imports only src/shared/ipc/channels.',
              ['./ipc/channels.ts'],
            ),
            zone(
              './src/renderer',
              ['./src/node', './src/main', './src/preload', './src/web', './src/cli'],
              'The renderer imports only src/shared and its own folders.',
            ),
            zone(
              './src/web',
              ['./src/main', './src/preload', './src/renderer', './src/cli'],
              'src/web may import only src/shared and src/node.',
            ),
            zone(
              './src/cli',
              ['./src/main', './src/preload', './src/renderer', './src/web'],
              'src/cli may import only src/shared and src/node.',
            ),
            zone(
              './tests/emulator',
              ['./src'],
              'The emulator imports nothing from src/: it must not share our bugs.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noNodePaths], patterns: [noNode, ...noReact, noDexie] },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'navigator',
        'localStorage',
        'require',
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Rules read "now" from the snapshot, never the clock.',
        },
      ],
    },
  },
  {
    files: ['src/node/**', 'src/web/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [...noReact, noDexie] }],
    },
  },
  {
    // Tenant data must reach a terminal inert: CLI text goes through src/cli/output.ts.
    files: ['src/cli/**'],
    ignores: ['src/cli/output.ts', 'src/cli/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        noRawWebContentsSend,
        {
          selector: 'CallExpression[callee.property.name=/^std(out|err)$/]',
          message: 'Print with createOutput() from src/cli/output.ts, the terminal printer.',
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/ipc/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ipcFence], patterns: [...noReact, noDexie] }],
    },
  },
  {
    files: ['src/main/ipc/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noReact, noDexie] }] },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The preload stays tiny: no zod.' }, ...noNodePaths],
          patterns: [noNode, ...noReact, noDexie],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noNodePaths], patterns: [noNode, noDexie] },
      ],
    },
  },
  {
    files: ['src/renderer/src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noNodePaths], patterns: [noNode] },
      ],
    },
  },
  {
    files: ['tests/emulator/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [...noReact, noDexie] }],
    },
  },
  {
    files: ['tests/e2e/**', 'tests/unit/renderer/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
)

// Builds out/ when it is missing or older than the sources (the check `npm run web` uses), and
// says up front why the electron project will skip, since the list reporter omits skip reasons.
import { execFileSync } from 'node:child_process'
import { PROJECT_ROOT, findElectronBinary } from './electron-binary'

export default function globalSetup(): void {
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "const m = await import('./scripts/web.mjs'); m.ensureBuilt()"],
    { cwd: PROJECT_ROOT, stdio: 'inherit' },
  )
  const electron = findElectronBinary()
  if (!electron.found) {
    process.stdout.write(
      `[electron] project skipped: Electron binary not present on this machine: ${electron.reason}\n`,
    )
  }
}

/**
 * PDF from standalone HTML through the system's Chromium in headless mode (`--print-to-pdf`),
 * for the CLI: the HTML goes to a private temporary folder, Chromium prints it with no header
 * or footer, and the folder is removed whatever happens. The document carries no script and
 * its Content-Security-Policy (`default-src 'none'`) forbids any; Chromium's own switch that
 * turns scripts off (`--blink-settings=scriptEnabled=false`) also stops headless printing.
 * Chromium is looked up on the PATH (`chromium`, `chromium-browser`, `google-chrome`,
 * `google-chrome-stable`) unless `CROSSWALK_CHROMIUM` names it.
 */
import { execFile } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** The Chromium executable to print with, or undefined when there is none. */
export async function findChromium(
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | undefined> {
  const named = env.CROSSWALK_CHROMIUM
  const candidates = named
    ? [named]
    : (env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .flatMap((dir) => NAMES.map((n) => path.join(dir, n)))
  for (const file of candidates) {
    try {
      await access(file, constants.X_OK)
      return file
    } catch {
      // not there, or not executable: try the next
    }
  }
  return undefined
}

/** Prints standalone HTML to PDF bytes with `chromium`; rejects with Chromium's own message. */
export async function htmlToPdf(
  chromium: string,
  html: string,
  timeoutMs = 120_000,
): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crosswalk-pdf-'))
  try {
    const input = path.join(dir, 'document.html')
    const output = path.join(dir, 'document.pdf')
    await writeFile(input, html, { mode: 0o600 })
    const args = [
      '--headless=new',
      '--disable-gpu',
      '--disable-extensions',
      '--no-first-run',
      '--no-default-browser-check',
      '--no-pdf-header-footer',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--print-to-pdf=${output}`,
      // Chromium refuses to run its sandbox as root (CI machines, containers)
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(input).href,
    ]
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        args,
        { timeout: timeoutMs, maxBuffer: 4 << 20 },
        (error, _out, stderr) => {
          if (error)
            reject(
              new Error(
                `Chromium could not print the document: ${
                  String(stderr || error.message)
                    .trim()
                    .split('\n')
                    .slice(-1)[0] ?? ''
                }`,
              ),
            )
          else resolve()
        },
      )
    })
    return new Uint8Array(await readFile(output))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

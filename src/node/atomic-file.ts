/**
 * The one writer of whole files (snapshots, the vault, the connection and workspace stores).
 *
 * - **The target is checked first** ({@link checkWriteTarget}): its folder exists and is
 *   writable, and the target is absent or a regular file, never a folder, a device, a FIFO,
 *   a socket or a symbolic link. Replacing `/dev/full` or a link's target with a regular
 *   file is refused, and a command can check its `--out` before any work starts.
 * - **Nothing is ever half-written**: the data goes to a temporary file in the same folder
 *   (created exclusively, so a planted link at its name is not followed), is flushed, then
 *   renamed over the target (atomic on one file system). On failure the temporary file is
 *   removed and the target is untouched.
 * - **Temporary files carry the writing process id** (`.NAME.PID.RANDOM.tmp`). A process
 *   killed mid-write leaves one behind; the next write of the same target removes those
 *   whose process is gone, and never one a live process is still writing.
 */
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import * as fsp from 'node:fs/promises'
import path from 'node:path'

/** A target the writer refuses, with the reason in plain words. */
export class WriteTargetError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message)
    this.name = 'WriteTargetError'
  }
}

/** The file operations the writer uses: injected in tests to simulate a full disk. */
export interface WriterFs {
  open: (
    file: string,
    flags: string,
    mode: number,
  ) => Promise<Pick<fsp.FileHandle, 'writeFile' | 'sync' | 'close'>>
  rename: (from: string, to: string) => Promise<void>
  rm: (file: string, options: { force: boolean }) => Promise<void>
}

const NODE_FS: WriterFs = { open: fsp.open, rename: fsp.rename, rm: fsp.rm }

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** permission bits of a new file; default owner-only 0o600 */
  mode?: number
  fs?: WriterFs
  /** whether a process id still runs; default `process.kill(pid, 0)` */
  isAlive?: (pid: number) => boolean
}

function kindOf(info: {
  isDirectory: () => boolean
  isCharacterDevice: () => boolean
  isBlockDevice: () => boolean
  isFIFO: () => boolean
  isSocket: () => boolean
}): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isSocket()) return 'a socket'
  return 'not a regular file'
}

/**
 * Checks that `file` can be written by {@link writeFileAtomic}: its folder exists and is
 * writable, and `file` is absent or a regular file. Rejects with `WriteTargetError`.
 */
export async function checkWriteTarget(file: string): Promise<void> {
  const target = path.resolve(file)
  const folder = path.dirname(target)
  let folderInfo
  try {
    folderInfo = await fsp.stat(folder)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new WriteTargetError(
      target,
      code === 'ENOENT'
        ? `The folder ${folder} does not exist; create it first.`
        : `The folder ${folder} cannot be read (${code ?? 'error'}).`,
    )
  }
  if (!folderInfo.isDirectory()) {
    throw new WriteTargetError(target, `${folder} is not a folder.`)
  }
  try {
    await fsp.access(folder, constants.W_OK | constants.X_OK)
  } catch {
    throw new WriteTargetError(target, `The folder ${folder} is not writable.`)
  }
  let info
  try {
    info = await fsp.lstat(target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw new WriteTargetError(
      target,
      `${target} cannot be checked (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    )
  }
  if (info.isSymbolicLink()) {
    throw new WriteTargetError(
      target,
      `${target} is a symbolic link; name the file itself (Crosswalk does not write through links).`,
    )
  }
  if (!info.isFile()) {
    throw new WriteTargetError(
      target,
      `${target} is ${kindOf(info)}; name a new or existing regular file.`,
    )
  }
}

/** `.NAME.PID.RANDOM.tmp` for a target NAME. */
function tempName(target: string, pid: number): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
}

function defaultIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Removes the temporary files a killed writer left beside `file`: only regular files named
 * for this target whose process id no longer runs. Returns the names removed.
 */
export async function removeStaleTemps(
  file: string,
  isAlive: (pid: number) => boolean = defaultIsAlive,
): Promise<string[]> {
  const target = path.resolve(file)
  const folder = path.dirname(target)
  const pattern = new RegExp(
    `^\\.${escapeRegExp(path.basename(target))}\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`,
  )
  let names: string[]
  try {
    names = await fsp.readdir(folder)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1])
    if (!Number.isSafeInteger(pid) || pid <= 0) continue
    // a write in flight, this process's or a live one's, is never stale
    if (pid === process.pid || isAlive(pid)) continue
    const temp = path.join(folder, name)
    try {
      if (!(await fsp.lstat(temp)).isFile()) continue
      await fsp.rm(temp, { force: true })
      removed.push(name)
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed
}

/** Writes `data` to `file` atomically, after checking the target; see the file comment. */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = path.resolve(file)
  const fs = options.fs ?? NODE_FS
  await checkWriteTarget(target)
  await removeStaleTemps(target, options.isAlive)
  const temp = tempName(target, process.pid)
  try {
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, target)
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}

import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  checkWriteTarget,
  removeStaleTemps,
  writeFileAtomic,
  WriteTargetError,
  type WriterFs,
} from '../../../src/node/atomic-file'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cw-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const isRoot = process.getuid?.() === 0
const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** The real file system, with `writeFile` failing as a full disk does. */
function fullDisk(): WriterFs & { temps: string[] } {
  const temps: string[] = []
  return {
    temps,
    open: async (file, flags, mode) => {
      temps.push(file)
      const { open } = await import('node:fs/promises')
      const handle = await open(file, flags, mode)
      return {
        writeFile: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
            code: 'ENOSPC',
          })
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      }
    },
    rename: async (from, to) => (await import('node:fs/promises')).rename(from, to),
    rm: async (file, options) => (await import('node:fs/promises')).rm(file, options),
  }
}

describe('writeFileAtomic', () => {
  it('replaces the whole file, owner-only, and leaves no temporary file', async () => {
    const file = path.join(dir, 'data.json')
    await writeFile(file, 'old contents that are longer than the new ones')
    await writeFileAtomic(file, 'new')
    expect(await readFile(file, 'utf8')).toBe('new')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('on a full disk keeps the previous file whole and removes its temporary file', async () => {
    const file = path.join(dir, 'snapshot.json')
    await writeFile(file, 'the last good snapshot')
    const fs = fullDisk()
    await expect(writeFileAtomic(file, 'x'.repeat(1000), { fs })).rejects.toThrow(/ENOSPC/)
    expect(await readFile(file, 'utf8')).toBe('the last good snapshot')
    expect(await readdir(dir)).toEqual(['snapshot.json'])
    // the temporary file named the writing process
    expect(path.basename(fs.temps[0] ?? '')).toMatch(
      new RegExp(`^\\.snapshot\\.json\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`),
    )
  })

  it('removes the temporary files of writers that are gone, and only those', async () => {
    const file = path.join(dir, 'data.json')
    const gone = '.data.json.4000001.aaaaaaaaaaaa.tmp'
    const live = '.data.json.4000002.bbbbbbbbbbbb.tmp'
    const other = '.other.json.4000001.cccccccccccc.tmp'
    const mine = `.data.json.${process.pid}.dddddddddddd.tmp`
    for (const name of [gone, live, other, mine]) await writeFile(path.join(dir, name), 'partial')
    await writeFileAtomic(file, 'new', { isAlive: (pid) => pid === 4000002 })
    expect((await readdir(dir)).sort()).toEqual([live, mine, other, 'data.json'].sort())
  })

  it('judges liveness with the real process table by default', async () => {
    const file = path.join(dir, 'data.json')
    const parent = `.data.json.${process.ppid}.aaaaaaaaaaaa.tmp`
    await writeFile(path.join(dir, parent), 'partial')
    expect(await removeStaleTemps(file)).toEqual([])
    const unused = `.data.json.2147483646.bbbbbbbbbbbb.tmp`
    await writeFile(path.join(dir, unused), 'partial')
    expect(await removeStaleTemps(file)).toEqual([unused])
  })
})

describe('checkWriteTarget', () => {
  const refusal = async (file: string) => {
    const error = await checkWriteTarget(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WriteTargetError)
    return (error as Error).message
  }

  it('accepts an absent target or a regular file in a writable folder', async () => {
    await expect(checkWriteTarget(path.join(dir, 'new.json'))).resolves.toBeUndefined()
    await writeFile(path.join(dir, 'old.json'), '{}')
    await expect(checkWriteTarget(path.join(dir, 'old.json'))).resolves.toBeUndefined()
  })

  it('refuses a missing folder, a folder and a file in place of a folder', async () => {
    expect(await refusal(path.join(dir, 'missing', 'out.json'))).toBe(
      `The folder ${path.join(dir, 'missing')} does not exist; create it first.`,
    )
    await mkdir(path.join(dir, 'taken'))
    expect(await refusal(path.join(dir, 'taken'))).toMatch(/is a folder;/)
    await writeFile(path.join(dir, 'file'), '')
    expect(await refusal(path.join(dir, 'file', 'out.json'))).toMatch(/is not a folder\.$/)
  })

  it('refuses a symbolic link, even to a regular file, and leaves its target alone', async () => {
    const real = path.join(dir, 'real.json')
    await writeFile(real, 'kept')
    await symlink(real, path.join(dir, 'link.json'))
    expect(await refusal(path.join(dir, 'link.json'))).toMatch(/is a symbolic link/)
    await expect(writeFileAtomic(path.join(dir, 'link.json'), 'x')).rejects.toThrow(
      WriteTargetError,
    )
    expect(await readFile(real, 'utf8')).toBe('kept')
  })

  it('refuses devices', async () => {
    expect(await refusal('/dev/null')).toMatch(/is a device|is not writable/)
    expect(await refusal('/dev/full')).toMatch(/is a device|is not writable/)
  })

  it.skipIf(!hasMkfifo)('refuses a FIFO', async () => {
    const fifo = path.join(dir, 'pipe')
    execFileSync('mkfifo', [fifo])
    expect(await refusal(fifo)).toMatch(/is a FIFO/)
  })

  it('refuses a socket', async () => {
    const socket = path.join(dir, 'sock')
    const server: Server = createServer()
    await new Promise<void>((resolve) => server.listen(socket, resolve))
    try {
      expect(await refusal(socket)).toMatch(/is a socket/)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it.skipIf(isRoot)('refuses a folder it may not write in', async () => {
    const locked = path.join(dir, 'locked')
    await mkdir(locked, { mode: 0o500 })
    expect(await refusal(path.join(locked, 'out.json'))).toMatch(/is not writable/)
  })
})

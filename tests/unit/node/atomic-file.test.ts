import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../src/node/atomic-file'

describe('writeFileAtomic', () => {
  it('replaces the whole file, owner-only, and leaves no temporary file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cw-atomic-'))
    const file = path.join(dir, 'data.json')
    await writeFile(file, 'old contents that are longer than the new ones')
    await writeFileAtomic(file, 'new')
    expect(await readFile(file, 'utf8')).toBe('new')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('leaves the target untouched and cleans up when the write cannot complete', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cw-atomic-'))
    const target = path.join(dir, 'taken')
    await mkdir(target)
    await writeFile(path.join(target, 'inside'), 'kept')
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['taken'])
    expect(await readFile(path.join(target, 'inside'), 'utf8')).toBe('kept')
  })
})

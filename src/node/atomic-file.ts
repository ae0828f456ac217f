/**
 * Whole-file writes that never leave a half-written file behind: the data goes
 * to a temporary file in the same directory, is flushed, then renamed over the
 * target (rename is atomic on one file system). On any failure the temporary
 * file is removed and the target is untouched.
 */
import { open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  mode = 0o600,
): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  )
  try {
    const handle = await open(temp, 'w', mode)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/**
 * Offers data as a file download through an anchor (the hosts deny new windows, and a
 * download needs no IPC). Every save of the app goes through here.
 */

/** Downloads `parts` as a file named `name`. */
export function downloadFile(
  name: string,
  parts: BlobPart[],
  type: string,
  doc: Document = document,
): string {
  const blob = new Blob(parts, { type })
  const url = URL.createObjectURL(blob)
  const anchor = doc.createElement('a')
  anchor.href = url
  anchor.download = name
  anchor.rel = 'noreferrer'
  anchor.style.display = 'none'
  doc.body.append(anchor)
  anchor.click()
  anchor.remove()
  // Revoked on the next turn: the download has started from the click by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
  return name
}

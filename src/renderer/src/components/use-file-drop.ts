import { useState, type DragEvent } from 'react'

/**
 * A drop zone for one file: `dragging` while a file is held over it, and the handlers
 * to spread on the zone's element. The first dropped file goes to `onFile`.
 */
export function useFileDrop(onFile: (file: File) => void): {
  dragging: boolean
  dropProps: {
    'data-dragging': true | undefined
    onDragOver: (event: DragEvent<HTMLElement>) => void
    onDragLeave: () => void
    onDrop: (event: DragEvent<HTMLElement>) => void
  }
} {
  const [dragging, setDragging] = useState(false)
  return {
    dragging,
    dropProps: {
      'data-dragging': dragging || undefined,
      onDragOver: (event) => {
        event.preventDefault()
        setDragging(true)
      },
      onDragLeave: () => setDragging(false),
      onDrop: (event) => {
        event.preventDefault()
        setDragging(false)
        const file = event.dataTransfer.files[0]
        if (file) onFile(file)
      },
    },
  }
}

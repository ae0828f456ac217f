/**
 * A full garbage collection on demand, for benchmarks whose figures include memory: it
 * lets a figure show what the process holds, not garbage left by building its data or by
 * the benchmarks that ran before it in the same process.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

v8.setFlagsFromString('--expose-gc')

/** Runs a full, synchronous garbage collection. */
export const collectGarbage = vm.runInNewContext('gc') as () => void

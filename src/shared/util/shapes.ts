/**
 * One empty instance, for the life of the program, of each class a diagnosis builds anew
 * for every snapshot (its indexes, its join, its tallies).
 *
 * A JavaScript engine such as V8 keeps an object's hidden class only while some object
 * with it is alive, and throws away optimized code compiled against a hidden class once
 * that class is collected. A diagnosis drops everything it built when it returns, so
 * without these instances a full garbage collection before the next diagnosis (in the
 * app's worker, the one that frees the previous snapshot) takes most of the diagnosis's
 * optimized code with it, and the next diagnosis compiles it all again while running: at
 * 100k people a side that made it about a third slower than straight after another
 * diagnosis. Keeping one instance of each class keeps its hidden class, and with it the
 * code.
 */
const kept: object[] = []

/** Keeps `instance` alive for the life of the program; returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance)
  return instance
}

/** The constructor names of the instances kept (for tests). */
export function keptShapes(): string[] {
  return kept.map((o) => o.constructor.name)
}

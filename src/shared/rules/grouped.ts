/**
 * Grouped findings for problems that hit many objects at once (data validation, sync
 * lag, unverified suffixes): one finding per group key, listing at most
 * `maxSubjects` objects, with the total and up to 20 example values in evidence.
 * This keeps a 100k-user diagnosis to a bounded number of findings.
 */
import type { Subject } from '../model'
import { keepShape } from '../util/shapes'

/** One group under construction. */
export interface Group {
  key: string
  subjects: Subject[]
  total: number
  examples: Record<string, unknown>[]
}

/** Collects objects into groups with bounded subject and example lists. */
export class Grouper {
  readonly groups = new Map<string, Group>()
  constructor(
    private readonly maxSubjects: number,
    private readonly maxExamples = 20,
  ) {}

  add(key: string, subject: Subject, example?: Record<string, unknown>): void {
    let g = this.groups.get(key)
    if (!g) {
      g = { key, subjects: [], total: 0, examples: [] }
      this.groups.set(key, g)
    }
    g.total++
    if (g.subjects.length < this.maxSubjects) g.subjects.push(subject)
    if (example && g.examples.length < this.maxExamples) g.examples.push(example)
  }
}

keepShape(new Grouper(1))

/**
 * The typed parts of a finding's evidence, which the finding view renders as a
 * comparison: the Entra and Okta objects side by side, the attribute pairs compared,
 * and the population a rule judged. A finding's `evidence` stays an open record (other
 * tools read the finding contract), so every part here is optional and a rule adds
 * whatever else it compared beside them.
 */
import { z } from 'zod'

/** How two compared values relate. */
export const PairVerdict = z.enum([
  'equal',
  /** equal once case, surrounding space, Unicode form or zero-width characters are set aside */
  'equal-normalised',
  'different',
  'missing-entra',
  'missing-okta',
])
export type PairVerdict = z.infer<typeof PairVerdict>

/** One attribute on each side. */
export const ComparedPair = z.object({
  /** what is compared, in words ("UPN ↔ login") */
  label: z.string(),
  entra: z.object({ attribute: z.string(), value: z.unknown() }).optional(),
  okta: z.object({ attribute: z.string(), value: z.unknown() }).optional(),
  verdict: PairVerdict,
  /** why the verdict matters here, or which normalisation made them equal */
  note: z.string().optional(),
})
export type ComparedPair = z.infer<typeof ComparedPair>

/** One object on one side, named. */
export const SideObject = z.object({
  type: z.string(),
  id: z.string(),
  name: z.string().optional(),
})
export type SideObject = z.infer<typeof SideObject>

/** One comparison: an object (or person) on each side and the pairs that differ or matter. */
export const Comparison = z.object({
  entra: SideObject.optional(),
  okta: SideObject.optional(),
  /** the keys that joined the two, for people */
  joinedBy: z.array(z.string()).optional(),
  pairs: z.array(ComparedPair),
})
export type Comparison = z.infer<typeof Comparison>

/** Which population a rule judged, and who it left out and why. */
export const Population = z.object({
  judged: z.string(),
  count: z.number().int().nonnegative(),
  excluded: z.array(z.object({ reason: z.string(), count: z.number().int().nonnegative() })),
})
export type Population = z.infer<typeof Population>

/** The typed evidence fields; everything else a rule adds passes through. */
export const Evidence = z
  .object({
    comparisons: z.array(Comparison).optional(),
    /** how many comparisons there were in all, when `comparisons` lists only some */
    total: z.number().int().nonnegative().optional(),
    population: Population.optional(),
    /** the AADSTS codes this cause produces */
    aadsts: z.array(z.string()).optional(),
  })
  .catchall(z.unknown())
export type Evidence = z.infer<typeof Evidence>

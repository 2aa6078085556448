import { z } from 'zod';

/**
 * Cross-checks between criteria, as data in the indicator set (docs/indicator-sets.md "Cross-checks"): what
 * one answer declares must agree with another (e.g. late dossiers counted in one criterion while another
 * says "không có hồ sơ trễ hạn"). Evaluated by the preflight (shared/domain/cross-checks.ts).
 */
export const CROSS_CHECK_INPUTS = ['numerator', 'denominator', 'percent', 'count', 'levelId', 'met', 'externalValue', 'manualPoints'] as const;

/** One declared value: an input of a leaf's answer. */
export const crossCheckOperandSchema = z.object({ nodeId: z.string().min(1).max(64), input: z.enum(CROSS_CHECK_INPUTS) }).strict();

/** A test on one declared value. */
export const crossCheckConditionSchema = crossCheckOperandSchema
  .extend({ op: z.enum(['eq', 'ne', 'gt', 'ge', 'lt', 'le']), value: z.union([z.number(), z.boolean(), z.string().max(40)]) })
  .strict();

const common = {
  id: z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
  /** error blocks the submission; warning asks for a look. */
  severity: z.enum(['error', 'warning']),
  /** What is inconsistent and what to do, in the set's words (Vietnamese). */
  message: z.string().min(1).max(500),
};

export const crossCheckSchema = z.discriminatedUnion('kind', [
  /** When `when` holds, `then` must hold too. */
  z.object({ kind: z.literal('IMPLIES'), ...common, when: crossCheckConditionSchema, then: crossCheckConditionSchema }).strict(),
  /** Figure `a` may not exceed figure `b` (e.g. dossiers handled late ≤ dossiers received). */
  z.object({ kind: z.literal('NOT_ABOVE'), ...common, a: crossCheckOperandSchema, b: crossCheckOperandSchema }).strict(),
]);
export type CrossCheck = z.infer<typeof crossCheckSchema>;
export type CrossCheckCondition = z.infer<typeof crossCheckConditionSchema>;
export type CrossCheckOperand = z.infer<typeof crossCheckOperandSchema>;

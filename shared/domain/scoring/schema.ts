import { z } from 'zod';

import { NODE_KINDS } from '../../schemas/indicator-set';
import { scoreProblemSchema } from './problems';
import { NODE_STATUSES } from './types';
import type { AssessmentScore } from './types';

/** zod mirrors of the scoring result types, for channel outputs (values are milli-points / index bp). */
const milli = z.number().int();

export const nodeScoreSchema = z.object({
  nodeId: z.string(),
  code: z.string(),
  title: z.string(),
  kind: z.enum([...NODE_KINDS, 'MIXED']).optional(),
  isLeaf: z.boolean(),
  score: milli,
  max: milli,
  applicableMax: milli,
  index: z.number().int().nullable(),
  status: z.enum(NODE_STATUSES),
  explanation: z.string(),
  problems: z.array(scoreProblemSchema),
});

const part = z.object({ score: milli, max: milli, applicableMax: milli });
const capped = z.object({ raw: milli, counted: milli, cap: milli });

/** The totals without the per-node list (what `answers.save` returns after each edit). */
export const scoreTotalsSchema = z.object({
  self: part,
  survey: part,
  bonus: capped,
  penalty: capped,
  final: milli,
  maxTotal: milli,
  applicableMax: milli,
  index: z.number().int().nullable(),
  classification: z.object({ id: z.string(), label: z.string() }).nullable(),
  completeness: z.object({
    leaves: z.number().int(),
    scored: z.number().int(),
    na: z.number().int(),
    unanswered: z.number().int(),
    pendingSurvey: z.number().int(),
    invalid: z.number().int(),
  }),
  domains: z.array(nodeScoreSchema),
});
export type ScoreTotals = z.infer<typeof scoreTotalsSchema>;

export const assessmentScoreSchema = scoreTotalsSchema.extend({
  nodes: z.array(nodeScoreSchema),
  byId: z.record(z.string(), nodeScoreSchema),
});

/** The roll-ups a channel answers after a change (everything of AssessmentScore except per-node scores). */
export const scoreTotalsOf = (s: AssessmentScore): ScoreTotals => ({
  self: s.self,
  survey: s.survey,
  bonus: s.bonus,
  penalty: s.penalty,
  final: s.final,
  maxTotal: s.maxTotal,
  applicableMax: s.applicableMax,
  index: s.index,
  classification: s.classification,
  completeness: s.completeness,
  domains: s.domains,
});

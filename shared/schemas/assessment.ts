import { z } from 'zod';

import { idSchema, isoDateSchema, yearSchema } from './common';

export const ASSESSMENT_STATUSES = ['draft', 'locked'] as const;

export const assessmentSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  indicatorSetId: z.string(),
  indicatorSetVersion: z.string(),
  indicatorSetName: z.string(),
  /** Canonical SHA-256 of the set when the assessment was created (identifies it in bundles). */
  indicatorSetSha256: z.string(),
  revision: z.number().int().min(1),
  /** The revision this one replaces (null for the first). */
  supersedesRevision: z.number().int().nullable(),
  status: z.enum(ASSESSMENT_STATUSES),
  deadline: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Set only on an assessment created before the app allowed one per year and set (migration 0160): the id
   * of the one kept for that year and set. It stays openable; the list labels it.
   */
  duplicateOf: z.string().optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const createAssessmentInputSchema = z
  .object({
    year: yearSchema,
    indicatorSetId: idSchema,
    deadline: isoDateSchema.nullable().optional(),
  })
  .strict();
export type CreateAssessmentInput = z.infer<typeof createAssessmentInputSchema>;

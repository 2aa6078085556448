import { z } from 'zod';

import { userText } from './common';

/** Free text of the report (sections I, V and VI), written by the unit in the app. */
export const reportNarrativeSchema = z
  .object({
    basis: userText(20_000),
    strengths: userText(20_000),
    weaknesses: userText(20_000),
    causes: userText(20_000),
    recommendations: userText(20_000),
  })
  .strict();
export type ReportNarrativeInput = z.input<typeof reportNarrativeSchema>;
export type ReportNarrativeValue = z.output<typeof reportNarrativeSchema>;

export const storedNarrativeSchema = z.object({
  narrative: z.object({
    basis: z.string(),
    strengths: z.string(),
    weaknesses: z.string(),
    causes: z.string(),
    recommendations: z.string(),
  }),
  /** null until first saved. */
  updatedAt: z.string().nullable(),
});
export type StoredNarrative = z.infer<typeof storedNarrativeSchema>;

import { z } from 'zod';

import { unitTypeSchema } from './unit';

/** What the catalogue shows before a set is opened (the full schema is in indicator-set.ts). */
export const indicatorSetSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  version: z.string(),
  unitTypes: z.array(unitTypeSchema),
  isSample: z.boolean(),
  sha256: z.string(),
});
export type IndicatorSetSummary = z.infer<typeof indicatorSetSummarySchema>;

import { z } from 'zod';

import { hex64, lineText, SUBMISSION_FORMAT } from './submission';
import { UNIT_CODE_RE, unitTypeSchema } from './unit';

/**
 * Pieces shared by the packages of a round after the submission (docs/package-formats.md): the appraisal
 * result and the final result (Sở Nội vụ → unit) and the giải trình (unit → Sở Nội vụ). Every string
 * follows the display-text rule of submission.json; points are integer milli-points.
 */
export const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
export const isoInstantSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/);
export const calendarDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Milli-points of one criterion or a total (a few hundred points at most; bounded so sums stay exact). */
export const packageMilli = z.number().int().min(0).max(100_000_000);
export const formatField = z.literal(SUBMISSION_FORMAT);
export const revisionField = z.number().int().min(1).max(10_000);
export const appField = z.object({ name: lineText(500), version: lineText(40) }).strict();
export const unitCodeField = z.string().min(1).max(40).regex(UNIT_CODE_RE);

export const packageUnitSchema = z.object({ code: unitCodeField, name: lineText(500).pipe(z.string().min(1)), block: unitTypeSchema }).strict();
export type PackageUnit = z.infer<typeof packageUnitSchema>;

export const packageIssuerSchema = z.object({ code: unitCodeField, name: lineText(500).pipe(z.string().min(1)) }).strict();

export const packageSetRefSchema = z.object({ id: lineText(100).pipe(z.string().min(1)), version: lineText(40).pipe(z.string().min(1)), sha256: hex64 }).strict();

/** Totals of one unit, exactly as shared/domain/ranking.ts computes them (index in hundredths of a percent). */
export const packageTotalsSchema = z
  .object({
    self: packageMilli,
    survey: packageMilli,
    bonus: packageMilli,
    penalty: packageMilli,
    final: packageMilli,
    applicableMax: packageMilli,
    index: z.number().int().min(0).max(10_000).nullable(),
    classification: z.object({ id: lineText(40), label: lineText(200) }).strict().nullable(),
  })
  .strict();
export type PackageTotals = z.infer<typeof packageTotalsSchema>;

/** The place of the unit in its block: ties share a rank; null when the unit has no index. */
export const packageRankSchema = z.object({ rank: z.number().int().min(1).max(100_000).nullable(), of: z.number().int().min(1).max(100_000) }).strict();

/** Rules a schema cannot say about node lists: ids unique. [path, why] like roundConsistencyIssues. */
export const duplicateIds = (items: readonly { nodeId: string }[], field: string): [string, string][] => {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  items.forEach((it, i) => {
    if (seen.has(it.nodeId)) out.push([`${field}.${i}.nodeId`, `node ${it.nodeId} listed twice`]);
    seen.add(it.nodeId);
  });
  return out;
};

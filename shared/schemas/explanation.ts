import { z } from 'zod';

import { appField, duplicateIds, formatField, isoInstantSchema, packageMilli, packageUnitSchema, revisionField, uuidSchema } from './exchange-common';
import { MAX_PACKAGE_CRITERIA } from './appraisal-result';
import { blockText, EVIDENCE_PATH_RE, hex64, lineText, submissionEvidenceSchema } from './submission';

/**
 * The giải trình package (unit → Sở Nội vụ, docs/package-formats.md): the unit answers its appraisal result
 * criterion by criterion, with an explanation, optionally the score it asks for, and new evidence files
 * (carried as evidence/NNNN.ext exactly like a submission's). It names the result it answers by id, revision
 * and the SHA-256 of the result package file, so an answer to a superseded result is recognised.
 */
export const EXPLANATION_KIND = 'explanation';
export const EXPLANATION_PATH = 'explanation.json';

/** New evidence for a giải trình: far fewer than a submission's. */
export const MAX_EXPLANATION_EVIDENCE = 500;

export const explanationItemSchema = z
  .object({
    nodeId: lineText(80).pipe(z.string().min(1)),
    code: lineText(40),
    /** The unit's explanation: required. */
    text: blockText(8000).pipe(z.string().trim().min(1)),
    /** The score the unit asks for (null: the unit explains without naming a score). */
    requested: packageMilli.nullable(),
    evidence: z.array(z.string().max(32).regex(EVIDENCE_PATH_RE)).max(100),
  })
  .strict();
export type ExplanationItem = z.infer<typeof explanationItemSchema>;

export const explanationSchema = z
  .object({
    format: formatField,
    kind: z.literal(EXPLANATION_KIND),
    /** Fixed for one unit's answer to one result; a corrected answer inside the window raises `revision`. */
    explanationId: uuidSchema,
    revision: revisionField,
    createdAt: isoInstantSchema,
    app: appField,
    roundId: uuidSchema,
    year: z.number().int().min(2000).max(2100),
    unit: packageUnitSchema,
    answers: z.object({ resultId: uuidSchema, resultRevision: revisionField, resultSha256: hex64 }).strict(),
    items: z.array(explanationItemSchema).min(1).max(MAX_PACKAGE_CRITERIA),
    evidence: z.array(submissionEvidenceSchema).max(MAX_EXPLANATION_EVIDENCE),
  })
  .strict();
export type Explanation = z.infer<typeof explanationSchema>;

/** Rules the schema cannot say: ids unique, every item's evidence listed, every listed file used by an item, paths unique. */
export const explanationIssues = (x: Explanation): [string, string][] => {
  const out = duplicateIds(x.items, 'items');
  const listed = new Set<string>();
  x.evidence.forEach((e, i) => {
    if (listed.has(e.path)) out.push([`evidence.${i}.path`, `${e.path} listed twice`]);
    listed.add(e.path);
  });
  const used = new Set<string>();
  x.items.forEach((it, i) =>
    it.evidence.forEach((p, j) => {
      used.add(p);
      if (!listed.has(p)) out.push([`items.${i}.evidence.${j}`, `${p} is not in evidence`]);
    }),
  );
  x.evidence.forEach((e, i) => {
    if (!used.has(e.path)) out.push([`evidence.${i}.path`, `${e.path} is used by no item`]);
  });
  return out;
};

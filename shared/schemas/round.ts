import { z } from 'zod';

import { isoDateSchema } from './common';
import { hex64, lineText, SUBMISSION_FORMAT } from './submission';
import { UNIT_CODE_RE, unitTypeSchema } from './unit';
import type { UnitType } from './unit';

/**
 * The round package (Sở Nội vụ → units): round.json and one indicator-set file per block, signed in the
 * ASiC-E container (docs/package-formats.md). The same display-text rules as submission.json apply.
 */
export const ROUND_KIND = 'round';

/** Zip path of a block's official set inside a round package. */
export const roundSetPath = (block: UnitType): string => `sets/${block.toLowerCase()}.json`;
export const ROUND_SET_PATH_RE = /^sets\/(so|phuong|xa_dac_khu)\.json$/;

/** At most this many units in one round (Hải Phòng has a few hundred; ten times that is still a round). */
export const MAX_ROUND_UNITS = 5000;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const unitCode = z.string().min(1).max(40).regex(UNIT_CODE_RE);

export const roundUnitSchema = z
  .object({ code: unitCode, name: lineText(500).pipe(z.string().min(1)), block: unitTypeSchema })
  .strict();
export type RoundUnit = z.infer<typeof roundUnitSchema>;

export const roundSetRefSchema = z
  .object({
    block: unitTypeSchema,
    id: lineText(100).pipe(z.string().min(1)),
    version: lineText(40).pipe(z.string().min(1)),
    /** Canonical SHA-256 of the normalised set (services/indicator-sets/catalog.ts indicatorSetSha256). */
    sha256: hex64,
    path: z.string().max(40).regex(ROUND_SET_PATH_RE),
  })
  .strict();
export type RoundSetRef = z.infer<typeof roundSetRefSchema>;

export const roundDeadlinesSchema = z
  .object({
    /** Last day a unit may submit its self-assessment (dd/mm/yyyy in the UI, ISO date here). */
    selfAssessmentDue: isoDateSchema,
    /** The giải trình window: units may answer the appraisal from start to end, both days included. */
    explanationStart: isoDateSchema,
    explanationEnd: isoDateSchema,
  })
  .strict();
export type RoundDeadlines = z.infer<typeof roundDeadlinesSchema>;

export const roundPackageSchema = z
  .object({
    format: z.literal(SUBMISSION_FORMAT),
    kind: z.literal(ROUND_KIND),
    roundId: uuid,
    /** Raised by each re-export after an edit; a unit keeps the highest it imported. */
    revision: z.number().int().min(1).max(10_000),
    createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/),
    app: z.object({ name: lineText(500), version: lineText(40) }).strict(),
    issuer: z.object({ code: unitCode, name: lineText(500).pipe(z.string().min(1)) }).strict(),
    year: z.number().int().min(2000).max(2100),
    sets: z.array(roundSetRefSchema).min(1).max(3),
    units: z.array(roundUnitSchema).max(MAX_ROUND_UNITS),
    deadlines: roundDeadlinesSchema,
  })
  .strict();
export type RoundPackage = z.infer<typeof roundPackageSchema>;

/**
 * Rules the schema cannot say, as [path, why] (empty = consistent): one set per block at its own path,
 * every unit's block has a set, unit codes unique (case-insensitive), the giải trình window in order.
 */
export const roundConsistencyIssues = (r: RoundPackage): [string, string][] => {
  const out: [string, string][] = [];
  const blocks = new Set<string>();
  r.sets.forEach((s, i) => {
    if (blocks.has(s.block)) out.push([`sets.${i}.block`, `block ${s.block} has two sets`]);
    blocks.add(s.block);
    if (s.path !== roundSetPath(s.block)) out.push([`sets.${i}.path`, `path of block ${s.block} must be ${roundSetPath(s.block)}`]);
  });
  const codes = new Set<string>();
  r.units.forEach((u, i) => {
    const key = u.code.toLowerCase();
    if (codes.has(key)) out.push([`units.${i}.code`, `unit code ${u.code} listed twice`]);
    codes.add(key);
    if (!blocks.has(u.block)) out.push([`units.${i}.block`, `no official set for block ${u.block}`]);
  });
  const d = r.deadlines;
  if (d.explanationStart > d.explanationEnd) out.push(['deadlines.explanationEnd', 'giải trình window ends before it starts']);
  for (const [k, v] of Object.entries(d)) {
    // A calendar day that exists (2025-02-30 does not), in the round's year or the next (giải trình).
    const real = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== v) out.push([`deadlines.${k}`, `${v} is not a calendar day`]);
    else if (!v.startsWith(String(r.year)) && !v.startsWith(String(r.year + 1))) out.push([`deadlines.${k}`, `date outside ${r.year}–${r.year + 1}`]);
  }
  return out;
};

import { z } from 'zod';

import { crossCheckSchema } from './indicator-set-cross-checks';
import { scoringMethodSchema } from './indicator-set-methods';
import { unitTypeSchema } from './unit';

/**
 * An indicator set (Bộ chỉ số) as DATA: the official set of a year replaces a sample by dropping a JSON (or
 * Excel template) file in, never by changing code. Structural shape here; the semantic rules (children sum
 * to the parent, the set totals its declared max, method parameters fit the node's max…) are in
 * indicator-set-rules.ts and report errors that name the node code and the field, in Vietnamese.
 */

export const NODE_KINDS = ['SELF', 'SURVEY', 'BONUS', 'PENALTY'] as const;
export const nodeKindSchema = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof nodeKindSchema>;

export const NA_POLICIES = ['NOT_ALLOWED', 'RESCALE', 'FULL_MARKS'] as const;
export const naPolicySchema = z.enum(NA_POLICIES);
export type NaPolicy = z.infer<typeof naPolicySchema>;

/** Stable node id: survives renumbering of codes; answers and evidence links key on it. */
export const nodeIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'Mã định danh nút chỉ gồm chữ không dấu, số, dấu chấm, gạch' })
  // Node ids key plain objects (scores, answers by id): a set from outside must not name "__proto__",
  // "constructor", "toString" or another member every object has.
  .refine((id) => !(id in Object.prototype), { message: 'Mã định danh nút trùng tên dành riêng của JavaScript (như constructor, __proto__)' });

export const nodeCodeSchema = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,3}){0,5}$/, { message: 'Mã tiêu chí phải có dạng 1, 1.2 hoặc 1.2.3' });

const text = (max: number) => z.string().max(max).transform((s) => s.normalize('NFC'));

export const indicatorNodeSchema = z
  .object({
    id: nodeIdSchema,
    code: nodeCodeSchema,
    title: text(1000).pipe(z.string().min(1, { message: 'Tên tiêu chí không được để trống' })),
    guidance: text(8000).default(''),
    /** Điểm tối đa (points, ≤ 3 decimals). For a container: the sum of its children (see rules). */
    maxPoints: z.number().min(0).max(1000),
    /** Required on leaves; optional on containers (then every leaf below must have it). */
    kind: nodeKindSchema.optional(),
    /** Required on leaves, absent on containers. */
    method: scoringMethodSchema.optional(),
    naPolicy: naPolicySchema.default('NOT_ALLOWED'),
    evidenceHints: z.array(text(500)).max(30).default([]),
    evidenceRequired: z.boolean().default(false),
    explanationRequiredBelowMax: z.boolean().default(false),
    /** Id of the node of the previous year's set that this node continues (answers/evidence carry forward). */
    continuesFrom: nodeIdSchema.nullable().default(null),
    get children() {
      return z.array(indicatorNodeSchema).max(200).optional();
    },
  })
  .strict();

export type IndicatorNode = z.infer<typeof indicatorNodeSchema>;
export type IndicatorNodeInput = z.input<typeof indicatorNodeSchema>;

export const classificationBandSchema = z
  .object({
    id: z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
    label: text(100).pipe(z.string().min(1)),
    /** Lowest index (percent, two decimals) of the band, inclusive. Bands are listed highest first. */
    minIndex: z.number().min(0).max(100),
  })
  .strict();
export type ClassificationBand = z.infer<typeof classificationBandSchema>;

export const sourceDecisionSchema = z
  .object({
    /** Số/ký hiệu, e.g. "3552/QĐ-UBND". */
    number: text(100),
    /** Ngày ban hành, yyyy-mm-dd; null while the decision is pending. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày không hợp lệ' }).nullable(),
    issuer: text(300).default(''),
  })
  .strict();

export const indicatorSetBaseSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, { message: 'Mã bộ chỉ số chỉ gồm chữ không dấu, số, gạch' }),
    name: text(300).pipe(z.string().min(1)),
    year: z.number().int().min(2000).max(2100),
    version: z.string().min(1).max(40),
    unitTypes: z.array(unitTypeSchema).min(1),
    isSample: z.boolean(),
    /** Shown on every screen and report when isSample is true. */
    sampleNotice: text(500).default(''),
    sourceDecision: sourceDecisionSchema,
    /** Id of last year's set that `continuesFrom` refers to (null: no mapping). */
    previousSetId: z.string().max(64).nullable().default(null),
    /** Scale of S + X (100). */
    maxTotal: z.number().positive().max(1000),
    /** Most bonus points that count; most penalty points that are deducted. */
    bonusCap: z.number().min(0).max(1000).default(0),
    penaltyCap: z.number().min(0).max(1000).default(0),
    classification: z.array(classificationBandSchema).min(1).max(10),
    nodes: z.array(indicatorNodeSchema).min(1).max(50),
    /** Cross-checks between criteria (indicator-set-cross-checks.ts); absent in sets that have none, so their hash is unchanged. */
    crossChecks: z.array(crossCheckSchema).max(200).optional(),
  })
  .strict();

// The full schema (shape + the semantic rules of indicator-set-rules.ts) is `indicatorSetSchema` in
// indicator-set-validate.ts: the rules walk the tree with shared/domain/indicator-tree.ts, which needs these
// types, so applying them here would make a cycle.
export type IndicatorSet = z.infer<typeof indicatorSetBaseSchema>;
export type IndicatorSetInput = z.input<typeof indicatorSetBaseSchema>;

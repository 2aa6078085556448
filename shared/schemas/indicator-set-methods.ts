import { z } from 'zod';

/**
 * Scoring methods of a leaf node (a discriminated union on `type`). Points and percentages are written as
 * decimal numbers in the set file (1.5, 98.6); the engine converts them to exact integers (shared/domain/
 * points.ts) and the set validator refuses more than 3 decimals.
 */

const label = (max: number) => z.string().max(max);
const pointsValue = z.number().min(0).max(1000);
/** A percentage 0..100 (e.g. 98 for 98 %). */
const pct = z.number().min(0).max(100);

/** Fields shared by every method whose input is a rate (numerator ÷ denominator, or a percent). */
const rateFields = {
  /** What is counted above the line, e.g. "Số hồ sơ giải quyết đúng hạn". */
  numeratorLabel: label(300).default('Tử số'),
  /** What is counted below the line, e.g. "Tổng số hồ sơ đã giải quyết". */
  denominatorLabel: label(300).default('Mẫu số'),
  /**
   * The numerator counts failures and the scored rate is 1 − numerator ÷ denominator (domain doc M9:
   * on-time rate = 100 % − late rate).
   */
  complement: z.boolean().default(false),
  /**
   * Denominator 0 means the task did not arise: 'NA' applies the node's N/A policy (invalid if N/A is not
   * allowed), 'FULL_MARKS' gives the maximum, 'ZERO' gives 0.
   */
  zeroDenominator: z.enum(['NA', 'FULL_MARKS', 'ZERO']).default('NA'),
};

export const binaryMethodSchema = z
  .object({
    type: z.literal('BINARY'),
    /** Text of the yes/no question (defaults to the node title in the UI). */
    question: label(500).default(''),
  })
  .strict();

export const levelSchema = z
  .object({
    id: z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
    label: z.string().min(1).max(300),
    points: pointsValue,
  })
  .strict();

export const levelsMethodSchema = z
  .object({ type: z.literal('LEVELS'), levels: z.array(levelSchema).min(2).max(20) })
  .strict();

/** One band: rate ≥ min (inclusive) or rate > min (exclusive) → points. Bands are listed highest first. */
export const bandSchema = z
  .object({ min: pct, inclusive: z.boolean().default(true), points: pointsValue })
  .strict();

export const bandsMethodSchema = z
  .object({
    type: z.literal('BANDS'),
    ...rateFields,
    bands: z.array(bandSchema).min(1).max(20),
    /** Points when the rate is below every band. */
    otherwisePoints: pointsValue.default(0),
  })
  .strict();

/** score = min(1, rate ÷ target) × max, optionally capped lower than max. */
export const linearMethodSchema = z
  .object({
    type: z.literal('LINEAR'),
    ...rateFields,
    targetPct: pct.default(100),
    capPoints: pointsValue.nullable().default(null),
  })
  .strict();

/** Linear interpolation between breakpoints (ascending pct); below the first: belowPoints; above the last: its points. */
export const piecewiseMethodSchema = z
  .object({
    type: z.literal('PIECEWISE'),
    ...rateFields,
    points: z.array(z.object({ pct, points: pointsValue }).strict()).min(2).max(20),
    belowPoints: pointsValue.default(0),
  })
  .strict();

/** score = max(0, max − perEvent × count). */
export const countDeductMethodSchema = z
  .object({
    type: z.literal('COUNT_DEDUCT'),
    perEvent: z.number().positive().max(1000),
    countLabel: label(300).default('Số lần vi phạm'),
  })
  .strict();

/** score = min(max, perEvent × count): bonus or penalty amounts ("+1 mỗi sáng kiến, tối đa 2"). */
export const countMethodSchema = z
  .object({
    type: z.literal('COUNT'),
    perEvent: z.number().positive().max(1000),
    countLabel: label(300).default('Số lần'),
  })
  .strict();

/** Points taken from another index: min(value, scaleMax) ÷ scaleMax × max (766 score /100, SIPAS %). */
export const externalMethodSchema = z
  .object({
    type: z.literal('EXTERNAL'),
    source: z.string().min(1).max(200),
    scaleMax: z.number().positive().max(1_000_000).default(100),
  })
  .strict();

/** Points typed by hand within [0, max] in multiples of step. */
export const manualMethodSchema = z
  .object({ type: z.literal('MANUAL'), step: z.number().positive().max(1000).default(0.25) })
  .strict();

/** Survey (XHH) result: not self-scored; the percentage of max is entered or imported later. */
export const surveyMethodSchema = z
  .object({ type: z.literal('SURVEY'), source: z.string().max(200).default('Điều tra xã hội học') })
  .strict();

export const scoringMethodSchema = z.discriminatedUnion('type', [
  binaryMethodSchema,
  levelsMethodSchema,
  bandsMethodSchema,
  linearMethodSchema,
  piecewiseMethodSchema,
  countDeductMethodSchema,
  countMethodSchema,
  externalMethodSchema,
  manualMethodSchema,
  surveyMethodSchema,
]);

export type ScoringMethod = z.infer<typeof scoringMethodSchema>;
export type ScoringMethodType = ScoringMethod['type'];
export type RateMethod = Extract<ScoringMethod, { type: 'BANDS' | 'LINEAR' | 'PIECEWISE' }>;

export const METHOD_TYPES = [
  'BINARY',
  'LEVELS',
  'BANDS',
  'LINEAR',
  'PIECEWISE',
  'COUNT_DEDUCT',
  'COUNT',
  'EXTERNAL',
  'MANUAL',
  'SURVEY',
] as const satisfies readonly ScoringMethodType[];

import { z } from 'zod';

import { toMilli } from '../domain/points';
import { idSchema, requiredText, userText, yearSchema } from './common';
import { nodeIdSchema } from './indicator-set';
import { unitTypeSchema } from './unit';

/**
 * One answer per leaf node of an indicator set. The declared figures (số liệu kê khai) are stored, not the
 * score: the score is always recomputed from the set + inputs by shared/domain/scoring, so Sở Nội vụ can
 * recompute it and a corrected set re-scores every answer. Which inputs a node reads depends on its method:
 *   BINARY → met · LEVELS → levelId · BANDS/LINEAR/PIECEWISE → numerator + denominator, or percent ·
 *   COUNT_DEDUCT/COUNT → count · EXTERNAL → externalValue · MANUAL → manualPoints · SURVEY → percent.
 * Other inputs are ignored (kept so switching a node's method later loses nothing).
 */
/** A decimal with at most 3 decimals (scores and rates are exact thousandths). */
const decimal3 = (min: number, max: number) =>
  z.number().min(min).max(max).refine((v) => toMilli(v) !== null, { message: 'Tối đa 3 chữ số thập phân' });

export const answerInputsSchema = z
  .object({
    numerator: z.number().int().min(0).max(1_000_000_000).optional(),
    denominator: z.number().int().min(0).max(1_000_000_000).optional(),
    /** A rate typed directly as a percentage (0–100, ≤ 3 decimals), when counts are not available. */
    percent: decimal3(0, 100).optional(),
    count: z.number().int().min(0).max(1_000_000).optional(),
    levelId: z.string().min(1).max(40).optional(),
    met: z.boolean().optional(),
    /** The other index's value (e.g. 766 points out of 100, SIPAS %). */
    externalValue: decimal3(0, 1_000_000).optional(),
    manualPoints: decimal3(0, 1000).optional(),
  })
  .strict();
export type AnswerInputs = z.infer<typeof answerInputsSchema>;

/** "Không áp dụng": the task did not arise; the reason is mandatory (and shown to the appraiser). */
export const notApplicableSchema = z.object({ reason: requiredText(2000) }).strict();

/**
 * "Không có tài liệu kiểm chứng": the unit states, on purpose and with a reason, that a sub-criterion has no
 * evidence document. Separate from the giải trình (which explains a score below max): without this choice a
 * sub-criterion that needs evidence and has none is never complete.
 */
export const evidenceWaiverSchema = z.object({ reason: requiredText(2000) }).strict();
export type EvidenceWaiver = z.infer<typeof evidenceWaiverSchema>;

const answerCore = {
  nodeId: nodeIdSchema,
  inputs: answerInputsSchema.default({}),
  notApplicable: notApplicableSchema.nullable().default(null),
  /** Giải trình: how the unit scored itself, mandatory below max where the set asks for it. */
  explanation: userText(8000).default(''),
  evidenceWaiver: evidenceWaiverSchema.nullable().default(null),
};

/** In the app: evidence is cited by document id in the evidence store. */
export const answerSchema = z
  .object({ ...answerCore, evidenceIds: z.array(idSchema).max(200).default([]) })
  .strict();
export type Answer = z.infer<typeof answerSchema>;
export type AnswerInput = z.input<typeof answerSchema>;

/** What the scoring engine needs from an answer (both the app and the portable form satisfy it). */
export type ScorableAnswer = Pick<Answer, 'nodeId' | 'inputs' | 'notApplicable' | 'explanation'> & {
  /** Absent (answers from older files, survey values, imported bundles): no waiver. */
  evidenceWaiver?: EvidenceWaiver | null;
};

/**
 * A path relative to the evidence/ folder beside the answers file: forward slashes, no "..", not absolute,
 * no drive letter or backslash (the same rules the bundle uses for entry names).
 */
export const evidencePathSchema = z
  .string()
  .min(1)
  .max(255)
  .transform((s) => s.normalize('NFC'))
  .refine((s) => !s.startsWith('/') && !/[\\:\0]/.test(s) && !s.split('/').some((seg) => seg === '..' || seg === '.' || seg === ''), {
    message: 'Đường dẫn tài liệu kiểm chứng phải là đường dẫn tương đối trong thư mục evidence/',
  });

export const portableAnswerSchema = z
  .object({ ...answerCore, evidence: z.array(evidencePathSchema).max(200).default([]) })
  .strict();
export type PortableAnswer = z.infer<typeof portableAnswerSchema>;

export const PORTABLE_ANSWERS_FORMAT = 'cchc-answers';

/** The answers.json file used by the CLI (`cchc score`, `cchc report`, `cchc pack`) and the examples. */
export const portableAnswersFileSchema = z
  .object({
    format: z.literal(PORTABLE_ANSWERS_FORMAT),
    formatVersion: z.literal(1),
    indicatorSetId: z.string().min(1).max(64),
    /** Optional pin: when present, `cchc score` refuses a set whose canonical SHA-256 differs. */
    indicatorSetSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
    year: yearSchema,
    unit: z
      .object({ name: requiredText(200), code: requiredText(40), type: unitTypeSchema })
      .strict()
      .nullable()
      .default(null),
    /** Folder (relative to the answers file) that evidence paths are relative to. */
    evidenceDir: z.literal('evidence').default('evidence'),
    answers: z.array(portableAnswerSchema).max(5000),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.answers.forEach((a, i) => {
      if (seen.has(a.nodeId)) {
        ctx.addIssue({ code: 'custom', path: ['answers', i, 'nodeId'], message: `Tiêu chí "${a.nodeId}" được trả lời hai lần` });
      }
      seen.add(a.nodeId);
    });
  });
export type PortableAnswersFile = z.infer<typeof portableAnswersFileSchema>;

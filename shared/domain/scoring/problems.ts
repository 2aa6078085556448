import { z } from 'zod';

import { formatPoints } from '../../format/index';
import type { Language } from '../../schemas/settings';

/**
 * What can be wrong with one answer, as a code with parameters: the engine never writes a problem as prose.
 * The UI shows it in its language with scoreProblemText; reports, the bundle and the CLI ask for Vietnamese.
 * Points travel as milli-points, so each language prints them with its own decimal sign.
 */

const none = z.object({}).strict();
const milli = z.number().int();

export const scoreProblemSchema = z.discriminatedUnion('code', [
  /** The node has no scoring method (a set error the validator should have caught). */
  z.object({ code: z.literal('NO_METHOD'), params: none }),
  /** "Không áp dụng" on a node whose N/A policy is NOT_ALLOWED. */
  z.object({ code: z.literal('NA_NOT_ALLOWED'), params: none }),
  z.object({ code: z.literal('UNKNOWN_LEVEL'), params: z.object({ levelId: z.string() }).strict() }),
  z.object({ code: z.literal('OVER_MAX'), params: z.object({ points: milli, max: milli }).strict() }),
  z.object({ code: z.literal('NOT_STEP'), params: z.object({ points: milli, step: milli }).strict() }),
  /** Only one of numerator / denominator was typed; the labels are the set's own words. */
  z.object({ code: z.literal('NEED_BOTH'), params: z.object({ numeratorLabel: z.string(), denominatorLabel: z.string() }).strict() }),
  z.object({ code: z.literal('ZERO_DENOMINATOR'), params: none }),
  z.object({
    code: z.literal('NUMERATOR_ABOVE'),
    params: z.object({ numeratorLabel: z.string(), numerator: z.number(), denominatorLabel: z.string(), denominator: z.number() }).strict(),
  }),
  /** The score is below max, the set requires a giải trình then, and none is written (scoring/explanation-rule.ts). */
  z.object({ code: z.literal('EXPLANATION_NEEDED'), params: none }),
]);

export type ScoreProblem = z.infer<typeof scoreProblemSchema>;
export type ScoreProblemCode = ScoreProblem['code'];
type ParamsOf<C extends ScoreProblemCode> = Extract<ScoreProblem, { code: C }>['params'];

/** The one table of problem texts: every code in both languages (the type makes a missing one an error). */
const TEXTS: { [C in ScoreProblemCode]: Record<Language, (p: ParamsOf<C>) => string> } = {
  NO_METHOD: { vi: () => 'Thiếu phương pháp chấm', en: () => 'No scoring method' },
  NA_NOT_ALLOWED: {
    vi: () => 'Tiêu chí này không được đánh dấu "Không áp dụng"',
    en: () => 'This criterion cannot be marked "Not applicable"',
  },
  UNKNOWN_LEVEL: { vi: (p) => `Mức "${p.levelId}" không có trong bộ chỉ số`, en: (p) => `Level "${p.levelId}" is not in the indicator set` },
  OVER_MAX: {
    vi: (p) => `Điểm ${formatPoints(p.points, 'vi')} vượt điểm tối đa ${formatPoints(p.max, 'vi')}`,
    en: (p) => `${formatPoints(p.points, 'en')} points exceed the maximum ${formatPoints(p.max, 'en')}`,
  },
  NOT_STEP: {
    vi: (p) => `Điểm ${formatPoints(p.points, 'vi')} phải là bội số của ${formatPoints(p.step, 'vi')}`,
    en: (p) => `${formatPoints(p.points, 'en')} points must be a multiple of ${formatPoints(p.step, 'en')}`,
  },
  NEED_BOTH: {
    vi: (p) => `Cần nhập cả "${p.numeratorLabel}" và "${p.denominatorLabel}"`,
    en: (p) => `Enter both "${p.numeratorLabel}" and "${p.denominatorLabel}"`,
  },
  ZERO_DENOMINATOR: { vi: () => 'Mẫu số bằng 0 nhưng tử số khác 0', en: () => 'Denominator is 0 but the numerator is not' },
  NUMERATOR_ABOVE: {
    vi: (p) => `"${p.numeratorLabel}" (${p.numerator}) lớn hơn "${p.denominatorLabel}" (${p.denominator})`,
    en: (p) => `"${p.numeratorLabel}" (${p.numerator}) is greater than "${p.denominatorLabel}" (${p.denominator})`,
  },
  EXPLANATION_NEEDED: {
    vi: () => 'Cần giải trình vì điểm tự chấm thấp hơn điểm tối đa',
    en: () => 'An explanation is needed because the score is below the maximum',
  },
};

export const SCORE_PROBLEM_CODES = Object.keys(TEXTS) as ScoreProblemCode[];

/** A problem in words (NFC, so Vietnamese compares equal whatever produced it). */
export const scoreProblemText = (p: ScoreProblem, lang: Language = 'vi'): string =>
  (TEXTS[p.code][lang] as (params: ScoreProblem['params']) => string)(p.params).normalize('NFC');

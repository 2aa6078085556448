/** The exact scoring engine: pure functions over an indicator set and answers (see docs/indicator-sets.md). */
export { scoreAssessment } from './assessment';
export type { AnswerLookup } from './assessment';
export { explanationRequired, hasExplanation, isBelowMax } from './explanation-rule';
export { scoreNode } from './leaf';
export { SCORE_PROBLEM_CODES, scoreProblemText } from './problems';
export type { ScoreProblem, ScoreProblemCode } from './problems';
export { bandIntervalText, readRate } from './rate';
export type { AssessmentScore, Completeness, NodeScore, NodeStatus, PartTotal } from './types';
export { NODE_STATUSES } from './types';

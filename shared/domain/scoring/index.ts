/** The exact scoring engine: pure functions over an indicator set and answers (see docs/indicator-sets.md). */
export { scoreAssessment } from './assessment';
export type { AnswerLookup } from './assessment';
export { scoreNode } from './leaf';
export { bandIntervalText, readRate } from './rate';
export type { AssessmentScore, Completeness, NodeScore, NodeStatus, PartTotal } from './types';
export { NODE_STATUSES } from './types';

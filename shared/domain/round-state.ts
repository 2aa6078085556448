import type { UnitType } from '../schemas/unit';

/**
 * The state of one unit in the year's round, as Sở Nội vụ's dashboard shows it (issue 14 item 7):
 * chưa nộp → đã nộp → đang thẩm định → đã gửi kết quả → có giải trình → đã chốt.
 * A pure rule over facts, so each fact can come from whichever table records it: the step furthest along
 * that has happened is the state (a later fact implies the earlier ones: a closed round's unit is "đã chốt"
 * whatever else is recorded). Overdue is separate: no submission after the round's self-assessment due date.
 */

export const UNIT_ROUND_STATES = ['NOT_SUBMITTED', 'SUBMITTED', 'APPRAISING', 'RESULT_SENT', 'EXPLANATION_RECEIVED', 'CLOSED'] as const;
export type UnitRoundState = (typeof UNIT_ROUND_STATES)[number];

export type UnitRoundFacts = {
  /** An accepted submission of the unit for the year exists (inbox). */
  submitted: boolean;
  /** Sở Nội vụ has entered an appraised score or a survey value for it. */
  appraisalStarted: boolean;
  /** The signed appraisal result was sent to the unit. */
  resultSent: boolean;
  /** The unit's giải trình package was received. */
  explanationReceived: boolean;
  /** The round's final results were closed for the unit. */
  closed: boolean;
  /** The round's self-assessment due date (ISO day), null when the year has no round. */
  due: string | null;
  /** Today as an ISO day (the unit's calendar: services/assessments/unit-day.ts). */
  today: string;
};

export type UnitRoundStatus = { state: UnitRoundState; overdue: boolean };

export const unitRoundState = (f: UnitRoundFacts): UnitRoundState => {
  if (f.closed) return 'CLOSED';
  if (f.explanationReceived) return 'EXPLANATION_RECEIVED';
  if (f.resultSent) return 'RESULT_SENT';
  if (f.appraisalStarted) return 'APPRAISING';
  if (f.submitted) return 'SUBMITTED';
  return 'NOT_SUBMITTED';
};

/** Overdue: nothing submitted and the due day has passed (on the due day itself the unit is still in time). */
export const isOverdue = (f: Pick<UnitRoundFacts, 'submitted' | 'due' | 'today'>): boolean => !f.submitted && f.due !== null && f.today > f.due;

export const unitRoundStatus = (f: UnitRoundFacts): UnitRoundStatus => ({ state: unitRoundState(f), overdue: isOverdue(f) });

export type StateCounts = Record<UnitRoundState, number> & { overdue: number; total: number };

const zero = (): StateCounts => ({ NOT_SUBMITTED: 0, SUBMITTED: 0, APPRAISING: 0, RESULT_SENT: 0, EXPLANATION_RECEIVED: 0, CLOSED: 0, overdue: 0, total: 0 });

/** Units per state (and overdue, and total) in each block. */
export const countByBlock = (units: readonly ({ block: UnitType } & UnitRoundStatus)[]): Record<UnitType, StateCounts> => {
  const out: Record<UnitType, StateCounts> = { SO: zero(), PHUONG: zero(), XA_DAC_KHU: zero() };
  for (const u of units) {
    const c = out[u.block];
    c[u.state] += 1;
    c.total += 1;
    if (u.overdue) c.overdue += 1;
  }
  return out;
};

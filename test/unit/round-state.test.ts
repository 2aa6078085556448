import { describe, expect, it } from 'vitest';

import { countByBlock, isOverdue, unitRoundState, unitRoundStatus } from '../../shared/domain/round-state';
import type { UnitRoundFacts } from '../../shared/domain/round-state';

const none: UnitRoundFacts = {
  submitted: false,
  appraisalStarted: false,
  resultSent: false,
  explanationReceived: false,
  closed: false,
  due: '2025-11-30',
  today: '2025-11-15',
};

describe('round state of a unit (shared/domain/round-state.ts)', () => {
  it('each step of the round in order: chưa nộp → đã nộp → đang thẩm định → đã gửi kết quả → có giải trình → đã chốt', () => {
    expect(unitRoundState(none)).toBe('NOT_SUBMITTED');
    const submitted = { ...none, submitted: true };
    expect(unitRoundState(submitted)).toBe('SUBMITTED');
    const appraising = { ...submitted, appraisalStarted: true };
    expect(unitRoundState(appraising)).toBe('APPRAISING');
    const sent = { ...appraising, resultSent: true };
    expect(unitRoundState(sent)).toBe('RESULT_SENT');
    const explained = { ...sent, explanationReceived: true };
    expect(unitRoundState(explained)).toBe('EXPLANATION_RECEIVED');
    expect(unitRoundState({ ...explained, closed: true })).toBe('CLOSED');
  });

  it('the furthest fact wins even when an earlier one is missing (a result sent without appraised changes; closed without giải trình)', () => {
    expect(unitRoundState({ ...none, submitted: true, resultSent: true })).toBe('RESULT_SENT');
    expect(unitRoundState({ ...none, submitted: true, appraisalStarted: true, resultSent: true, closed: true })).toBe('CLOSED');
    expect(unitRoundState({ ...none, submitted: true, explanationReceived: true })).toBe('EXPLANATION_RECEIVED');
  });

  it('overdue: not submitted and today after the due day; not on the due day, not once submitted, never without a round', () => {
    expect(isOverdue({ submitted: false, due: '2025-11-30', today: '2025-12-01' })).toBe(true);
    expect(isOverdue({ submitted: false, due: '2025-11-30', today: '2025-11-30' })).toBe(false);
    expect(isOverdue({ submitted: false, due: '2025-11-30', today: '2025-11-29' })).toBe(false);
    expect(isOverdue({ submitted: true, due: '2025-11-30', today: '2026-01-10' })).toBe(false);
    expect(isOverdue({ submitted: false, due: null, today: '2026-01-10' })).toBe(false);
    expect(unitRoundStatus({ ...none, today: '2025-12-01' })).toEqual({ state: 'NOT_SUBMITTED', overdue: true });
    expect(unitRoundStatus({ ...none, submitted: true, today: '2025-12-01' })).toEqual({ state: 'SUBMITTED', overdue: false });
  });

  it('counts per state per block, with overdue and total', () => {
    const counts = countByBlock([
      { block: 'SO', state: 'NOT_SUBMITTED', overdue: true },
      { block: 'SO', state: 'NOT_SUBMITTED', overdue: false },
      { block: 'SO', state: 'APPRAISING', overdue: false },
      { block: 'PHUONG', state: 'SUBMITTED', overdue: false },
      { block: 'PHUONG', state: 'CLOSED', overdue: false },
    ]);
    expect(counts.SO).toEqual({ NOT_SUBMITTED: 2, SUBMITTED: 0, APPRAISING: 1, RESULT_SENT: 0, EXPLANATION_RECEIVED: 0, CLOSED: 0, overdue: 1, total: 3 });
    expect(counts.PHUONG).toEqual({ NOT_SUBMITTED: 0, SUBMITTED: 1, APPRAISING: 0, RESULT_SENT: 0, EXPLANATION_RECEIVED: 0, CLOSED: 1, overdue: 0, total: 2 });
    expect(counts.XA_DAC_KHU.total).toBe(0);
  });
});

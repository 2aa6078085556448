import { describe, expect, it } from 'vitest';

import { roundFormProblem } from '../../shared/domain/round-form';
import { errorText } from '../../shared/ipc/errors/index';

const deadlines = { selfAssessmentDue: '2025-11-30', explanationStart: '2026-01-05', explanationEnd: '2026-01-15' };
const ok = { year: 2025, blocks: ['SO', 'PHUONG'] as const, deadlines };

describe('roundFormProblem: the first rule the round form breaks, as a reason the UI words', () => {
  it('a consistent form has none', () => {
    expect(roundFormProblem(ok)).toBeNull();
    expect(roundFormProblem(ok, ['SO', 'PHUONG'])).toBeNull();
  });

  it.each([
    [{ ...ok, year: Number.NaN }, [], 'ROUND_YEAR_RANGE', 'Nhập năm đánh giá từ 2000 đến 2100.', 'Enter an assessment year from 2000 to 2100.'],
    [{ ...ok, year: 1999 }, [], 'ROUND_YEAR_RANGE', 'Nhập năm đánh giá từ 2000 đến 2100.', 'Enter an assessment year from 2000 to 2100.'],
    [{ ...ok, blocks: [] }, [], 'ROUND_NO_SET', 'Chọn bộ chỉ số chính thức cho ít nhất một khối.', 'Choose the official indicator set of at least one block.'],
    [
      ok,
      ['SO', 'PHUONG', 'XA_DAC_KHU'],
      'ROUND_BLOCK_WITHOUT_SET',
      'Sổ đăng ký năm 2025 có đơn vị thuộc khối Xã, đặc khu nhưng chưa chọn bộ chỉ số chính thức cho khối này. Hãy chọn bộ chỉ số cho khối Xã, đặc khu.',
      'The 2025 register lists units among the communes and special zones, but no official indicator set is chosen for that block. Choose one for the communes and special zones.',
    ],
    [{ ...ok, deadlines: { ...deadlines, selfAssessmentDue: null } }, [], 'ROUND_DATE_MISSING', 'Hãy nhập hạn nộp bản tự đánh giá.', 'Enter the self-assessment due date.'],
    [
      { ...ok, deadlines: { ...deadlines, selfAssessmentDue: '2024-12-31' } },
      [],
      'ROUND_DATE_OUTSIDE',
      'Ngày 31/12/2024 (hạn nộp bản tự đánh giá) phải thuộc năm 2025 hoặc năm 2026.',
      'The date 31/12/2024 (the self-assessment due date) must fall in 2025 or 2026.',
    ],
    [
      { ...ok, deadlines: { ...deadlines, explanationEnd: '2026-01-04' } },
      [],
      'ROUND_WINDOW_ORDER',
      'Ngày kết thúc giải trình (04/01/2026) đứng trước ngày bắt đầu (05/01/2026): hãy sửa một trong hai ngày.',
      'The last day of explanations (04/01/2026) comes before the first (05/01/2026): correct one of them.',
    ],
  ] as const)('%j with units in %j → %s', (form, unitBlocks, reason, vi, en) => {
    const p = roundFormProblem(form, unitBlocks);
    expect(p?.reason).toBe(reason);
    expect(errorText(p!.reason, p!.params, 'vi')).toBe(vi);
    expect(errorText(p!.reason, p!.params, 'en')).toBe(en);
  });

  it('a one-day window (start = end) is allowed', () => {
    expect(roundFormProblem({ ...ok, deadlines: { ...deadlines, explanationEnd: '2026-01-05' } })).toBeNull();
  });
});

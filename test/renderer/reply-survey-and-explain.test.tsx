// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { ReplyView } from '../../shared/ipc/channels/reply';
import type { PackageTotals } from '../../shared/schemas/exchange-common';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { ReplyPage } from '../../renderer/src/features/reply/index';
import { sampleFinal } from '../backend/round/exchange-fixtures';
import { fakePlatform } from './fake-platform';

afterEach(cleanup);

/**
 * A ward's result by hand (milli-points): SELF criteria 1.1 (2 → 1,5), 1.2 (1), 2.1 (1,25); survey 1.3 =
 * 2,4 of 3 entered by Sở Nội vụ, survey 2.2 not entered yet; bonus 3.1 = 1; penalty 3.2 = 0,5.
 * Self: 2 + 1 + 1,25 = 4,25; + 2,4 + 1 − 0,5 = 7,15. Appraised: 1,5 + 1 + 1,25 = 3,75; + 2,4 + 1 − 0,5 = 6,65.
 */
const totals = (self: number, final: number): PackageTotals => ({ self, survey: 2400, bonus: 1000, penalty: 500, final, applicableMax: 8250, index: null, classification: null });
const row = (code: string, self: number, appraised: number, reason = '') => ({ nodeId: `xa25-${code}`, code, title: `Tiêu chí ${code}`, max: 3000, self, appraised, difference: appraised - self, reason });

const VIEW: ReplyView = {
  resultId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60',
  revision: 1,
  supersededRevisions: [],
  year: 2025,
  roundId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  issuer: { code: 'SNV-HP', name: 'Sở Nội vụ thành phố Hải Phòng' },
  assessmentId: 'a1',
  submission: { submissionId: 's1', revision: 1, exportedAt: '2025-12-01T03:00:00.000Z', sameFile: true, selfDiffers: [] },
  packageSha256: 'c'.repeat(64),
  importedAt: '2025-12-22T02:00:00.000Z',
  // The backend's order: differences first, then the set's order (services/reply/view.ts sideBySide).
  rows: [row('1.1', 2000, 1500, 'Thiếu quyết định.'), row('1.2', 1000, 1000), row('2.1', 1250, 1250), row('3.1', 1000, 1000), row('3.2', 500, 500)],
  survey: [
    { nodeId: 'xa25-2.2', code: '2.2', title: 'Khảo sát pháp luật', max: 1000, points: null },
    { nodeId: 'xa25-1.3', code: '1.3', title: 'Khảo sát chỉ đạo điều hành', max: 3000, points: 2400 },
  ],
  totals: { self: totals(4250, 7150), appraised: totals(3750, 6650) },
  rank: { rank: 1, of: 1 },
  window: { start: '2025-12-20', end: '2026-01-10', today: '2025-12-22', state: 'OPEN', daysLeft: 19 },
  draft: [],
  library: [],
  sent: [],
  final: null,
};

const show = (view: ReplyView, lang: Language = 'vi') => {
  const platform = fakePlatform({ reply: { list: vi.fn(async () => ({ results: [view] })) } });
  render(<AppProvider value={{ platform, lang, setLang: () => {} }}>{<ReplyPage />}</AppProvider>);
};
const cells = (tr: HTMLElement) => within(tr).getAllByRole('cell').map((c) => c.textContent);
const breakdown = (id: string) => ['criteria', 'survey', 'bonus', 'penalty', 'total'].map((k) => cells(screen.getByTestId(`${id}-${k}`)));

describe('the appraisal result says which submission it appraised', () => {
  it('the revision and when the unit exported it; a warning only when Sở Nội vụ appraised another export of that revision', async () => {
    show(VIEW);
    // The time is the PC's local time (formatDateTime), so only its shape is fixed here.
    expect((await screen.findByTestId('reply-about-submission')).textContent).toMatch(/^Kết quả này thẩm định hồ sơ nộp lần 1 của đơn vị \(xuất lúc 01\/12\/2025 \d\d:\d\d\)\.$/);
    expect(screen.queryByTestId('reply-other-file')).toBeNull();
    cleanup();
    show({ ...VIEW, submission: { ...VIEW.submission, sameFile: false } }, 'en');
    expect((await screen.findByTestId('reply-other-file')).textContent).toContain('usually because the unit exported the revision again after sending it');
    cleanup();
    show({ ...VIEW, submission: { ...VIEW.submission, exportedAt: null, sameFile: false } });
    expect((await screen.findByTestId('reply-about-submission')).textContent).toBe('Kết quả này thẩm định hồ sơ nộp lần 1 của đơn vị.');
    expect(screen.queryByTestId('reply-other-file')).toBeNull();
  });

  it('names each line whose self score is not what the unit sent, with both scores, in Vietnamese and English', async () => {
    const selfDiffers = [
      { nodeId: 'xa25-1.1', code: '1.1', submitted: 2500, inResult: 2000 },
      { nodeId: 'xa25-3.2', code: '3.2', submitted: 0, inResult: 500 },
    ];
    show({ ...VIEW, submission: { ...VIEW.submission, selfDiffers } });
    expect((await screen.findByTestId('reply-self-differs')).textContent).toBe(
      'Cột “Tự chấm” của kết quả khác với điểm đơn vị đã chấm trong hồ sơ nộp lần 1 ở 2 tiêu chí: 1.1 (hồ sơ: 2,5; kết quả: 2); 3.2 (hồ sơ: 0; kết quả: 0,5). Hãy liên hệ Sở Nội vụ để làm rõ trước khi giải trình.',
    );
    cleanup();
    show({ ...VIEW, submission: { ...VIEW.submission, selfDiffers } }, 'en');
    expect((await screen.findByTestId('reply-self-differs')).textContent).toContain('on 2 criteria: 1.1 (submitted: 2.5; in the result: 2); 3.2 (submitted: 0; in the result: 0.5).');
    cleanup();
    // Nothing differs, or no record of what was sent: no warning.
    for (const none of [[], null]) {
      show({ ...VIEW, submission: { ...VIEW.submission, selfDiffers: none } });
      await screen.findByTestId('reply-about-submission');
      expect(screen.queryByTestId('reply-self-differs')).toBeNull();
      cleanup();
    }
  });
});

describe('the appraisal result shows the survey points Sở Nội vụ entered', () => {
  it('survey lines among the criteria by code, self "—", and a breakdown whose parts add up to the totals', async () => {
    show(VIEW);
    const table = await screen.findByTestId('reply-table');
    const body = within(table).getAllByRole('row').slice(1);
    expect(body.map((tr) => [tr.getAttribute('data-testid'), cells(tr)[0]])).toEqual([
      ['reply-row', '1.1'],
      ['reply-row', '1.2'],
      ['reply-survey-row', '1.3'],
      ['reply-row', '2.1'],
      ['reply-survey-row', '2.2'],
      ['reply-row', '3.1'],
      ['reply-row', '3.2'],
    ]);
    const survey = screen.getAllByTestId('reply-survey-row');
    expect(cells(survey[0]!)).toEqual(['1.3', 'Khảo sát chỉ đạo điều hành', '—', '2,4', '—', 'Do Sở Nội vụ đo và nhập (điều tra xã hội học, SIPAS hoặc chỉ số bên ngoài); đơn vị không tự chấm.']);
    expect(cells(survey[1]!)).toEqual(['2.2', 'Khảo sát pháp luật', '—', 'chưa có điểm', '—', 'Do Sở Nội vụ đo và nhập (điều tra xã hội học, SIPAS hoặc chỉ số bên ngoài); đơn vị không tự chấm.']);
    // Part, self, appraised: 4,25 + 2,4 + 1 − 0,5 = 7,15 and 3,75 + 2,4 + 1 − 0,5 = 6,65.
    expect(breakdown('reply-breakdown')).toEqual([
      ['4,25', '3,75'],
      ['2,4', '2,4'],
      ['1', '1'],
      ['−0,5', '−0,5'],
      ['7,15', '6,65'],
    ]);
    expect(screen.getByTestId('reply-breakdown-note').textContent).toBe(
      'Điểm điều tra xã hội học (2,4) do Sở Nội vụ nhập và được cộng vào cả tổng tự chấm lẫn tổng thẩm định, nên tổng tự chấm ở đây có thể khác tổng điểm trong bản tự đánh giá của đơn vị.',
    );
    expect(screen.getByTestId('reply-totals').textContent).toBe('Tổng điểm: tự chấm 7,15, thẩm định 6,65');
  });

  it('a capped total says so', async () => {
    show({ ...VIEW, totals: { self: { ...totals(4250, 7150), bonus: 3000, final: 8150 }, appraised: totals(3750, 6650) } });
    expect((await screen.findByTestId('reply-breakdown-note')).textContent).toMatch(/Tổng điểm đã áp dụng mức tối đa của điểm thưởng, điểm trừ và của tổng điểm theo bộ chỉ số\.$/);
  });

  it('the final result: survey lines with their points in the appraised and final columns, three totals', async () => {
    const f = sampleFinal();
    const t = (self: number, final: number): PackageTotals => ({ ...f.totals.self, self, survey: 2400, final });
    f.survey = [{ nodeId: '1.3', code: '1.3', title: 'Khảo sát', max: 3000, points: 2400 }];
    // Criteria 1.1 (self 1, appraised 0,5, final 1) and 1.2 (0,75): 1,75 / 1,25 / 1,75, each + 2,4.
    f.totals = { self: t(1750, 4150), appraised: t(1750, 3650), final: t(1750, 4150) };
    f.totals.appraised.self = 1250;
    show({ ...VIEW, final: { revision: 1, importedAt: '2026-01-26T02:00:00.000Z', content: f, selfDiffers: [] } }, 'en');
    const final = await screen.findByTestId('reply-final');
    expect(within(final).queryByTestId('final-self-differs')).toBeNull();
    expect(within(final).getAllByRole('row').slice(1, 4).map((tr) => cells(tr)[0])).toEqual(['1.1.1', '1.1.2', '1.3']);
    expect(cells(within(final).getByTestId('final-survey-row'))).toEqual(['1.3', 'Khảo sát', '—', '2.4', '2.4', 'Measured and entered by the Department (sociological survey, SIPAS or an external index); not self-scored.']);
    expect(breakdown('final-breakdown')).toEqual([
      ['1.75', '1.25', '1.75'],
      ['2.4', '2.4', '2.4'],
      ['0', '0', '0'],
      ['0', '0', '0'],
      ['4.15', '3.65', '4.15'],
    ]);
  });

  it('the final result names its lines whose self score is not what the unit sent', async () => {
    const selfDiffers = [{ nodeId: 'xa25-1.1.2', code: '1.1.2', submitted: 500, inResult: 750 }];
    show({ ...VIEW, final: { revision: 1, importedAt: '2026-01-26T02:00:00.000Z', content: sampleFinal(), selfDiffers } });
    const final = await screen.findByTestId('reply-final');
    expect(within(final).getByTestId('final-self-differs').textContent).toBe(
      'Cột “Tự chấm” của kết quả cuối cùng khác với điểm đơn vị đã chấm trong hồ sơ nộp lần 1 ở 1 tiêu chí: 1.1.2 (hồ sơ: 0,5; kết quả: 0,75). Hãy liên hệ Sở Nội vụ để làm rõ.',
    );
  });
});

describe('choosing what to explain', () => {
  it('a button for each changed criterion only; any other from one list, without the survey lines', async () => {
    show(VIEW);
    const draft = await screen.findByTestId('reply-draft');
    expect(within(draft).getAllByRole('button').map((b) => b.textContent)).toEqual(['Giải trình tiêu chí 1.1', 'Giải trình tiêu chí đã chọn', 'Lưu bản nháp']);
    const list = within(draft).getByLabelText('Giải trình tiêu chí khác (không có chênh lệch điểm)');
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['— Chọn tiêu chí (4 tiêu chí) —', '1.2 — Tiêu chí 1.2', '2.1 — Tiêu chí 2.1', '3.1 — Tiêu chí 3.1', '3.2 — Tiêu chí 3.2']);
    const go = within(draft).getByRole('button', { name: 'Giải trình tiêu chí đã chọn' });
    expect((go as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(list, { target: { value: 'xa25-2.1' } });
    fireEvent.click(go);
    expect(screen.getByTestId('draft-item-2.1')).toBeTruthy();
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['— Chọn tiêu chí (3 tiêu chí) —', '1.2 — Tiêu chí 1.2', '3.1 — Tiêu chí 3.1', '3.2 — Tiêu chí 3.2']);
    expect((list as HTMLSelectElement).value).toBe('');
    fireEvent.click(within(draft).getByRole('button', { name: 'Giải trình tiêu chí 1.1' }));
    expect(screen.getByTestId('draft-item-1.1')).toBeTruthy();
    expect(within(draft).queryByTestId('reply-explain-changed')).toBeNull();
  });
});

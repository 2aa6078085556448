// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { IndicatorSetSummary } from '../../shared/schemas/indicator-set-summary';
import type { RoundDetail } from '../../shared/ipc/channels/round';
import { AppProvider } from '../../renderer/src/app/app-context';
import { RoundEditor } from '../../renderer/src/features/round/RoundEditor';
import { fakePlatform } from './fake-platform';
import { ROUND_DETAIL } from './fixtures/round-detail';

afterEach(cleanup);

const SETS: IndicatorSetSummary[] = [
  { id: 'hp-2025-so', name: 'Bộ chỉ số sở 2025', year: 2025, version: '2025.1', unitTypes: ['SO'], isSample: false, sha256: 'a'.repeat(64) },
  { id: 'hp-2025-xa-phuong', name: 'Bộ chỉ số xã, phường 2025', year: 2025, version: '2025.1', unitTypes: ['PHUONG', 'XA_DAC_KHU'], isSample: false, sha256: 'b'.repeat(64) },
];


const show = (round: RoundDetail | null = null) => {
  const save = vi.fn(async () => ROUND_DETAIL);
  const onSaved = vi.fn();
  const { platform } = { platform: fakePlatform({ round: { save } }) };
  render(
    <AppProvider value={{ platform, lang: 'vi', setLang: () => {} }}>
      <RoundEditor round={round} sets={SETS} onSaved={onSaved} onCancel={() => {}} />
    </AppProvider>,
  );
  return { save, onSaved };
};

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const saveClick = async () => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đợt đánh giá' }));
    await Promise.resolve();
  });
};
const dates = (due: string, start: string, end: string) => {
  type('Hạn nộp bản tự đánh giá', due);
  type('Giải trình từ ngày', start);
  type('Giải trình đến ngày', end);
};

/**
 * The round editor checks the form's rules itself (shared/domain/round-form.ts) and says what is wrong in the
 * app's words, sending nothing; before, an emptied year was a browser bubble and the rest came back from the
 * backend as a schema path with English inside ("sets: Quá nhỏ: mong đợi array…", "(deadlines.explanationEnd):
 * giải trình window ends before it starts").
 */
describe('round editor: what the form forbids is said before anything is sent', () => {
  it.each([
    ['an emptied year', () => type('Năm đánh giá', ''), 'Nhập năm đánh giá từ 2000 đến 2100.'],
    ['no set chosen', () => dates('30/11/2025', '05/01/2026', '15/01/2026'), 'Chọn bộ chỉ số chính thức cho ít nhất một khối.'],
    [
      'a set chosen, then the year changed: the old year’s set is neither shown nor sent',
      () => {
        fireEvent.change(screen.getByTestId('round-set-SO'), { target: { value: 'hp-2025-so@2025.1' } });
        type('Năm đánh giá', '2026');
        expect((screen.getByTestId('round-set-SO') as HTMLSelectElement).value).toBe('');
      },
      'Chọn bộ chỉ số chính thức cho ít nhất một khối.',
    ],
    [
      'a missing deadline',
      () => fireEvent.change(screen.getByTestId('round-set-SO'), { target: { value: 'hp-2025-so@2025.1' } }),
      'Hãy nhập hạn nộp bản tự đánh giá.',
    ],
    [
      'a giải trình window ending before it starts',
      () => {
        fireEvent.change(screen.getByTestId('round-set-SO'), { target: { value: 'hp-2025-so@2025.1' } });
        dates('30/11/2025', '20/01/2026', '10/01/2026');
      },
      'Ngày kết thúc giải trình (10/01/2026) đứng trước ngày bắt đầu (20/01/2026): hãy sửa một trong hai ngày.',
    ],
    [
      'a day that does not exist (31/02): the field is marked and nothing is saved with the previous date',
      () => {
        fireEvent.change(screen.getByTestId('round-set-SO'), { target: { value: 'hp-2025-so@2025.1' } });
        dates('30/11/2025', '05/01/2026', '15/01/2026');
        type('Giải trình đến ngày', '31/02/2026');
      },
      'Có ngày chưa hợp lệ: hãy sửa ô được đánh dấu (dạng ngày/tháng/năm) rồi lưu lại. Chưa lưu.',
    ],
  ])('%s', async (_what, fill, message) => {
    const { save } = show();
    fill();
    await saveClick();
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain(message);
    expect(save).not.toHaveBeenCalled();
  });

  it("editing a round whose set has a newer version since: the round's own version stays chosen and is sent", async () => {
    const round: RoundDetail = { ...ROUND_DETAIL, sets: [{ block: 'PHUONG', setId: 'hp-2025-xa-phuong', setVersion: '2025.0-mau', setSha256: 'c'.repeat(64) }] };
    const { save, onSaved } = show(round);
    expect((screen.getByTestId('round-set-PHUONG') as HTMLSelectElement).value).toBe('hp-2025-xa-phuong@2025.0-mau');
    expect(screen.getByRole('option', { name: 'Bộ chỉ số xã, phường 2025 — 2025.0-mau' })).toBeTruthy();
    type('Giải trình đến ngày', '20/01/2026');
    await saveClick();
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1', sets: [{ block: 'PHUONG', setId: 'hp-2025-xa-phuong', setVersion: '2025.0-mau' }] }));
  });

  it('a consistent form is sent once, with only the offered sets, even when saved twice quickly', async () => {
    const { save, onSaved } = show();
    fireEvent.change(screen.getByTestId('round-set-PHUONG'), { target: { value: 'hp-2025-xa-phuong@2025.1' } });
    dates('30/11/2025', '05/01/2026', '15/01/2026');
    await act(async () => {
      const button = screen.getByRole('button', { name: 'Lưu đợt đánh giá' });
      fireEvent.click(button);
      fireEvent.click(button);
      await Promise.resolve();
    });
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({
      year: 2025,
      sets: [{ block: 'PHUONG', setId: 'hp-2025-xa-phuong', setVersion: '2025.1' }],
      deadlines: { selfAssessmentDue: '2025-11-30', explanationStart: '2026-01-05', explanationEnd: '2026-01-15' },
    });
  });
});

// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppFailure } from '../../shared/ipc/result';
import type { Assessment } from '../../shared/schemas/assessment';
import type { StoredNarrative } from '../../shared/schemas/report-narrative';
import { storedDocument } from './fixtures/report-document';
import { AppProvider } from '../../renderer/src/app/app-context';
import { ReportPage } from '../../renderer/src/features/report/index';
import { fakePlatform } from './fake-platform';

const assessment = (status: Assessment['status'] = 'draft'): Assessment => ({
  id: 'a1',
  year: 2025,
  indicatorSetId: 'so-2025',
  indicatorSetVersion: '1',
  indicatorSetName: 'Bộ chỉ số sở, ban, ngành 2025',
  indicatorSetSha256: 'x'.repeat(64),
  revision: 1,
  supersedesRevision: null,
  status,
  deadline: null,
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-01T00:00:00.000Z',
});

const setup = (opts: { status?: Assessment['status']; stored?: Partial<StoredNarrative['narrative']> } = {}) => {
  const stored: StoredNarrative = {
    narrative: { basis: '', strengths: '', weaknesses: '', causes: '', recommendations: '', ...opts.stored },
    updatedAt: null,
  };
  const saveNarrative = vi.fn(async ({ narrative }: { narrative: StoredNarrative['narrative'] }) => {
    stored.narrative = { ...narrative };
    stored.updatedAt = '2025-12-10T02:05:00.000Z';
    return { ...stored };
  });
  const api = {
    assessments: { get: vi.fn(async () => assessment(opts.status)) },
    report: { getNarrative: vi.fn(async () => ({ ...stored })), saveNarrative, getDocument: vi.fn(async () => storedDocument()), saveDocument: vi.fn() },
  };
  const platform = fakePlatform(api);
  const ui = <AppProvider value={{ platform, lang: 'vi', setLang: () => {} }}><ReportPage assessmentId="a1" /></AppProvider>;
  return { api, saveNarrative, stored, ui };
};

afterEach(cleanup);

describe('ReportPage narrative', () => {
  it('shows the stored text in labelled fields and saves edits once, debounced, with a visible "Đã lưu"', async () => {
    const { saveNarrative, ui } = setup({ stored: { basis: 'Quyết định số 1/QĐ-UBND' } });
    render(ui);
    const basis = (await screen.findByLabelText('Căn cứ')) as HTMLTextAreaElement;
    expect(basis.value).toBe('Quyết định số 1/QĐ-UBND');
    for (const label of ['Ưu điểm', 'Hạn chế', 'Nguyên nhân', 'Kiến nghị, đề xuất']) expect(screen.getByLabelText(label).tagName).toBe('TEXTAREA');
    const strengths = screen.getByLabelText('Ưu điểm');
    for (const text of ['H', 'Hoàn', 'Hoàn thành', 'Hoàn thành 100 % kế hoạch']) fireEvent.change(strengths, { target: { value: text } });
    expect(screen.getByTestId('narrative-save-state').textContent).toBe('Có thay đổi chưa lưu…');
    expect(saveNarrative).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('narrative-save-state').textContent).toMatch(/^Đã lưu/), { timeout: 3000 });
    expect(saveNarrative).toHaveBeenCalledTimes(1);
    expect(saveNarrative.mock.calls[0]?.[0]).toEqual({
      assessmentId: 'a1',
      narrative: { basis: 'Quyết định số 1/QĐ-UBND', strengths: 'Hoàn thành 100 % kế hoạch', weaknesses: '', causes: '', recommendations: '' },
    });
    // The save happens within a second of the last keystroke (debounce ≤ 1 s).
    expect(screen.getByTestId('narrative-save-state').textContent).toMatch(/^Đã lưu lúc \d{2}\/12\/2025/);
  });

  it('saves at once on blur, without waiting for the debounce', async () => {
    const { saveNarrative, ui } = setup();
    render(ui);
    const causes = await screen.findByLabelText('Nguyên nhân');
    fireEvent.change(causes, { target: { value: 'Thiếu nhân lực' } });
    fireEvent.blur(causes);
    await waitFor(() => expect(saveNarrative).toHaveBeenCalledTimes(1), { timeout: 300 });
  });

  it('a failed save keeps the edit, says "Chưa lưu được" with the message, and retry sends it', async () => {
    const { saveNarrative, ui } = setup();
    saveNarrative.mockRejectedValueOnce(new AppFailure('DISK_FULL', 'Ổ đĩa đã đầy'));
    render(ui);
    const rec = (await screen.findByLabelText('Kiến nghị, đề xuất')) as HTMLTextAreaElement;
    fireEvent.change(rec, { target: { value: 'Đề nghị tập huấn' } });
    fireEvent.blur(rec);
    expect((await screen.findByRole('alert')).textContent).toContain('Ổ đĩa đã đầy');
    expect(screen.getByTestId('narrative-save-state').textContent).toBe('Chưa lưu được');
    expect(rec.value).toBe('Đề nghị tập huấn');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Thử lưu lại' }));
    });
    await waitFor(() => expect(screen.getByTestId('narrative-save-state').textContent).toMatch(/^Đã lưu/));
    expect(saveNarrative).toHaveBeenCalledTimes(2);
    expect(saveNarrative.mock.calls[1]?.[0].narrative.recommendations).toBe('Đề nghị tập huấn');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('edits made while a save is in flight are saved right after it (no lost keystrokes, no overlap)', async () => {
    const { saveNarrative, ui } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let concurrent = 0;
    let maxConcurrent = 0;
    saveNarrative.mockImplementation(async ({ narrative }) => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      if (saveNarrative.mock.calls.length === 1) await gate;
      concurrent--;
      return { narrative, updatedAt: '2025-12-10T02:05:00.000Z' };
    });
    render(ui);
    const w = await screen.findByLabelText('Hạn chế');
    fireEvent.change(w, { target: { value: 'một' } });
    fireEvent.blur(w);
    await waitFor(() => expect(saveNarrative).toHaveBeenCalledTimes(1));
    fireEvent.change(w, { target: { value: 'một hai' } });
    fireEvent.blur(w);
    await act(async () => release());
    await waitFor(() => expect(saveNarrative).toHaveBeenCalledTimes(2));
    expect(saveNarrative.mock.calls[1]?.[0].narrative.weaknesses).toBe('một hai');
    expect(maxConcurrent).toBe(1);
    await waitFor(() => expect(screen.getByTestId('narrative-save-state').textContent).toMatch(/^Đã lưu/));
  });

  it('a locked assessment shows the text read-only with a notice', async () => {
    const { ui } = setup({ status: 'locked', stored: { basis: 'Căn cứ đã chốt' } });
    render(ui);
    const basis = (await screen.findByLabelText('Căn cứ')) as HTMLTextAreaElement;
    expect(basis.readOnly).toBe(true);
    expect(screen.getByText(/Bản tự đánh giá đã khóa/)).toBeTruthy();
  });

  it('an unknown assessment shows the backend message', async () => {
    const { api, ui } = setup();
    api.assessments.get.mockRejectedValueOnce(new AppFailure('NOT_FOUND', 'Không tìm thấy bản tự đánh giá'));
    render(ui);
    expect((await screen.findByRole('alert')).textContent).toBe('Không tìm thấy bản tự đánh giá');
    expect(screen.queryByLabelText('Căn cứ')).toBeNull();
  });
});

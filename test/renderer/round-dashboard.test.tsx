// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { RoundDashboard } from '../../shared/ipc/channels/round';
import type { Job } from '../../shared/schemas/job';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { RoundDashboardPage } from '../../renderer/src/features/round/index';
import { InboxPage } from '../../renderer/src/features/inbox/index';
import { fakePlatform } from './fake-platform';
import type { FakeHandlers } from './fake-platform';

afterEach(cleanup);

const counts = (c: Partial<RoundDashboard['counts']['SO']>) => ({
  NOT_SUBMITTED: 0,
  SUBMITTED: 0,
  APPRAISING: 0,
  RESULT_SENT: 0,
  EXPLANATION_RECEIVED: 0,
  CLOSED: 0,
  overdue: 0,
  total: 0,
  ...c,
});

const VIEW: RoundDashboard = {
  years: [2025],
  year: 2025,
  hasRound: true,
  due: '2025-11-30',
  today: '2025-12-10',
  units: [
    { code: 'P-HA', name: 'UBND phường Hải An', block: 'PHUONG', state: 'APPRAISING', overdue: false, importId: 'imp1', revision: 2, importedAt: '2025-11-20T03:00:00.000Z' },
    { code: 'STP-HP', name: 'Sở Tư pháp', block: 'SO', state: 'SUBMITTED', overdue: false, importId: 'imp2', revision: 1, importedAt: '2025-11-21T03:00:00.000Z' },
    { code: 'X-BLV', name: 'Đặc khu Bạch Long Vĩ', block: 'XA_DAC_KHU', state: 'NOT_SUBMITTED', overdue: true, importId: null, revision: null, importedAt: null },
  ],
  counts: { SO: counts({ SUBMITTED: 1, total: 1 }), PHUONG: counts({ APPRAISING: 1, total: 1 }), XA_DAC_KHU: counts({ NOT_SUBMITTED: 1, overdue: 1, total: 1 }) },
};

const show = (node: React.ReactNode, handlers: FakeHandlers, lang: Language = 'vi') => {
  const platform = fakePlatform(handlers);
  render(<AppProvider value={{ platform, lang, setLang: () => {} }}>{node}</AppProvider>);
  return platform;
};

describe('round dashboard page', () => {
  it('in English: counts per block, the overdue unit said in words, filters by block and state', async () => {
    show(<RoundDashboardPage />, { round: { dashboard: vi.fn(async () => VIEW) } }, 'en');
    await screen.findByText('Units by state and block, 2025');
    expect(screen.getByTestId('dashboard-due').textContent).toBe('Self-assessment due: 30/11/2025 (today 10/12/2025).');
    const xa = within(screen.getByTestId('dashboard-counts-XA_DAC_KHU')).getAllByRole('cell').map((c) => c.textContent);
    expect(xa).toEqual(['1', '0', '0', '0', '0', '0', '1', '1']);
    expect(within(screen.getByTestId('dashboard-unit-X-BLV')).getByTestId('dashboard-unit-state').textContent).toBe('Not submitted · Overdue');
    expect(screen.getByTestId('dashboard-unit-X-BLV').className).toBe('dashboard-overdue-row');
    expect(within(screen.getByTestId('dashboard-unit-P-HA')).getByRole('link').getAttribute('href')).toBe('#/inbox/imp1');

    fireEvent.change(screen.getByLabelText('Filter by block'), { target: { value: 'SO' } });
    expect(screen.getByText('Units (1/3)')).toBeTruthy();
    expect(screen.queryByTestId('dashboard-unit-P-HA')).toBeNull();
    fireEvent.change(screen.getByLabelText('Filter by block'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Filter by state'), { target: { value: 'overdue' } });
    expect(screen.getByText('Units (1/3)')).toBeTruthy();
    expect(screen.getByTestId('dashboard-unit-X-BLV')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Filter by state'), { target: { value: 'CLOSED' } });
    expect(screen.getByText('No unit matches the filters.')).toBeTruthy();
  });

  it('no register and no round: says so and links to the register', async () => {
    show(<RoundDashboardPage />, { round: { dashboard: vi.fn(async () => ({ ...VIEW, years: [], year: null, hasRound: false, due: null, units: [] })) } });
    const text = await screen.findByText(/Chưa có sổ đăng ký hay đợt đánh giá nào/);
    expect(within(text).getByRole('link').getAttribute('href')).toBe('#/registry');
  });
});

describe('batch import on the inbox page', () => {
  const inbox = { list: vi.fn(async () => ({ years: [], year: null, blocks: { SO: [], PHUONG: [], XA_DAC_KHU: [] } })) };

  it('more than 500 files are refused before anything is uploaded', async () => {
    const importBatch = vi.fn(async (): Promise<Job> => ({ id: 'j1', kind: 'inbox.importBatch', state: 'running', progress: { done: 0, total: 0, label: '' } }));
    const platform = show(<InboxPage />, { inbox: { ...inbox, importBatch } });
    const input = await screen.findByLabelText('Nhiều hồ sơ nộp cùng lúc (.asice)');
    const files = Array.from({ length: 501 }, (_, i) => new File(['x'], `${i}.asice`));
    fireEvent.change(input, { target: { files } });
    await screen.findByText('Có 501 hồ sơ, quá số lượng tiếp nhận một lần (500). Không có gì được nhập; hãy chia thành nhiều lần.');
    expect(platform.uploadFiles).not.toHaveBeenCalled();
    expect(importBatch).not.toHaveBeenCalled();
  });

  it('a cancelled batch shows how many were kept and the files done so far', async () => {
    const cancelled: Job = {
      id: 'j1',
      kind: 'inbox.importBatch',
      state: 'cancelled',
      progress: { done: 10, total: 30, label: 'Hồ sơ 2/3: b.asice' },
      error: {
        code: 'CANCELLED',
        message: 'Đã hủy tiếp nhận hàng loạt: 1 trên 3 hồ sơ …',
        reason: 'INBOX_BATCH_CANCELLED',
        params: { imported: 1, total: 3 },
        details: { files: [{ name: 'a.asice', outcome: 'accepted', importId: 'i1', unitName: 'UBND phường Hải An', unitType: 'PHUONG', year: 2025, revision: 1, code: 'OK' }] },
      },
    };
    const importBatch = vi.fn(async (): Promise<Job> => ({ ...cancelled, state: 'running' }));
    show(<InboxPage />, { inbox: { ...inbox, importBatch }, jobs: { get: vi.fn(async () => cancelled) } });
    const input = await screen.findByLabelText('Nhiều hồ sơ nộp cùng lúc (.asice)');
    fireEvent.change(input, { target: { files: [new File(['x'], 'a.asice'), new File(['y'], 'b.asice'), new File(['z'], 'c.asice')] } });
    const summary = await screen.findByTestId('inbox-batch-summary', {}, { timeout: 5000 });
    await waitFor(() =>
      expect(within(summary).getByRole('status').textContent).toBe(
        'Đã hủy tiếp nhận hàng loạt: 1 trên 3 hồ sơ đã được tiếp nhận trước khi hủy và vẫn được giữ; các hồ sơ còn lại chưa được nhập.',
      ),
    );
    expect(within(summary).getAllByTestId('inbox-batch-row').map((r) => r.textContent)).toEqual(['a.asiceĐã tiếp nhận: UBND phường Hải An, phiên bản 1. Mở hồ sơ']);
    expect(importBatch).toHaveBeenCalledWith({ uploadIds: ['up1', 'up2', 'up3'] });
  });
});

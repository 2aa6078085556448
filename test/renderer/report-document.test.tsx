// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { PlatformApi } from '../../shared/ipc/contract';
import { AppFailure } from '../../shared/ipc/result';
import type { Assessment } from '../../shared/schemas/assessment';
import type { ReportDocumentInput } from '../../shared/schemas/document-fields';
import { AppProvider } from '../../renderer/src/app/app-context';
import { ReportPage } from '../../renderer/src/features/report/index';
import type { Platform } from '../../renderer/src/platform/index';
import { storedDocument } from './fixtures/report-document';

const assessment: Assessment = {
  id: 'a1',
  year: 2025,
  indicatorSetId: 'xa-2025',
  indicatorSetVersion: '1',
  indicatorSetName: 'Bộ chỉ số xã, phường 2025',
  indicatorSetSha256: 'x'.repeat(64),
  revision: 1,
  supersedesRevision: null,
  status: 'draft',
  deadline: null,
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-01T00:00:00.000Z',
};

const job = { id: 'job1', kind: 'report.pdf', state: 'running', progress: { done: 0, total: 3, label: '' }, startedAt: '', finishedAt: null };

const setup = () => {
  const calls: string[] = [];
  const saveDocument = vi.fn(async ({ document }: { document: ReportDocumentInput }) => {
    calls.push('saveDocument');
    return { ...storedDocument(document as never), updatedAt: '2025-12-10T02:05:00.000Z' };
  });
  const api = {
    assessments: { get: vi.fn(async () => assessment) },
    report: {
      getNarrative: vi.fn(async () => ({ narrative: { basis: '', strengths: '', weaknesses: '', causes: '', recommendations: '' }, updatedAt: null })),
      saveNarrative: vi.fn(),
      getDocument: vi.fn(async () => storedDocument({ number: '12' })),
      saveDocument,
      xlsx: vi.fn(),
      pdf: vi.fn(async () => {
        calls.push('pdf');
        return job;
      }),
      showInFolder: vi.fn(),
    },
    jobs: { get: vi.fn(async () => job), cancel: vi.fn() },
  };
  const platform = { api: api as unknown as PlatformApi, kind: 'web', download: vi.fn(), uploadFiles: vi.fn(), fileObjectUrl: vi.fn(), fileBytes: vi.fn() } as Platform;
  render(
    <AppProvider value={{ platform, lang: 'vi', setLang: () => {} }}>
      <ReportPage assessmentId="a1" />
    </AppProvider>,
  );
  return { api, saveDocument, calls };
};

afterEach(cleanup);

describe('ReportPage document details', () => {
  it('shows the stored number and the unit defaults as placeholders, with a preview of the printed lines', async () => {
    setup();
    const number = (await screen.findByLabelText('Số văn bản')) as HTMLInputElement;
    expect(number.value).toBe('12');
    const symbol = screen.getByLabelText('Ký hiệu') as HTMLInputElement;
    expect([symbol.value, symbol.placeholder]).toEqual(['', 'BC-UBND']);
    expect((screen.getByLabelText('Quyền hạn ký') as HTMLInputElement).placeholder).toBe('TM. ỦY BAN NHÂN DÂN');
    expect((screen.getByLabelText('Họ tên người ký') as HTMLInputElement).placeholder).toBe('Nguyễn Văn Đức');
    expect((screen.getByLabelText('Nơi nhận') as HTMLTextAreaElement).placeholder).toBe('Sở Nội vụ thành phố Hải Phòng\nLưu: VT');
    expect(screen.getByTestId('document-preview').textContent).toBe('Sẽ in: "Số: 12/BC-UBND" · "Hồng Bàng, ngày … tháng … năm …"');
    fireEvent.change(number, { target: { value: '5' } });
    const date = screen.getByLabelText('Ngày ban hành');
    fireEvent.change(date, { target: { value: '3/2/2025' } });
    fireEvent.blur(date);
    await waitFor(() =>
      expect(screen.getByTestId('document-preview').textContent).toBe('Sẽ in: "Số: 05/BC-UBND" · "Hồng Bàng, ngày 03 tháng 02 năm 2025"'),
    );
  });

  it('saves empty fields as null (the unit default) and typed ones as overrides', async () => {
    const { saveDocument } = setup();
    fireEvent.change(await screen.findByLabelText('Họ tên người ký'), { target: { value: 'Lê Văn Hùng' } });
    fireEvent.change(screen.getByLabelText('Nơi nhận'), { target: { value: 'Sở Nội vụ thành phố Hải Phòng\n\n  Lưu: VT, VP ' } });
    expect(screen.getByTestId('document-save-state').textContent).toBe('Có thay đổi chưa lưu.');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin văn bản' }));
    await waitFor(() => expect(saveDocument).toHaveBeenCalledTimes(1));
    expect(saveDocument.mock.calls[0]?.[0]).toEqual({
      assessmentId: 'a1',
      document: {
        number: '12',
        date: null,
        symbol: null,
        place: null,
        governingBody: null,
        recipients: ['Sở Nội vụ thành phố Hải Phòng', 'Lưu: VT, VP'],
        signerAuthority: null,
        signerTitle: null,
        signerName: 'Lê Văn Hùng',
      },
    });
    await waitFor(() => expect(screen.getByTestId('document-save-state').textContent).toBe('Đã lưu thông tin văn bản.'));
  });

  it('exporting saves pending details first, then asks for a draft when "Bản dự thảo" is ticked', async () => {
    const { api, calls } = setup();
    fireEvent.change(await screen.findByLabelText('Số văn bản'), { target: { value: '7' } });
    fireEvent.click(screen.getByLabelText('Bản dự thảo'));
    fireEvent.click(screen.getByRole('button', { name: 'Xuất báo cáo (PDF)' }));
    await waitFor(() => expect(api.report.pdf).toHaveBeenCalledWith({ assessmentId: 'a1', draft: true }));
    expect(calls).toEqual(['saveDocument', 'pdf']);
  });

  it('a refused save stops the export and shows why', async () => {
    const { api, saveDocument } = setup();
    saveDocument.mockRejectedValueOnce(new AppFailure('VALIDATION', 'Ký hiệu gồm chữ in hoa và số, các nhóm nối bằng dấu gạch nối'));
    fireEvent.change(await screen.findByLabelText('Ký hiệu'), { target: { value: 'BC UBND' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xuất báo cáo (PDF)' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent).join(' ')).toContain('Ký hiệu gồm chữ in hoa và số');
    expect(api.report.pdf).not.toHaveBeenCalled();
  });
});

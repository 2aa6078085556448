// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { PreflightReport } from '../../shared/domain/preflight';
import type { SubmissionExportResult } from '../../shared/ipc/channels/submission';
import type { ChosenKey } from '../../shared/ipc/channels/signing';
import { AppFailure } from '../../shared/ipc/result';
import type { Assessment } from '../../shared/schemas/assessment';
import type { Job } from '../../shared/schemas/job';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { SubmitWizard } from '../../renderer/src/features/submission/index';
import type { Platform } from '../../renderer/src/platform/index';
import { fakePlatform } from './fake-platform';

const assessment = (over: Partial<Assessment> = {}): Assessment => ({
  id: 'a1',
  year: 2025,
  indicatorSetId: 'hp-2025-so',
  indicatorSetVersion: '1',
  indicatorSetName: 'Bộ chỉ số sở 2025',
  indicatorSetSha256: '0'.repeat(64),
  revision: 1,
  supersedesRevision: null,
  status: 'draft',
  deadline: null,
  createdAt: '2025-11-01T00:00:00.000Z',
  updatedAt: '2025-11-01T00:00:00.000Z',
  ...over,
});

const FP = 'ab'.repeat(32);
const preview = (problem: ChosenKey['problem'] = null): ChosenKey => ({
  keyId: 'key1',
  signer: {
    subject: 'CN=Nguyễn Văn An, O=Sở Tư pháp, C=VN',
    issuer: 'CN=CA cấp dưới, C=VN',
    serialNumber: '0b02',
    // Noon UTC: the same calendar day in every time zone the test may run in.
    notBefore: '2025-01-02T12:00:00.000Z',
    notAfter: '2027-03-04T12:00:00.000Z',
    sha256: FP,
  },
  problem,
});
const exportResult: SubmissionExportResult = {
  fileName: 'STP-HP_2025_0193.asice',
  sizeBytes: 3 * 1024 * 1024 + 200_000,
  sha256: 'c'.repeat(64),
  submissionId: '0193',
  revision: 1,
  status: 'VALID',
  code: 'OK',
  message: 'Hồ sơ hợp lệ',
  warnings: [],
  downloadId: 'dl1',
};
const job = (state: Job['state'], over: Partial<Job> = {}): Job => ({ id: 'j1', kind: 'submission.export', state, progress: { done: 3, total: 10, label: 'Ký số' }, ...over });

const setup = (opts: { report?: PreflightReport; status?: Assessment['status']; kind?: Platform['kind']; lang?: Language } = {}) => {
  const report = opts.report ?? { ok: true, errors: [], warnings: [] };
  const api = {
    assessments: { get: vi.fn(async () => assessment({ status: opts.status ?? 'draft' })), preflight: vi.fn(async () => report) },
    signing: { chooseKey: vi.fn() },
    submission: { export: vi.fn(), showInFolder: vi.fn(async () => ({ shown: true })) },
    jobs: { get: vi.fn(async () => job('done', { result: exportResult })), cancel: vi.fn(async () => job('cancelled')) },
  };
  const platform = fakePlatform(api, { kind: opts.kind ?? 'web' });
  render(
    <AppProvider value={{ platform, lang: opts.lang ?? 'vi', setLang: () => {} }}>
      <SubmitWizard assessmentId="a1" />
    </AppProvider>,
  );
  return { api, platform };
};

const p12File = () => new File([new Uint8Array([0x30, 0x82, 1, 2])], 'chu-ky.p12', { type: 'application/x-pkcs12' });

/** From the preflight step to the confirm step with the given password (web host: upload first). */
const openKey = async (password: string, kind: Platform['kind'] = 'web') => {
  const next = await screen.findByRole('button', { name: 'Tiếp tục' });
  await waitFor(() => expect((next as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(next);
  if (kind === 'web') fireEvent.change(screen.getByLabelText('Chọn tệp .p12 hoặc .pfx'), { target: { files: [p12File()] } });
  fireEvent.change(screen.getByLabelText('Mật khẩu của tệp chứng thư số'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Mở khóa ký' }));
};

afterEach(cleanup);

describe('SubmitWizard', () => {
  it('refuses to go on while preflight errors remain, each error a link to fix it', async () => {
    const report: PreflightReport = {
      ok: false,
      errors: [{ code: 'EXPLANATION_MISSING', severity: 'error', nodeId: 'so25-1.1', nodeCode: '1.1', message: '', params: { code: '1.1' } }],
      warnings: [],
    };
    setup({ report });
    const list = await screen.findByTestId('submit-preflight-errors');
    const link = within(list).getByRole('link');
    expect(link.getAttribute('href')).toBe('#/a/a1/n/so25-1.1');
    expect(link.textContent).toContain('1.1');
    expect(screen.getByTestId('submit-preflight').textContent).toBe('Còn 1 lỗi phải sửa trước khi xuất hồ sơ. Bấm vào từng mục để sửa.');
    expect((screen.getByRole('button', { name: 'Tiếp tục' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('a locked revision may be exported again: LOCKED alone does not block, and the user is told why', async () => {
    const report: PreflightReport = { ok: false, errors: [{ code: 'LOCKED', severity: 'error', nodeId: null, nodeCode: null, message: '', params: {} }], warnings: [] };
    setup({ report, status: 'locked' });
    await screen.findByText(/Có thể xuất lại hồ sơ của lần nộp này/);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Tiếp tục' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('a wrong password shows the backend message, empties the field and is never retried; the right one shows the signer', async () => {
    const { api, platform } = setup();
    api.signing.chooseKey.mockRejectedValueOnce(new AppFailure('WRONG_PASSWORD', 'Mật khẩu của tệp chứng thư số (.p12/.pfx) không đúng.'));
    await openKey('sai');
    expect((await screen.findByRole('alert')).textContent).toContain('Mật khẩu của tệp chứng thư số (.p12/.pfx) không đúng.');
    const password = screen.getByLabelText('Mật khẩu của tệp chứng thư số') as HTMLInputElement;
    expect(password.value).toBe('');
    expect(password.type).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('off');
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(api.signing.chooseKey).toHaveBeenCalledTimes(1);
    expect(api.signing.chooseKey.mock.calls[0]?.[0]).toEqual({ source: { kind: 'p12', password: 'sai', uploadId: 'up1' } });

    api.signing.chooseKey.mockResolvedValueOnce(preview());
    fireEvent.change(password, { target: { value: 'Mật-khẩu1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa ký' }));
    const signer = await screen.findByTestId('submit-signer');
    // The same file is not uploaded twice.
    expect(platform.uploadFiles).toHaveBeenCalledTimes(1);
    expect(signer.textContent).toContain('CN=Nguyễn Văn An, O=Sở Tư pháp, C=VN');
    expect(signer.textContent).toContain('CN=CA cấp dưới, C=VN');
    expect(signer.textContent).toContain('từ 02/01/2025 đến 04/03/2027');
    expect(signer.textContent).toContain(`AB:AB:AB`);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Bước 3/5: Xác nhận người ký');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
  });

  it('an expired certificate is shown as refused, with no way to sign', async () => {
    const { api } = setup();
    api.signing.chooseKey.mockResolvedValueOnce(preview({ code: 'CERT_EXPIRED', message: 'Chứng thư số đã hết hạn từ 2025-01-01; không thể ký.' }));
    await openKey('x');
    expect((await screen.findByTestId('submit-refused')).textContent).toBe('Không thể ký bằng chứng thư số này: Chứng thư số đã hết hạn từ 2025-01-01; không thể ký.');
    expect(screen.queryByRole('button', { name: 'Ký và xuất hồ sơ' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Chọn khóa khác' }));
    expect(await screen.findByLabelText('Mật khẩu của tệp chứng thư số')).toBeTruthy();
    expect(api.submission.export).not.toHaveBeenCalled();
  });

  it('signs with the password typed once, follows the job to the verdict, downloads, and says the assessment is locked', async () => {
    const { api, platform } = setup();
    api.signing.chooseKey.mockResolvedValueOnce(preview());
    api.submission.export.mockResolvedValueOnce(job('running'));
    await openKey('Mật-khẩu1');
    fireEvent.click(await screen.findByRole('button', { name: 'Ký và xuất hồ sơ' }));
    const verdict = await screen.findByTestId('submit-verdict');
    expect(api.submission.export).toHaveBeenCalledWith({ assessmentId: 'a1', keyId: 'key1', password: 'Mật-khẩu1' });
    expect(verdict.getAttribute('data-status')).toBe('VALID');
    expect(verdict.textContent).toContain('HỢP LỆ');
    expect(verdict.textContent).toContain('Hồ sơ hợp lệ: chữ ký số đúng, mọi tệp còn nguyên vẹn.');
    const file = screen.getByTestId('submit-file').textContent ?? '';
    expect(file).toContain('STP-HP_2025_0193.asice');
    expect(file).toContain('3,2 MB');
    expect(file).toContain('c'.repeat(64));
    fireEvent.click(screen.getByRole('button', { name: 'Tải hồ sơ về máy (STP-HP_2025_0193.asice)' }));
    await waitFor(() => expect(platform.download).toHaveBeenCalledWith('dl1', 'STP-HP_2025_0193.asice'));
    expect(screen.getByTestId('submit-locked').textContent).toContain('Lần nộp 1 đã được khóa (chỉ xem).');
    expect(screen.getByRole('link', { name: 'Về trang Tổng quan' }).getAttribute('href')).toBe('#/a/a1');
    // No password anywhere in the page.
    expect(document.body.innerHTML).not.toContain('Mật-khẩu1');
  });

  it('cancel during export returns to the key step with a note; the secret must be typed again', async () => {
    const { api } = setup();
    api.signing.chooseKey.mockResolvedValueOnce(preview());
    api.submission.export.mockResolvedValueOnce(job('running'));
    api.jobs.get.mockImplementation(async () => job('running'));
    // The backend stops the job: from then on polling sees it cancelled.
    api.jobs.cancel.mockImplementation(async () => {
      api.jobs.get.mockImplementation(async () => job('cancelled'));
      return job('running');
    });
    await openKey('pw');
    fireEvent.click(await screen.findByRole('button', { name: 'Ký và xuất hồ sơ' }));
    const progress = await screen.findByTestId('submit-progress');
    expect(progress.textContent).toContain('Ký số');
    await act(async () => {
      fireEvent.click(within(progress).getByRole('button', { name: 'Hủy' }));
    });
    expect(await screen.findByText('Đã hủy xuất hồ sơ. Không có tệp nào được tạo.')).toBeTruthy();
    expect(api.jobs.cancel).toHaveBeenCalledWith({ jobId: 'j1' });
    expect((screen.getByLabelText('Mật khẩu của tệp chứng thư số') as HTMLInputElement).value).toBe('');
  });

  it('a failed export (e.g. preflight changed meanwhile) shows the backend message on the key step', async () => {
    const { api } = setup();
    api.signing.chooseKey.mockResolvedValueOnce(preview());
    api.submission.export.mockResolvedValueOnce(job('failed', { error: { code: 'PREFLIGHT_FAILED', message: 'Còn 2 lỗi phải sửa trước khi nộp.' } }));
    await openKey('pw');
    fireEvent.click(await screen.findByRole('button', { name: 'Ký và xuất hồ sơ' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Còn 2 lỗi phải sửa trước khi nộp.');
    expect(screen.getByRole('button', { name: 'Mở khóa ký' })).toBeTruthy();
  });

  it('Electron: the backend opens the file dialog (no upload) and the result offers "Mở thư mục"; English texts', async () => {
    const { api, platform } = setup({ kind: 'electron' });
    api.signing.chooseKey.mockResolvedValueOnce(preview());
    api.submission.export.mockResolvedValueOnce(job('done', { result: { ...exportResult, downloadId: undefined } }));
    await openKey('pw', 'electron');
    fireEvent.click(await screen.findByRole('button', { name: 'Ký và xuất hồ sơ' }));
    await screen.findByTestId('submit-verdict');
    expect(platform.uploadFiles).not.toHaveBeenCalled();
    expect(api.signing.chooseKey.mock.calls[0]?.[0]).toEqual({ source: { kind: 'p12', password: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở thư mục' }));
    await waitFor(() => expect(api.submission.showInFolder).toHaveBeenCalledWith({ jobId: 'j1' }));
    cleanup();
    setup({ lang: 'en', report: { ok: true, errors: [], warnings: [] } });
    expect(await screen.findByRole('heading', { name: 'Export the submission bundle', level: 1 })).toBeTruthy();
    expect(await screen.findByText('No blocking errors. The bundle can be signed and exported.')).toBeTruthy();
  });
});

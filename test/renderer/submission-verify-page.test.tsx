// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { TrustEntry } from '../../shared/ipc/channels/trust';
import type { Job } from '../../shared/schemas/job';
import type { VerifyResult } from '../../shared/schemas/submission';
import { AppProvider } from '../../renderer/src/app/app-context';
import { TrustAnchors, VerifyPage } from '../../renderer/src/features/trust/index';
import { fakePlatform } from './fake-platform';

const result: VerifyResult = {
  status: 'VALID_WITH_WARNINGS',
  code: 'OK',
  message: 'Hồ sơ hợp lệ',
  warnings: [{ code: 'W_REVOCATION_UNKNOWN', message: '' }],
  signer: { subject: 'CN=Nguyễn Văn An', issuer: 'CN=CA cấp dưới', serialNumber: '01', notBefore: '2025-01-02T12:00:00Z', notAfter: '2027-01-02T12:00:00Z', sha256: '12'.repeat(32) },
  chain: ['CN=Nguyễn Văn An', 'CN=CA cấp dưới', 'CN=CA gốc'],
  signingTime: '2025-12-10T02:00:00Z',
  files: [
    { path: 'submission.json', size: 2048, sha256: 'd'.repeat(64) },
    { path: 'evidence/0001.pdf', size: 5 * 1024 * 1024, sha256: 'e'.repeat(64), originalName: 'Kế hoạch CCHC 2025.pdf' },
  ],
  submission: { submissionId: '0193-x', revision: 2, agency: { code: 'STP-HP', name: 'Sở Tư pháp' }, period: '2025', indicatorSet: { id: 'hp-2025-so', version: '1.0.0', sha256: 'f'.repeat(64) } },
  bundleSha256: 'a'.repeat(64),
  checkedAt: '2025-12-10T03:00:00Z',
};
const anchor: TrustEntry = { kind: 'anchor', fingerprint: '34'.repeat(32), subject: 'CN=CA gốc, O=Test, C=VN', issuer: 'CN=CA gốc, O=Test, C=VN', notBefore: '2020-01-01T12:00:00Z', notAfter: '2040-01-01T12:00:00Z', fileName: 'x.pem' };

const setup = (entries: TrustEntry[]) => {
  let list = [...entries];
  const api = {
    jobs: { get: vi.fn(async (): Promise<Job> => ({ id: 'v1', kind: 'trust.verify', state: 'done', progress: { done: 1, total: 1, label: '' }, result })), cancel: vi.fn() },
    trust: {
      verify: vi.fn(async (): Promise<Job> => ({ id: 'v1', kind: 'trust.verify', state: 'running', progress: { done: 0, total: 1, label: '' } })),
      list: vi.fn(async () => list),
      import: vi.fn(async () => {
        list = [anchor];
        return { added: [anchor] };
      }),
      remove: vi.fn(async ({ fingerprint }: { fingerprint: string }) => {
        list = list.filter((e) => e.fingerprint !== fingerprint);
        return { removed: true };
      }),
    },
  };
  const platform = fakePlatform(api);
  platform.uploadFiles.mockImplementation(async (files: File[]) => files.map((f, i) => ({ uploadId: `up${i}`, name: f.name, size: f.size })));
  render(
    <AppProvider value={{ platform, lang: 'vi', setLang: () => {} }}>
      <VerifyPage />
    </AppProvider>,
  );
  return { api, platform };
};

afterEach(cleanup);

describe('VerifyPage', () => {
  it('uploads the chosen bundle, verifies it and shows verdict, warnings, signer, contents and files', async () => {
    const { api } = setup([anchor]);
    fireEvent.change(screen.getByLabelText('Hồ sơ cần kiểm tra (.asice)'), { target: { files: [new File(['PK'], 'ho-so.asice')] } });
    const verdict = await screen.findByTestId('verify-verdict');
    expect(api.trust.verify).toHaveBeenCalledWith({ uploadId: 'up0' });
    expect(verdict.getAttribute('data-status')).toBe('VALID_WITH_WARNINGS');
    expect(verdict.textContent).toContain('HỢP LỆ (CÓ CẢNH BÁO)');
    expect(screen.getByTestId('verify-warnings').textContent).toContain('Chưa kiểm tra được tình trạng thu hồi chứng thư');
    expect(screen.getByTestId('verify-signer').textContent).toContain('từ 02/01/2025 đến 02/01/2027');
    const sub = screen.getByTestId('verify-submission').textContent ?? '';
    expect(sub).toContain('Sở Tư pháp (STP-HP)');
    expect(sub).toContain('hp-2025-so, phiên bản 1.0.0');
    const rows = within(screen.getByTestId('verify-files')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2]!.textContent).toContain('evidence/0001.pdf');
    expect(rows[2]!.textContent).toContain('Kế hoạch CCHC 2025.pdf');
    expect(rows[2]!.textContent).toContain('5 MB');
    expect(screen.getByText('Tệp: ho-so.asice')).toBeTruthy();
  });

  it('trust anchors: empty warning, import through an upload, removal only after confirmation', async () => {
    const { api } = setup([]);
    expect(await screen.findByText(/Chưa có chứng thư gốc tin cậy nào/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Thêm chứng thư gốc (PEM/DER) hoặc CRL'), { target: { files: [new File(['-----BEGIN'], 'ca.pem')] } });
    await waitFor(() => expect(screen.getByTestId('trust-note').textContent).toBe('Đã thêm: CA gốc'));
    expect(api.trust.import).toHaveBeenCalledWith({ uploadId: 'up0' });
    const row = await screen.findByRole('row', { name: /CA gốc/ });
    expect(row.textContent).toContain('01/01/2020 – 01/01/2040');
    expect(row.textContent).toContain('34:34:34');
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ chứng thư gốc CA gốc' }));
    expect(api.trust.remove).not.toHaveBeenCalled();
    const confirm = screen.getByRole('button', { name: 'Bỏ khỏi danh sách' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByTestId('trust-note').textContent).toBe('Đã bỏ: CA gốc'));
    expect(api.trust.remove).toHaveBeenCalledWith({ fingerprint: '34'.repeat(32) });
    expect(await screen.findByText(/Chưa có chứng thư gốc tin cậy nào/)).toBeTruthy();
  });

  it('the empty-list note says what is true where it is shown: checked anyway (Kiểm tra hồ sơ) or refused (strict: a round, a result)', async () => {
    setup([]);
    expect((await screen.findByTestId('trust-empty')).textContent).toContain('hồ sơ vẫn được kiểm tra chữ ký và từng tệp');
    cleanup();
    const platform = fakePlatform({ trust: { list: vi.fn(async () => []) } });
    render(
      <AppProvider value={{ platform, lang: 'vi', setLang: () => {} }}>
        <TrustAnchors strict />
      </AppProvider>,
    );
    const strict = await screen.findByTestId('trust-empty');
    expect(strict.textContent).toBe('Chưa có chứng thư gốc tin cậy nào: mọi gói của Sở Nội vụ sẽ bị từ chối (E_UNTRUSTED) cho đến khi bạn thêm chứng thư gốc (CA) mà Sở Nội vụ cung cấp.');
  });

  it('shows the kind of any package and what an appraisal result declares', async () => {
    const x: VerifyResult = {
      ...result,
      kind: 'appraisal-result',
      submission: null,
      exchange: { kind: 'appraisal-result', roundId: 'r', year: 2025, revision: 2, createdAt: '2025-12-20T08:00:00Z', unit: { code: 'P-HONGBANG', name: 'Phường Hồng Bàng', block: 'PHUONG' }, issuer: { code: 'SNV-HP', name: 'Sở Nội vụ thành phố Hải Phòng' }, items: 41, evidence: 0, final: { points: 85_250, index: 8525, rank: 3, of: 12 } },
    };
    const { api } = setup([anchor]);
    api.jobs.get.mockResolvedValue({ id: 'v1', kind: 'trust.verify', state: 'done', progress: { done: 1, total: 1, label: '' }, result: x });
    fireEvent.change(screen.getByLabelText('Hồ sơ cần kiểm tra (.asice)'), { target: { files: [new File(['PK'], 'kq.asice')] } });
    expect((await screen.findByTestId('verify-kind')).textContent).toBe('Loại gói: kết quả thẩm định');
    expect(screen.getByTestId('verify-exchange').textContent).toContain('Phường Hồng Bàng (P-HONGBANG), năm 2025, lần 2');
    expect(screen.getByText(/Tổng điểm/).textContent).toBe('Tổng điểm 85,25; chỉ số 85,25 %; xếp hạng 3/12; 41 tiêu chí');
  });
});

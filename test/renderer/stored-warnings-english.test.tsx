// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { PlatformApi } from '../../shared/ipc/contract';
import type { SurveyNode } from '../../shared/ipc/channels/survey';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { SubmissionHistory } from '../../renderer/src/features/submission/SubmissionHistory';
import { SurveyRow } from '../../renderer/src/features/survey/SurveyRow';
import type { Platform } from '../../renderer/src/platform/index';

const platformWith = (api: Record<string, unknown>): Platform =>
  ({ api: api as unknown as PlatformApi, kind: 'web', download: vi.fn(), uploadFiles: vi.fn(), fileObjectUrl: vi.fn(), fileBytes: vi.fn() }) as Platform;

const bundle = (revision: number, verificationCode: string) => ({
  id: `0190a1b2-0000-7000-8000-00000000000${revision}`,
  revision,
  fileName: `STP-HP_2025_r${revision}.asice`,
  sizeBytes: 2048,
  sha256: 'ab'.repeat(32),
  signerSubject: 'CN=Phạm Văn Đông,T=Giám đốc,O=Sở Tư pháp',
  createdAt: '2025-06-30T01:00:00.000Z',
  verificationCode,
  available: true,
});

afterEach(cleanup);

describe('stored results are kept as codes and worded in the UI language', () => {
  const history = (lang: Language, rows: unknown[]) =>
    render(
      <AppProvider value={{ platform: platformWith({ submission: { history: vi.fn(async () => rows) } }), lang, setLang: () => {} }}>
        <SubmissionHistory assessmentId="0190a1b2-0000-7000-8000-0000000000aa" />
      </AppProvider>,
    );

  it('the self-check stored with an exported bundle reads in English in English mode, in Vietnamese in Vietnamese mode', async () => {
    history('en', [bundle(1, 'W_TRUST_NOT_CONFIGURED'), bundle(2, 'legacy text')]);
    const cells = await screen.findAllByTestId('history-check');
    expect(cells[0]?.textContent).toBe(
      'W_TRUST_NOT_CONFIGUREDNo trust anchors configured — whether the signer can be trusted is not established. The files are intact and the signature matches the certificate inside the bundle; Sở Nội vụ checks the signer against its own trust anchors on receipt.',
    );
    // A value that is not a known code (older rows) is shown as stored.
    expect(cells[1]?.textContent).toBe('legacy text');
    cleanup();
    history('vi', [bundle(1, 'W_TRUST_NOT_CONFIGURED')]);
    expect((await screen.findByTestId('history-check')).textContent).toContain('Chưa cấu hình chứng thư gốc tin cậy');
  });

  it('a survey result imported from a file says so in English (origin and file name, no stored Vietnamese sentence)', () => {
    const node: SurveyNode = {
      nodeId: 'so25-1.7',
      code: '1.7',
      title: 'Mức độ hài lòng',
      max: 3000,
      method: 'SURVEY',
      source: 'Điều tra XHH',
      valueUnit: 'percent',
      scaleMax: 100,
      value: 85.5,
      score: { nodeId: 'so25-1.7', score: 2565, max: 3000, status: 'SCORED', explanation: '', problems: [] } as unknown as SurveyNode['score'],
      sourceNote: '',
      origin: 'import',
      fileName: 'ket-qua-xhh.xlsx',
      updatedAt: '2025-06-30T01:00:00.000Z',
    };
    render(
      <AppProvider value={{ platform: platformWith({}), lang: 'en', setLang: () => {} }}>
        <table>
          <tbody>
            <SurveyRow assessmentId="a" node={node} readOnly={false} onSaved={() => {}} onError={() => {}} />
          </tbody>
        </table>
      </AppProvider>,
    );
    const row = screen.getByTestId('survey-row-1.7');
    expect(within(row).getByText('Imported from ket-qua-xhh.xlsx')).toBeTruthy();
    expect(row.textContent).not.toContain('Nhập từ tệp');
    expect((within(row).getByLabelText('Source / note 1.7') as HTMLInputElement).value).toBe('');
  });
});

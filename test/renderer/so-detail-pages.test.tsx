// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { DecisionDetail } from '../../shared/ipc/channels/decisions';
import type { InboxNode } from '../../shared/ipc/channels/inbox';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { DecisionDetailPage } from '../../renderer/src/features/decisions/index';
import { AppraisalRow } from '../../renderer/src/features/inbox/AppraisalRow';
import type { EvidenceItem } from '../../renderer/src/features/inbox/EvidenceList';
import { fakePlatform } from './fake-platform';
import type { FakeHandlers } from './fake-platform';

afterEach(cleanup);

const show = (node: React.ReactNode, handlers: FakeHandlers, lang: Language = 'vi') => {
  render(<AppProvider value={{ platform: fakePlatform(handlers), lang, setLang: () => {} }}>{node}</AppProvider>);
};

const totals = { self: 50_000, survey: 0, bonus: 0, penalty: 0, final: 50_000, applicableMax: 100_000, index: 5000, classification: null };
const SUBJECT = 'CN=Nguyễn Văn An, T=Chánh Văn phòng, O=UBND phường Hồng Bàng, L=Hải Phòng, C=VN';
const DETAIL: DecisionDetail = {
  explanationRowId: 'x1',
  unitCode: 'P-HONGBANG',
  unitName: 'UBND phường Hồng Bàng',
  unitType: 'PHUONG',
  year: 2025,
  revision: 1,
  history: [],
  receivedOn: '2025-12-22',
  signerSubject: SUBJECT,
  closed: false,
  items: [],
  totals: { self: totals, appraised: totals, final: totals },
};

describe('decision detail page (Sở Nội vụ): received day and signer as people read them', () => {
  it.each([
    ['vi', 'Lần 1, nhận ngày 22/12/2025; người ký: Nguyễn Văn An — UBND phường Hồng Bàng', 'Chủ thể đầy đủ của chứng thư ký (DN)'],
    ['en', 'Revision 1, received 22/12/2025; signed by Nguyễn Văn An — UBND phường Hồng Bàng', 'Full subject of the signing certificate (DN)'],
  ] as const)('%s: dd/mm/yyyy, the CN then the organisation; the full DN only under its details', async (lang, meta, dnLabel) => {
    show(<DecisionDetailPage rowId="x1" />, { decisions: { get: vi.fn(async () => DETAIL) } }, lang);
    expect((await screen.findByTestId('decision-meta')).textContent).toBe(meta);
    const dn = screen.getByTestId('decision-signer-dn');
    expect(dn.textContent).toBe(SUBJECT);
    expect(dn.closest('details')!.querySelector('summary')!.textContent).toBe(dnLabel);
  });
});

describe('appraisal page (inbox detail): a criterion’s evidence by its original name', () => {
  const HOSTILE = '<img src=x onerror="window.__pwned=1">Kế hoạch CCHC 2025.pdf';
  const items: EvidenceItem[] = [
    { path: 'evidence/0007.pdf', originalName: HOSTILE, mediaType: 'application/pdf', size: 1200, sha256: 'a'.repeat(64), previewable: true, metadata: {} },
    { path: 'evidence/0008.docx', originalName: 'Báo cáo quý III.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 900, sha256: 'b'.repeat(64), previewable: false, metadata: {} },
  ];
  const node: InboxNode = {
    nodeId: 'n-1.1.1',
    code: '1.1.1',
    title: 'Ban hành KH CCHC 2025',
    depth: 3,
    isLeaf: true,
    kind: 'SELF',
    max: 1000,
    self: 500,
    appraised: 500,
    override: null,
    comment: '',
    editable: true,
    status: 'OK',
    explanation: '',
    note: '',
    evidenceWaiver: null,
    inputsText: '',
    notApplicableReason: null,
    evidence: ['evidence/0007.pdf', 'evidence/0008.docx'],
    survey: null,
  };

  it.each([
    ['vi', 'Tài liệu:', 'Xem '],
    ['en', 'Evidence:', 'View '],
  ] as const)('%s: names as text (never markup), the package path second; a PDF opens the preview', (lang, label, view) => {
    const onPreview = vi.fn();
    show(
      <table>
        <tbody>
          <AppraisalRow importId="imp1" unitName="UBND phường Hồng Bàng" node={node} evidenceByPath={new Map(items.map((e) => [e.path, e]))} onPreview={onPreview} readOnly={false} onSaved={() => {}} onError={() => {}} />
        </tbody>
      </table>,
      {},
      lang,
    );
    const list = screen.getByTestId('node-evidence');
    expect(list.textContent).toBe(`${label}${HOSTILE} (evidence/0007.pdf)Báo cáo quý III.docx (evidence/0008.docx)`);
    expect(within(list).getAllByTestId('evidence-name').map((e) => e.textContent)).toEqual([HOSTILE, 'Báo cáo quý III.docx']);
    expect(list.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // Only the PDF can be previewed; the button is named by the file, as the evidence table's is.
    const open = within(list).getByRole('button', { name: `${view}${HOSTILE}` });
    expect(within(list).getAllByRole('button')).toHaveLength(1);
    fireEvent.click(open);
    expect(onPreview).toHaveBeenCalledWith(items[0]);
  });
});

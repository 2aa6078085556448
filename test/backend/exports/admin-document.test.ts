import { describe, expect, it } from 'vitest';

import { isAppFailure } from '../../../shared/ipc/result';
import type { DocumentFields } from '../../../shared/domain/admin-document/fields';
import { renderAdminDocument } from '../../../electron/backend/services/admin-document/document';
import type { AdminDocumentSpec } from '../../../electron/backend/services/admin-document/document';
import { pdfToText, pdfWords } from './tools';

/**
 * A later document (an appraisal result from Sở Nội vụ) as a thin caller of the same layout: its own fields,
 * type, trích yếu, several addressees and a landscape table, nothing else.
 */
const fields: DocumentFields = {
  governingBody: 'UBND thành phố Hải Phòng',
  issuingBody: 'Sở Nội vụ',
  number: '215',
  symbol: 'TB-SNV',
  place: 'Hải Phòng',
  date: '2026-01-09',
  recipients: ['Ủy ban nhân dân phường Hồng Bàng;', '- Lưu: VT, CCHC.'],
  signer: { authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Phạm Thị Thu' },
};

const spec = (over: Partial<AdminDocumentSpec> = {}): AdminDocumentSpec => ({
  fields,
  docType: 'Thông báo',
  summary: 'Kết quả thẩm định Chỉ số cải cách hành chính năm 2025',
  addressees: ['Ủy ban nhân dân phường Hồng Bàng', 'Ủy ban nhân dân phường Ngô Quyền.'],
  body: [
    { text: 'Sở Nội vụ thông báo kết quả thẩm định như sau:', style: 'para' },
    { text: 'KẾT QUẢ THẨM ĐỊNH', style: 'h1', pageBreak: 'before', pageOrientation: 'landscape' },
    { table: { headerRows: 1, widths: [40, '*', 90], body: [[{ text: 'STT', style: 'th' }, { text: 'Đơn vị', style: 'th' }, { text: 'Điểm', style: 'th' }], ['1', 'Phường Hồng Bàng', '86,50']] }, style: 'table' },
    { text: 'Đề nghị các đơn vị tiếp tục thực hiện.', style: 'para', pageBreak: 'before', pageOrientation: 'portrait' },
  ],
  draft: false,
  info: { title: 'Thông báo kết quả thẩm định', author: 'Sở Nội vụ', subject: 'CCHC 2025', createdAt: '2026-01-09T02:00:00.000Z' },
  ...over,
});

describe('the administrative-document layout reused by another document', () => {
  it('prints the caller’s type, fields, addressees and body with the same letterhead and signature block', async () => {
    const { data, signature } = await renderAdminDocument(spec());
    const text = pdfToText(data);
    for (const line of [
      'UBND THÀNH PHỐ HẢI PHÒNG',
      'SỞ NỘI VỤ',
      'Số: 215/TB-SNV',
      'Hải Phòng, ngày 09 tháng 01 năm 2026',
      'THÔNG BÁO',
      'Kết quả thẩm định Chỉ số cải cách hành chính năm 2025',
      'Kính gửi:',
      '- Ủy ban nhân dân phường Hồng Bàng;',
      '- Ủy ban nhân dân phường Ngô Quyền.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Phạm Thị Thu',
      '- Lưu: VT, CCHC.',
    ]) {
      expect(text, line).toContain(line);
    }
    const pages = pdfWords(data);
    expect(pages.map((p) => (p.width > p.height ? 'landscape' : 'portrait'))).toEqual(['portrait', 'landscape', 'portrait']);
    expect(signature.pageIndex).toBe(2);
    expect(pages[1]!.words.filter((w) => w.yMax < 56.7).map((w) => w.text)).toEqual(['2']);
  }, 60_000);

  it('names the document type in its refusal of a final document with empty fields', async () => {
    try {
      await renderAdminDocument(spec({ fields: { ...fields, number: '', signer: { ...fields.signer, name: ' ' } } }));
      throw new Error('expected a refusal');
    } catch (e) {
      if (!isAppFailure(e)) throw e;
      expect(e.code).toBe('PREFLIGHT_FAILED');
      expect(e.message).toBe('Thông báo chưa có số văn bản, họ tên người ký. Hãy bổ sung các thông tin này, hoặc xuất bản dự thảo.');
      expect(e.details).toEqual({ missing: ['number', 'signerName'] });
    }
  });
});

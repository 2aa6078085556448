import { describe, expect, it } from 'vitest';

import { formatPoints } from '../../../shared/format/index';
import { buildPdf, reportDocument } from '../../../electron/backend/services/report/pdf/document';
import { makeSampleModel } from './fixture-model';
import { pdfPages, pdfToText } from './tools';

const model = makeSampleModel(40);

describe('buildPdf', () => {
  it('text extracts with every domain title, the unit name and the total, in NFC; page count is stable', async () => {
    const a = await buildPdf(model);
    const b = await buildPdf(model);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfToText(a);
    // pdftotext -layout may wrap long titles inside table cells: join the lines of each cell back first
    const flat = text.replace(/\s+/g, ' ');
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('PHƯỜNG HỒNG BÀNG');
    expect(text).toContain('Số: 12/BC-UBND');
    expect(text).toContain('Hồng Bàng, ngày 20 tháng 11 năm 2025');
    expect(text).toContain('Kính gửi: Sở Nội vụ thành phố Hải Phòng.');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025');
    for (const s of model.summaries) expect(flat, s.title).toContain(`${s.code}. ${s.title}`);
    expect(text).toContain(`Tổng điểm: ${formatPoints(model.totals.scoreMilli)}/${formatPoints(model.totals.maxMilli)} điểm`);
    for (const h of ['I. CĂN CỨ', 'II. KẾT QUẢ', 'III. KẾT QUẢ', 'IV. DANH MỤC', 'V. ƯU ĐIỂM', 'VI. KIẾN NGHỊ', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']) {
      expect(text).toContain(h);
    }
    expect(text).toContain(model.document.signer.name);
    expect(text).toContain(model.narrative.recommendations);
    expect(text).toBe(text.normalize('NFC'));
    const pages = pdfPages(a);
    expect(pages).toBeGreaterThan(2);
    expect(pdfPages(b)).toBe(pages);
    // page numbers are bare Arabic numerals (pdf-layout.test.ts checks where they sit)
    expect(text).not.toContain('Trang ');
  }, 60_000);

  it('renders NFD input as NFC text', async () => {
    const nfd = makeSampleModel(2);
    nfd.document.issuingBody = 'Ủy ban nhân dân xã Cát Hải'.normalize('NFD');
    nfd.document.signer.name = 'Vũ Thị Mỹ Lệ'.normalize('NFD');
    const text = pdfToText(await buildPdf(nfd));
    expect(text).toContain('XÃ CÁT HẢI'.normalize('NFC'));
    expect(text).toContain('Vũ Thị Mỹ Lệ'.normalize('NFC'));
  }, 60_000);

  it('repeats table headers and uses the embedded Vietnamese font', () => {
    const doc = reportDocument(model) as { content: Record<string, unknown>[]; defaultStyle: { font: string } };
    expect(doc.defaultStyle.font).toBe('Tinos');
    const tables = doc.content.filter((c) => c && typeof c === 'object' && 'table' in c) as { table: { headerRows?: number } }[];
    // summary + one detail table per domain + evidence
    expect(tables.length).toBe(2 + model.domains.length);
    for (const t of tables) expect(t.table.headerRows).toBe(1);
  });
});

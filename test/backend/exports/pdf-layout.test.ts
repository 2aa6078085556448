import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { buildReportPdf } from '../../../electron/backend/services/report/pdf/document';
import { MARGINS_MM } from '../../../electron/backend/services/admin-document/page';
import type { AdminDocumentPdf } from '../../../electron/backend/services/admin-document/document';
import { makeSampleModel } from './fixture-model';
import { pdfFonts, pdfWords, renderPages } from './tools';
import type { PdfPage, PdfWord } from './tools';

/**
 * The report read back with poppler: fonts, where every word sits, page numbers, the header's sizes and
 * the signature slot, against Nghị định 30/2020/NĐ-CP Phụ lục I (figures in docs/report-format.md).
 */
const ARTIFACTS = join(process.cwd(), 'test-results', 'pdf');
const A4 = { short: 595.28, long: 841.89 };
// Tinos: (ascent + |descent|) / unitsPerEm = (1825 + 443) / 2048; pdftotext boxes are that many ems tall
const EM_BOX = (1825 + 443) / 2048;
const sizeOf = (w: PdfWord): number => Math.round(((w.yMax - w.yMin) / EM_BOX) * 10) / 10;
const baseline = (w: PdfWord): number => w.yMin + (1825 / 2048) * ((w.yMax - w.yMin) / EM_BOX);
const EPS = 0.5;
// the decree's smallest margins (Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm), in points
const pt = (mm: number): number => (mm * 72) / 25.4;
const MARGINS = { top: pt(20), bottom: pt(20), left: pt(30), right: pt(15) };

const model = makeSampleModel(40);
let pdf: AdminDocumentPdf;
let pages: PdfPage[];

beforeAll(async () => {
  pdf = await buildReportPdf(model);
  pages = pdfWords(pdf.data);
}, 60_000);

/** The words of one line whose text starts with `first` and reads `line` (joined by spaces). */
const findLine = (page: PdfPage, line: string): PdfWord[] => {
  const parts = line.split(' ');
  for (let i = 0; i < page.words.length; i++) {
    const run = page.words.slice(i, i + parts.length);
    if (run.map((w) => w.text).join(' ') === line && run.every((w) => Math.abs(w.yMin - run[0]!.yMin) < 1)) return run;
  }
  throw new Error(`line not found: ${line}`);
};
const box = (ws: PdfWord[]) => ({
  xMin: Math.min(...ws.map((w) => w.xMin)),
  xMax: Math.max(...ws.map((w) => w.xMax)),
  yMin: Math.min(...ws.map((w) => w.yMin)),
  yMax: Math.max(...ws.map((w) => w.yMax)),
});

describe('report PDF layout (poppler)', () => {
  it('takes margins within the decree ranges', () => {
    expect(MARGINS_MM.top).toBeGreaterThanOrEqual(20);
    expect(MARGINS_MM.top).toBeLessThanOrEqual(25);
    expect(MARGINS_MM.bottom).toBeGreaterThanOrEqual(20);
    expect(MARGINS_MM.bottom).toBeLessThanOrEqual(25);
    expect(MARGINS_MM.left).toBeGreaterThanOrEqual(30);
    expect(MARGINS_MM.left).toBeLessThanOrEqual(35);
    expect(MARGINS_MM.right).toBeGreaterThanOrEqual(15);
    expect(MARGINS_MM.right).toBeLessThanOrEqual(20);
  });

  it('embeds only the Tinos family, subset, with Unicode maps', () => {
    const fonts = pdfFonts(pdf.data);
    expect(new Set(fonts.map((f) => f.name))).toEqual(new Set(['Tinos', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']));
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
  });

  it('keeps every word inside the margins of every page (A4, portrait or landscape)', () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.some((p) => p.width > p.height)).toBe(true); // the detail and evidence tables are landscape
    pages.forEach((p, i) => {
      const portrait = p.height > p.width;
      expect([p.width, p.height], `page ${i + 1}`).toEqual(portrait ? [A4.short, A4.long] : [A4.long, A4.short]);
      const body = p.words.filter((w) => w.yMin >= MARGINS.top - EPS);
      for (const w of body) {
        const where = `page ${i + 1}: "${w.text}" at ${w.xMin},${w.yMin}–${w.xMax},${w.yMax}`;
        expect(w.xMin, where).toBeGreaterThanOrEqual(MARGINS.left - EPS);
        expect(w.xMax, where).toBeLessThanOrEqual(p.width - MARGINS.right + EPS);
        expect(w.yMax, where).toBeLessThanOrEqual(p.height - MARGINS.bottom + EPS);
      }
      expect(body.length, `page ${i + 1} has body text`).toBeGreaterThan(0);
    });
  });

  it('numbers pages from 2 in Arabic numerals, 13–14 pt, centred in the top margin; page 1 has none', () => {
    pages.forEach((p, i) => {
      const inTopMargin = p.words.filter((w) => w.yMax <= MARGINS.top + EPS);
      if (i === 0) {
        expect(inTopMargin).toEqual([]);
        return;
      }
      expect(inTopMargin.map((w) => w.text), `page ${i + 1}`).toEqual([String(i + 1)]);
      const n = inTopMargin[0]!;
      const centre = (MARGINS.left + p.width - MARGINS.right) / 2;
      expect(Math.abs((n.xMin + n.xMax) / 2 - centre), `page ${i + 1} centred`).toBeLessThan(1);
      expect(sizeOf(n)).toBeGreaterThanOrEqual(13);
      expect(sizeOf(n)).toBeLessThanOrEqual(14);
    });
  });

  it('sets the header, title and signature elements at the decree sizes and places', () => {
    const first = pages[0]!;
    const national = findLine(first, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const motto = findLine(first, 'Độc lập - Tự do - Hạnh phúc');
    const number = findLine(first, 'Số: 12/BC-UBND');
    const date = findLine(first, 'Hồng Bàng, ngày 20 tháng 11 năm 2025');
    const agency = findLine(first, 'ỦY BAN NHÂN DÂN');
    const agency2 = findLine(first, 'PHƯỜNG HỒNG BÀNG');
    const type = findLine(first, 'BÁO CÁO');
    const summary = findLine(first, `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${model.year}`);
    expect(national.map(sizeOf)).toEqual(national.map(() => 12));
    expect(motto.map(sizeOf)).toEqual(motto.map(() => 13));
    expect([...agency, ...agency2].map(sizeOf)).toEqual([...agency, ...agency2].map(() => 13));
    expect(number.map(sizeOf)).toEqual(number.map(() => 13));
    expect(date.map(sizeOf)).toEqual(date.map(() => 14));
    expect([...type, ...summary].map(sizeOf)).toEqual([...type, ...summary].map(() => 14));
    // Quốc hiệu on the right at the top, the agency on the left on the same line; Số level with the date
    expect(box(national).xMin).toBeGreaterThan(box(agency).xMax);
    expect(Math.abs(box(national).yMin - box(agency).yMin)).toBeLessThan(1);
    expect(Math.abs(baseline(number[0]!) - baseline(date[0]!))).toBeLessThan(0.2);
    expect(box(number).yMin).toBeGreaterThan(box(motto).yMax);
    // the document number is one word: never "12/ BC- UBND"
    expect(number.map((w) => w.text)).toEqual(['Số:', '12/BC-UBND']);

    const last = pages[pdf.signature.pageIndex]!;
    const label = findLine(last, 'Nơi nhận:');
    const recipient = findLine(last, '- Sở Nội vụ thành phố Hải Phòng;');
    const archive = findLine(last, '- Lưu: VT, VP.');
    const authority = findLine(last, 'TM. ỦY BAN NHÂN DÂN');
    const title = findLine(last, 'CHỦ TỊCH');
    const name = findLine(last, 'Nguyễn Văn Đức');
    expect(label.map(sizeOf)).toEqual([12, 12]);
    expect([...recipient, ...archive].map(sizeOf)).toEqual([...recipient, ...archive].map(() => 11));
    expect([...authority, ...title, ...name].map(sizeOf)).toEqual([...authority, ...title, ...name].map(() => 14));
    expect(Math.abs(box(label).yMin - box(authority).yMin)).toBeLessThan(2); // level with the authority line
    expect(box(label).xMin).toBeCloseTo(MARGINS.left, 0);
  });

  it('returns the signature slot between the signer title and name, in PDF points from the bottom left', () => {
    const { pageIndex, rect } = pdf.signature;
    expect(pageIndex).toBe(pages.length - 1);
    const p = pages[pageIndex]!;
    const title = box(findLine(p, 'CHỦ TỊCH'));
    const name = box(findLine(p, 'Nguyễn Văn Đức'));
    const [x1, y1, x2, y2] = rect;
    // pdftotext measures from the top: convert the slot
    const top = p.height - y2;
    const bottom = p.height - y1;
    expect(top).toBeGreaterThanOrEqual(title.yMax - EPS);
    expect(top - title.yMax).toBeLessThan(6);
    expect(bottom).toBeLessThanOrEqual(name.yMin + EPS);
    expect(name.yMin - bottom).toBeLessThan(6);
    expect(x1).toBeLessThan(name.xMin);
    expect(x2).toBeGreaterThan(name.xMax);
    expect(x1).toBeLessThan(title.xMin);
    expect(x2).toBeGreaterThan(title.xMax);
    expect(x2).toBeLessThanOrEqual(p.width - MARGINS.right + EPS);
    expect(y2 - y1).toBe(80);
  });

  it('keeps renders of page 1 and the signature page as test artifacts', () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const files = renderPages(pdf.data, [1, pdf.signature.pageIndex + 1], join(ARTIFACTS, 'report-page'));
    expect(files).toEqual([join(ARTIFACTS, 'report-page-1.png'), join(ARTIFACTS, `report-page-${pages.length}.png`)]);
    for (const f of files) expect(readFileSync(f).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

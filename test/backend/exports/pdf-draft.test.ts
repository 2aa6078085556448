import { describe, expect, it } from 'vitest';

import { isAppFailure } from '../../../shared/ipc/result';
import { buildPdf, buildReportPdf } from '../../../electron/backend/services/report/pdf/document';
import { makeSampleModel } from './fixture-model';
import { pdfToText, pdfWords } from './tools';

/** A model the unit has not finished: no number, no date, no signer, two empty narrative sections. */
const unfinished = () => {
  const m = makeSampleModel(3);
  m.document.number = '';
  m.document.date = null;
  m.document.signer = { authority: 'TM. Ủy ban nhân dân', title: '', name: '' };
  m.narrative.causes = '';
  m.narrative.recommendations = '  ';
  return m;
};

const failureOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (isAppFailure(e)) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('final report vs draft', () => {
  it('refuses a final report with empty fields, naming every one of them', async () => {
    const f = await failureOf(buildPdf(unfinished()));
    expect(f.code).toBe('PREFLIGHT_FAILED');
    expect(f.message).toBe(
      'Báo cáo chưa có số văn bản, ngày ban hành, chức vụ người ký, họ tên người ký, nội dung mục “Nguyên nhân”, ' +
        'nội dung mục “Kiến nghị, đề xuất”. Hãy bổ sung ở trang Báo cáo (mục “Thông tin văn bản” và “Nội dung báo cáo”), ' +
        'hoặc chọn “Bản dự thảo” để xuất bản dự thảo.',
    );
    expect(f.details).toEqual({ missing: ['number', 'date', 'signerTitle', 'signerName', 'causes', 'recommendations'] });
  });

  it('refuses a final report without recipients, ký hiệu or place', async () => {
    const m = makeSampleModel(1);
    m.document.recipients = [' '];
    m.document.symbol = '';
    m.document.place = '';
    const f = await failureOf(buildPdf(m));
    expect(f.details).toEqual({ missing: ['symbol', 'place', 'recipients'] });
  });

  it('prints a draft with "…" for what is missing, marked DỰ THẢO on page 1 and on every page', async () => {
    const { data, signature } = await buildReportPdf(unfinished(), { draft: true });
    const text = pdfToText(data);
    expect(text).toContain('Số: …/BC-UBND');
    expect(text).toContain('Hồng Bàng, ngày … tháng … năm …');
    expect(text).toContain('…………………………………………………………');
    const pages = pdfWords(data);
    // page 1: "DỰ THẢO" in the top margin (where later pages have their number)
    const top1 = pages[0]!.words.filter((w) => w.yMax <= 56.7).map((w) => w.text);
    expect(top1).toEqual(['DỰ', 'THẢO']);
    // the watermark: one more "DỰ THẢO" on every page (pdftotext splits rotated text: count its first word)
    pages.forEach((p, i) => {
      const marks = p.words.filter((w) => w.text === 'DỰ').length;
      expect(marks, `page ${i + 1}`).toBe(i === 0 ? 2 : 1);
    });
    const last = pages[signature.pageIndex]!.words.map((w) => w.text);
    expect(last).toContain('…');
    expect(last.join(' ')).toContain('TM. ỦY BAN NHÂN DÂN');
  }, 60_000);

  it('a final report carries no placeholder and no draft mark', async () => {
    const text = pdfToText(await buildPdf(makeSampleModel(3)));
    expect(text).not.toContain('…');
    expect(text).not.toContain('DỰ THẢO');
  }, 60_000);
});

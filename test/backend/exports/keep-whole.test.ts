import { describe, expect, it } from 'vitest';

import { renderAdminDocument } from '../../../electron/backend/services/admin-document/document';
import { keepWhole } from '../../../electron/backend/services/admin-document/keep-whole';
import type { Content } from '../../../electron/backend/services/admin-document/keep-whole';
import { makeSampleModel } from './fixture-model';
import { pdfWords } from './tools';

const NUMBERS = ['12/KH-UBND', '1187/QĐ-BNV', '30/2020/NĐ-CP', '15/10/2025'];

/** Paragraphs that put each number at every position along a line, so some would straddle a line end. */
const sentences = (): string[] =>
  Array.from({ length: 40 }, (_, i) => `${'Căn cứ văn bản '.repeat(1 + (i % 8))}${'x'.repeat(i % 11)} số ${NUMBERS[i % NUMBERS.length]} đã ban hành.`);

const render = async (para: (s: string) => Content): Promise<string[]> => {
  const { data } = await renderAdminDocument({
    fields: makeSampleModel(0).document,
    docType: 'Báo cáo',
    summary: 'Thử ngắt dòng',
    body: sentences().map(para),
    draft: false,
    info: { title: 't', author: 'a', subject: 's', createdAt: '2025-11-20T08:00:00.000Z' },
  });
  return pdfWords(data).flatMap((p) => p.words.map((w) => w.text));
};

/** A number broken at a line end leaves a word ending in "/" or "-" ("12/", "12/KH-"); a lone dash is text. */
const broken = (words: string[]): string[] => words.filter((w) => /[/-]$/.test(w) && w !== '-');

describe('document numbers stay whole', () => {
  it('splits text into plain runs and unbreakable numbers', () => {
    expect(keepWhole('Căn cứ Quyết định số 1187/QĐ-BNV ngày 15/10/2025 của Bộ Nội vụ.')).toEqual([
      'Căn cứ Quyết định số ',
      { text: '1187/QĐ-BNV', noWrap: true },
      ' ngày ',
      { text: '15/10/2025', noWrap: true },
      ' của Bộ Nội vụ.',
    ]);
    expect(keepWhole('Không có số')).toBe('Không có số');
  });

  it('pdfmake would break them after "/" and "-"; keepWhole prevents it', async () => {
    const plain = await render((s) => ({ text: s, style: 'para' }));
    expect(broken(plain).length).toBeGreaterThan(0); // the hazard is real
    const kept = await render((s) => ({ text: keepWhole(s), style: 'para' }));
    expect(broken(kept)).toEqual([]);
    for (const n of NUMBERS) expect(kept.filter((w) => w.startsWith(n)).length, n).toBe(10);
  }, 60_000);
});

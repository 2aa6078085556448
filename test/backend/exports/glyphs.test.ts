import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';

import { renderAdminDocument } from '../../../electron/backend/services/admin-document/document';
import { FONT_FILES } from '../../../electron/backend/services/admin-document/fonts';
import { makeSampleModel } from './fixture-model';
import { pdfFonts, pdfWords, renderPages } from './tools';

/**
 * Every Vietnamese letter with every tone mark, upper and lower case, NFC: the shipped font must have a
 * glyph for each (a missing one prints as an empty box). The two candidate fonts were checked the same way;
 * the result decided the choice (docs/report-format.md).
 */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // ngang, sắc, huyền, hỏi, ngã, nặng
const CONSONANTS = ['b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x', 'f', 'j', 'w', 'z'];

const lower = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), ...CONSONANTS];
const LETTERS = [...lower, ...lower.map((l) => l.toLocaleUpperCase('vi'))];

const STYLES = ['Regular', 'Bold', 'Italic', 'BoldItalic'] as const;
const missingIn = (file: string): string[] => {
  const font = create(readFileSync(file));
  return LETTERS.filter((l) => !font.hasGlyphForCodePoint(l.codePointAt(0)!));
};

describe('Vietnamese glyph coverage', () => {
  it('lists 186 letters, each one code point in NFC', () => {
    expect(LETTERS.length).toBe(2 * (12 * 6 + 21));
    expect(new Set(LETTERS).size).toBe(LETTERS.length);
    for (const l of LETTERS) expect([...l].length, l).toBe(1);
  });

  it('the shipped font (Tinos, resources/fonts) has every letter in all four styles', () => {
    for (const file of Object.values(FONT_FILES)) {
      expect(missingIn(join(process.cwd(), 'resources', 'fonts', file)), file).toEqual([]);
    }
  });

  it('candidate Liberation Serif 2.1 (Debian fonts-liberation2) has them all too', () => {
    for (const s of STYLES) {
      expect(missingIn(`/usr/share/fonts/truetype/liberation2/LiberationSerif-${s}.ttf`), s).toEqual([]);
    }
  });

  it('Liberation Serif 1.07 (Debian fonts-liberation) lacks ơ, ư and Latin Extended Additional but for ỳ', () => {
    // it has Latin-1 and Latin Extended-A (à á â ã è é ê ì í ò ó ô õ ù ú ý ă đ ĩ ũ) and Welsh ỳ Ỳ, nothing else
    const expected = LETTERS.filter((l) => {
      const c = l.codePointAt(0)!;
      return [0x1a0, 0x1a1, 0x1af, 0x1b0].includes(c) || (c >= 0x1ea0 && c <= 0x1ef9 && c !== 0x1ef2 && c !== 0x1ef3);
    });
    expect(expected.length).toBe(92);
    for (const s of STYLES) {
      expect(missingIn(`/usr/share/fonts/truetype/liberation/LiberationSerif-${s}.ttf`), s).toEqual(expected);
    }
  });

  it('renders them all into a PDF that embeds only Tinos and extracts them back unchanged', async () => {
    const line = LETTERS.join(' ');
    const { data } = await renderAdminDocument({
      fields: makeSampleModel(0).document,
      docType: 'Báo cáo',
      summary: 'Bảng chữ cái tiếng Việt',
      body: [
        { text: line, style: 'para' },
        { text: line, style: 'para', bold: true },
        { text: line, style: 'para', italics: true },
        { text: line, style: 'para', bold: true, italics: true },
      ],
      draft: false,
      info: { title: 'Bảng chữ cái', author: 'CCHC', subject: 'glyphs', createdAt: '2025-11-20T08:00:00.000Z' },
    });
    expect(new Set(pdfFonts(data).map((f) => f.name))).toEqual(new Set(['Tinos', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']));
    const words = pdfWords(data).flatMap((p) => p.words.map((w) => w.text));
    const letters = new Set(LETTERS);
    const counts = new Map<string, number>();
    for (const w of words) if (letters.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const l of LETTERS) expect(counts.get(l), l).toBe(4);
    const dir = join(process.cwd(), 'test-results', 'pdf');
    mkdirSync(dir, { recursive: true });
    const [png] = renderPages(data, [1], join(dir, 'glyphs-page'));
    expect(existsSync(png!)).toBe(true);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';

import { attachmentLayout, imageLayout, textOnlyLayout, wrap } from '../../../electron/backend/services/pades/layout';
import type { Measure } from '../../../electron/backend/services/pades/layout';
import { isoVietnam, pdfDateVietnam } from '../../../electron/backend/services/pades/vietnam-time';

/** Geometry with a fixed-pitch fake font (0.5 em per character), so every expected value is exact. */
const measure: Measure = (t, size) => [...t].length * size * 0.5;
const MM = 72 / 25.4;

describe('appearance layout', () => {
  it('wraps on spaces and never cuts a word', () => {
    expect(wrap('Sở Tư pháp thành phố Hải Phòng', 50, 10, false, measure)).toEqual(['Sở Tư pháp', 'thành phố', 'Hải Phòng']);
    expect(wrap('Sở Tư pháp thành phố Hải Phòng', 49, 10, false, measure)).toEqual(['Sở Tư', 'pháp', 'thành phố', 'Hải Phòng']);
    expect(wrap('Sở Tư pháp thành phố Hải Phòng', 1000, 10, false, measure)).toEqual(['Sở Tư pháp thành phố Hải Phòng']);
    expect(wrap('Siêuuuuuuuuuuudài', 20, 10, false, measure)).toEqual(['Siêuuuuuuuuuuudài']);
  });

  it('seal: actual size, right edge one third into the signature image, vertically centred; the box grows left', () => {
    const rect: [number, number, number, number] = [300, 100, 500, 200];
    const plain = imageLayout(rect, null, { width: 300, height: 100 }, null, measure);
    const sealed = imageLayout(rect, null, { width: 300, height: 100 }, { width: 200, height: 200, widthMm: 36 }, measure);
    const sig = plain.images[0]!;
    // 90 % of the width or the full band height, whichever is smaller: 180 × 60, centred in the box.
    expect(sig).toEqual({ which: 'signature', x: 10, y: 20, w: 180, h: 60 });
    expect(plain.rect).toEqual(rect);
    const s2 = sealed.images.find((i) => i.which === 'signature')!;
    const seal = sealed.images.find((i) => i.which === 'seal')!;
    expect(seal.w).toBeCloseTo(36 * MM, 9);
    expect(seal.h).toBeCloseTo(36 * MM, 9);
    expect(seal.x + seal.w).toBeCloseTo(s2.x + s2.w / 3, 9);
    expect(seal.y + seal.h / 2).toBeCloseTo(s2.y + s2.h / 2, 9);
    // The signature keeps its place on the page; the rectangle now starts at the seal's left edge.
    expect(sealed.rect[0] + s2.x).toBeCloseTo(rect[0] + sig.x, 9);
    expect(sealed.rect[1] + s2.y).toBeCloseTo(rect[1] + sig.y, 9);
    expect(sealed.rect[0]).toBeCloseTo(rect[0] + sig.x + sig.w / 3 - 36 * MM, 9);
    expect(seal.x).toBeCloseTo(0, 9);
    expect(sealed.rect[2]).toBe(500);
  });

  it('title above, name below, the image in the band between them', () => {
    const l = imageLayout([0, 0, 200, 120], { title: 'GIÁM ĐỐC', name: 'Nguyễn Văn An' }, { width: 100, height: 50 }, null, measure);
    const [title, name] = l.texts;
    const img = l.images[0]!;
    expect([title!.text, name!.text]).toEqual(['GIÁM ĐỐC', 'Nguyễn Văn An']);
    expect(title!.bold && name!.bold).toBe(true);
    // Line boxes are 1.25 em with the baseline 0.95 em below their top: the image fills the band between.
    expect(title!.y - 0.3 * title!.size).toBeGreaterThanOrEqual(img.y + img.h - 1e-9);
    expect(name!.y + 0.95 * name!.size).toBeLessThanOrEqual(img.y + 1e-9);
    expect(img.y).toBeCloseTo(2 + 11 * 1.25, 9);
    // Centred lines: equal space left and right.
    expect(title!.x).toBeCloseTo((200 - measure('GIÁM ĐỐC', 11, true)) / 2, 9);
    expect(img.x + img.w / 2).toBeCloseTo(100, 9);
  });

  it('text-only shrinks the font until every wrapped line fits the box (not below 6 pt)', () => {
    const lines = ['Ký bởi: Nguyễn Văn An', 'Chức vụ: Giám đốc', 'Cơ quan: Sở Tư pháp thành phố Hải Phòng', 'Thời gian ký: 2026-03-15T09:04:05+07:00'];
    const roomy = textOnlyLayout([0, 0, 400, 200], lines, measure);
    expect(roomy.texts.map((t) => t.size)).toEqual([10, 10, 10, 10]);
    expect(roomy.texts.map((t) => t.text)).toEqual(lines);
    const tight = textOnlyLayout([0, 0, 150, 60], lines, measure);
    expect(tight.texts[0]!.size).toBeLessThan(10);
    expect(Math.min(...tight.texts.map((t) => t.y))).toBeGreaterThanOrEqual(0);
    for (const t of tight.texts) expect(t.x + measure(t.text, t.size, false)).toBeLessThanOrEqual(150 - 2);
  });

  it('attachment: right-aligned at 20 mm from the right edge, top at 8 mm from the top edge, 10 pt', () => {
    const l = attachmentLayout([0, 0, 595.28, 841.89], ['Số: 15/BC-STP', '2026-03-15T09:04:05+07:00'], measure);
    expect(l.rect[2]).toBeCloseTo(595.28 - 20 * MM, 9);
    expect(l.rect[3]).toBeCloseTo(841.89 - 8 * MM, 9);
    const width = l.rect[2] - l.rect[0];
    for (const t of l.texts) {
      expect(t.size).toBe(10);
      expect(t.x + measure(t.text, 10, false)).toBeCloseTo(width - 2, 9);
    }
  });

  it('times are Vietnam time (UTC+7), ISO 8601 for people and a PDF date for /M', () => {
    const t = new Date('2026-12-31T18:30:01Z');
    expect(isoVietnam(t)).toBe('2027-01-01T01:30:01+07:00');
    expect(pdfDateVietnam(t)).toBe("D:20270101013001+07'00'");
  });
});

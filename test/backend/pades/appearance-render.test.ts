import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { signPdf } from '../../../electron/backend/services/pades/sign-pdf';
import type { Nd30Appearance, SignPdfOptions } from '../../../electron/backend/services/pades/types';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import type { Signer } from '../../../electron/backend/services/signing/signer';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import { fonts, reportPdf, sealPng, signaturePng } from './fixtures';
import { countInColumns, isBlue, isDark, isRed, pdftotext, pixelBox, renderPage, work } from './tools';

/**
 * The visible signature as a person sees it: pages rendered by pdftoppm (PNG copies in test-results/pades/),
 * pixels classified as the signature's blue and the seal's red, text read back by pdftotext.
 */

const DPI = 144; // 2 px per point
const PX = DPI / 72;
let signer: Signer;
let input: Buffer;
const when = new Date('2026-03-15T02:04:05Z');
const rect: [number, number, number, number] = [330, 120, 530, 220];

beforeAll(async () => {
  const pki = await createTestPki();
  signer = await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD);
  input = await reportPdf();
}, 60_000);

const nd30 = (extra: Partial<Nd30Appearance>): SignPdfOptions => ({
  signer,
  signingTime: when,
  fonts: fonts(),
  placement: { pageIndex: 0, rect },
  appearance: { kind: 'nd30', title: 'GIÁM ĐỐC', name: 'Nguyễn Văn An', organisation: 'Sở Tư pháp thành phố Hải Phòng', ...extra },
});

/** Words with their boxes (points, top-left origin) from pdftotext -bbox. */
const words = (pdf: Uint8Array): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] => {
  const file = join(work(), 'in.pdf');
  writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
  }));
};

describe('visible signature per Nghị định 30/2020 (rendered)', () => {
  it('the red seal, at its actual size, covers the left third of the blue signature image', async () => {
    const before = renderPage(input, 1, DPI, 'report-page1-unsigned');
    expect(pixelBox(before, isRed).count).toBe(0);
    expect(pixelBox(before, isBlue).count).toBe(0);

    const sigOnly = renderPage(await signPdf(input, nd30({ signatureImage: signaturePng() })), 1, DPI, 'nd30-signature-only');
    const sig = pixelBox(sigOnly, isBlue);
    expect(sig.count).toBeGreaterThan(500);
    const third = sig.x0 + (sig.x1 - sig.x0 + 1) / 3;

    const withSeal = renderPage(
      await signPdf(input, nd30({ signatureImage: signaturePng(), seal: { image: sealPng(), widthMm: 36 } })),
      1,
      DPI,
      'nd30-signature-and-seal',
    );
    const red = pixelBox(withSeal, isRed);
    expect(red.count).toBeGreaterThan(1000);
    // Right edge of the seal one third into the signature image; the seal reaches left beyond the image.
    expect(Math.abs(red.x1 + 1 - third)).toBeLessThanOrEqual(3);
    expect(red.x0).toBeLessThan(sig.x0);
    expect(countInColumns(withSeal, isRed, sig.x0, Math.floor(third))).toBeGreaterThan(200);
    expect(countInColumns(withSeal, isRed, Math.ceil(third) + 3, withSeal.width - 1)).toBe(0);
    // The signature stays visible right of the seal, and the seal is centred on it vertically.
    expect(countInColumns(withSeal, isBlue, Math.ceil(third) + 3, withSeal.width - 1)).toBeGreaterThan(300);
    expect(Math.abs((red.y0 + red.y1) / 2 - (sig.y0 + sig.y1) / 2)).toBeLessThanOrEqual(3);
    // Actual size: the outer ring spans 236 of the image's 240 px, drawn 36 mm wide.
    expect(Math.abs(red.x1 - red.x0 + 1 - ((36 * 236) / 240 / 25.4) * DPI)).toBeLessThanOrEqual(3);
    // Same place with or without the seal: the seal never moves the signature.
    expect(pixelBox(withSeal, isBlue).x1).toBe(sig.x1);
  });

  it('title above and name below the signature image, both in Vietnamese', async () => {
    const signed = await signPdf(input, nd30({ signatureImage: signaturePng(), seal: { image: sealPng(), widthMm: 36 } }));
    const img = renderPage(signed, 1, DPI, 'nd30-with-title-and-name');
    const sig = pixelBox(img, isBlue);
    const w = words(signed);
    const title = w.filter((x) => x.text === 'GIÁM' || x.text === 'ĐỐC');
    const name = w.filter((x) => ['Nguyễn', 'Văn', 'An'].includes(x.text) && x.yMin > 842 - rect[3] - 1);
    expect(title.map((x) => x.text)).toEqual(['GIÁM', 'ĐỐC']);
    expect(name.map((x) => x.text)).toEqual(['Nguyễn', 'Văn', 'An']);
    expect(Math.max(...title.map((x) => x.yMax)) * PX).toBeLessThanOrEqual(sig.y0 + 1);
    expect(Math.min(...name.map((x) => x.yMin)) * PX).toBeGreaterThanOrEqual(sig.y1 - 1);
    // Centred: the image's and the name's horizontal centres agree within 2 pt.
    const nameMid = (Math.min(...name.map((x) => x.xMin)) + Math.max(...name.map((x) => x.xMax))) / 2;
    expect(Math.abs(nameMid - (sig.x0 + sig.x1) / 2 / PX)).toBeLessThan(2);
  });

  it('text-only appearance renders and extracts in Vietnamese with an embedded subset font that maps to Unicode', async () => {
    const signed = await signPdf(input, nd30({}));
    const img = renderPage(signed, 1, DPI, 'nd30-text-only');
    const [x0, x1] = [Math.round(rect[0] * PX), Math.round(rect[2] * PX)];
    expect(countInColumns(img, isDark, x0, x1)).toBeGreaterThan(countInColumns(renderPage(input, 1, DPI, 'report-page1-again'), isDark, x0, x1));
    const crop = ['-f', '1', '-l', '1', '-x', String(rect[0]), '-y', String(842 - rect[3]), '-W', String(rect[2] - rect[0]), '-H', String(rect[3] - rect[1])];
    expect(pdftotext(signed, crop).trim()).toBe(
      ['Ký bởi: Nguyễn Văn An', 'Chức vụ: GIÁM ĐỐC', 'Cơ quan: Sở Tư pháp thành phố Hải Phòng', 'Thời gian ký: 2026-03-15T09:04:05+07:00'].join('\n'),
    );
    const file = join(work(), 'signed.pdf');
    writeFileSync(file, signed);
    const fontsList = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    // name, type, encoding, emb, sub, uni: the appearance font is an embedded subset with ToUnicode.
    expect(fontsList).toMatch(/^[A-Z]{6}\+Tinos\s+CID TrueType\s+Identity-H\s+yes yes yes/m);
  });

  it('attachment: document number and ISO 8601 time, 10 pt black, top right of page 1 inside the margin', async () => {
    const signed = await signPdf(input, {
      signer,
      signingTime: when,
      fonts: fonts(),
      placement: 'first-page-top-right',
      appearance: { kind: 'attachment', documentNumber: 'Số: 15/BC-STP' },
    });
    renderPage(signed, 1, DPI, 'attachment-top-right');
    const w = words(signed).filter((x) => x.yMax < 60);
    expect(w.map((x) => x.text)).toEqual(['Số:', '15/BC-STP', '2026-03-15T09:04:05+07:00']);
    const mm = 72 / 25.4;
    // Right-aligned on the 20 mm right margin (A4 is 595.28 pt wide), below 8 mm from the top edge.
    for (const line of [w.slice(0, 2), w.slice(2)]) expect(Math.abs(Math.max(...line.map((x) => x.xMax)) - (595.28 - 20 * mm - 2))).toBeLessThan(1.5);
    expect(Math.min(...w.map((x) => x.yMin))).toBeGreaterThan(8 * mm);
    // 10 pt: the two baselines are 12.5 pt apart (leading 1.25).
    expect(Math.abs(w[2]!.yMax - w[0]!.yMax - 12.5)).toBeLessThan(0.6);
  });
});

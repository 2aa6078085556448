import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Converts an .xlsx to CSV (first sheet, UTF-8) with LibreOffice headless; each call gets its own profile. */
export const xlsxToCsv = (xlsx: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-lo-'));
  const file = join(dir, 'table.xlsx');
  writeFileSync(file, xlsx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return readFileSync(join(dir, `${basename(file, '.xlsx')}.csv`), 'utf8');
};

/** RFC 4180 CSV (quoted fields may contain commas, quotes and newlines). */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
};

/** "1,234.50" or "1.234,50" (depending on LibreOffice's locale) → milli-points, exactly. */
export const shownToMilli = (shown: string): number => {
  const s = shown.trim();
  const decimalComma = /,\d{1,3}$/.test(s) && !/\.\d{1,3}$/.test(s);
  const norm = decimalComma ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{1,3}))?$/.exec(norm);
  if (!m) throw new Error(`not a number as shown: "${shown}"`);
  const v = Number(m[2]) * 1000 + Number((m[3] ?? '').padEnd(3, '0'));
  return m[1] ? -v : v;
};

export const pdfToText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};

export const pdfPages = (pdf: Buffer): number => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error('pdfinfo gave no page count');
  return Number(m[1]);
};

const tempPdf = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  return file;
};

export type PdfWord = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
export type PdfPage = { width: number; height: number; words: PdfWord[] };

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every word with its box (points, origin top left), page by page, from `pdftotext -bbox`. */
export const pdfWords = (pdf: Buffer): PdfPage[] => {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', tempPdf(pdf), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const p of html.split('<page ').slice(1)) {
    const size = /^width="([\d.]+)" height="([\d.]+)"/.exec(p);
    if (!size) throw new Error('pdftotext -bbox: page without size');
    const words: PdfWord[] = [];
    for (const w of p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: unescapeXml(w[5]!) });
    }
    pages.push({ width: Number(size[1]), height: Number(size[2]), words });
  }
  return pages;
};

export type PdfFont = { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean };

/** The fonts `pdffonts` lists (name without the subset prefix). */
export const pdfFonts = (pdf: Buffer): PdfFont[] => {
  const out = execFileSync('pdffonts', [tempPdf(pdf)], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: the flags are the 5th–3rd last columns
      const [emb, sub, uni] = cols.slice(-5, -2);
      return { name: cols[0]!.replace(/^[A-Z]{6}\+/, ''), type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
};

/** Renders 1-based pages to PNG files `<prefix>-<page>.png` with `pdftoppm`; returns their paths. */
export const renderPages = (pdf: Buffer, pages: number[], prefix: string, dpi = 100): string[] => {
  const file = tempPdf(pdf);
  return pages.map((n) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(n), '-l', String(n), file, `${prefix}-${n}`]);
    return `${prefix}-${n}.png`;
  });
};

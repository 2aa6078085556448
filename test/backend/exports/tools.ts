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

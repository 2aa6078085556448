import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Independent checks of a signed PDF: poppler's pdfsig/pdftotext/pdftoppm and openssl, plus a raw reader
 * (a regex over the bytes) that shares no code with the signer, so the signer cannot agree with itself.
 */

export const work = (): string => mkdtempSync(join(tmpdir(), 'cchc-pades-'));

/** An NSS database trusting `caPem` (pdfsig reads its trust anchors from NSS). Needs libnss3-tools. */
export const nssDbTrusting = (caPem: string): string => {
  const dir = work();
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password'], { stdio: 'pipe' });
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'cchc-test-root', '-t', 'CT,C,C', '-i', caPem], { stdio: 'pipe' });
  return dir;
};

export type PdfsigSignature = { validation: string; certificate: string; total: boolean; subFilter: string };

/** pdfsig's report, one entry per signature. */
export const pdfsig = (pdf: Uint8Array, nssDir: string): PdfsigSignature[] => {
  const file = join(work(), 'signed.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, file], { encoding: 'utf8' });
  return r.stdout
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      validation: /Signature Validation: (.*)$/m.exec(block)?.[1] ?? '',
      certificate: /Certificate Validation: (.*)$/m.exec(block)?.[1] ?? '',
      total: /^\s+- Total document signed$/m.test(block),
      subFilter: /Signature Type: (.*)$/m.exec(block)?.[1] ?? '',
    }));
};

export type RawSignature = { byteRange: number[]; signed: Buffer; cms: Buffer; subFilter: string };

/** The LAST /ByteRange in the file, the bytes it names, the DER inside the gap (padding cut by its length). */
export const rawLastSignature = (pdf: Uint8Array): RawSignature => {
  const b = Buffer.from(pdf);
  const s = b.toString('latin1');
  const all = [...s.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = all[all.length - 1]!;
  const [a, l1, c, l2] = m.slice(1, 5).map(Number) as [number, number, number, number];
  const signed = Buffer.concat([b.subarray(a, a + l1), b.subarray(c, c + l2)]);
  const der = Buffer.from(s.slice(l1 + 1, c - 1), 'hex');
  const lenBytes = der[1]! & 0x80 ? der[1]! & 0x7f : 0;
  const len = lenBytes ? der.subarray(2, 2 + lenBytes).reduce((x, y) => x * 256 + y, 0) + 2 + lenBytes : der[1]! + 2;
  const subFilters = [...s.matchAll(/\/SubFilter\s*\/([A-Za-z0-9.]+)/g)].map((x) => x[1]!);
  return { byteRange: [a, l1, c, l2], signed, cms: der.subarray(0, len), subFilter: subFilters[subFilters.length - 1]! };
};

/** openssl cms -verify over exactly the /ByteRange bytes, anchored at `caFile`. */
export const opensslVerify = (raw: RawSignature, caFile: string): { ok: boolean; stderr: string } => {
  const dir = work();
  writeFileSync(join(dir, 'cms.der'), raw.cms);
  writeFileSync(join(dir, 'signed.bin'), raw.signed);
  const r = spawnSync(
    'openssl',
    ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'cms.der'), '-content', join(dir, 'signed.bin'), '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null'],
    { encoding: 'utf8' },
  );
  return { ok: r.status === 0 && r.stderr.includes('Verification successful'), stderr: r.stderr };
};

/** The OIDs of the signed attributes, as openssl prints them. */
export const signedAttributeOids = (cms: Buffer): string[] => {
  const dir = work();
  writeFileSync(join(dir, 'cms.der'), cms);
  const out = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'cms.der')], { encoding: 'utf8' });
  const signedAttrs = out.slice(out.indexOf('signedAttrs:'), out.indexOf('signatureAlgorithm:', out.indexOf('signedAttrs:')));
  return [...signedAttrs.matchAll(/object: .*?\(([\d.]+)\)/g)].map((m) => m[1]!).sort();
};

export const pdftotext = (pdf: Uint8Array, args: string[] = []): string => {
  const file = join(work(), 'in.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
};

export type Rgb = (r: number, g: number, b: number) => boolean;
export type Raster = { width: number; height: number; at: (x: number, y: number, pred: Rgb) => boolean };

/**
 * Renders page `page` (1-based) at `dpi`; keeps a PNG copy under test-results/pades/ for people to look
 * at, and reads the PPM for pixel checks (PPM is trivial to parse, no PNG decoder needed).
 */
export const renderPage = (pdf: Uint8Array, page: number, dpi: number, artifact: string): Raster => {
  const dir = work();
  const file = join(dir, 'in.pdf');
  writeFileSync(file, pdf);
  const common = ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file];
  const artifacts = join(process.cwd(), 'test-results', 'pades');
  mkdirSync(artifacts, { recursive: true });
  execFileSync('pdftoppm', ['-png', ...common, join(artifacts, artifact)], { stdio: 'pipe' });
  execFileSync('pdftoppm', [...common, join(dir, 'page')], { stdio: 'pipe' });
  const ppm = readFileSync(join(dir, 'page.ppm'));
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'))!;
  const [width, height, off] = [Number(header[1]), Number(header[2]), header[0].length];
  return {
    width,
    height,
    at: (x, y, pred) => {
      const i = off + (y * width + x) * 3;
      return pred(ppm[i]!, ppm[i + 1]!, ppm[i + 2]!);
    },
  };
};

export const isRed: Rgb = (r, g, b) => r > 150 && g < 100 && b < 100;
export const isBlue: Rgb = (r, g, b) => b > 150 && r < 100 && g < 120;
export const isDark: Rgb = (r, g, b) => r < 90 && g < 90 && b < 90;

/** Bounding box (pixels, top-left origin) of the pixels matching `pred`, and their count. */
export const pixelBox = (img: Raster, pred: Rgb) => {
  let [x0, y0, x1, y1, count] = [Infinity, Infinity, -1, -1, 0];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (!img.at(x, y, pred)) continue;
      count++;
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  }
  return { x0, y0, x1, y1, count };
};

/** Counts matching pixels in columns [xa, xb] (inclusive). */
export const countInColumns = (img: Raster, pred: Rgb, xa: number, xb: number): number => {
  let n = 0;
  for (let y = 0; y < img.height; y++) for (let x = Math.max(0, xa); x <= Math.min(img.width - 1, xb); x++) if (img.at(x, y, pred)) n++;
  return n;
};

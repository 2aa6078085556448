import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

import type { XlsxLimits } from './limits';
import { XlsxRefusal } from './refusal';

export type ZipDirectory = { zip: ZipFile; entries: Map<string, Entry> };

const openZip = (bytes: Buffer): Promise<ZipFile> =>
  new Promise((resolve, reject) => {
    // validateEntrySizes: yauzl stops a stream that inflates past its declared size (a lying directory).
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, zip) => {
      if (err || !zip) reject(new XlsxRefusal('XLSX_MALFORMED', { detail: err?.message ?? 'zip' }));
      else resolve(zip);
    });
  });

/**
 * Reads the zip's central directory only (nothing is inflated) and refuses a workbook whose file size,
 * entry count, total declared uncompressed size or per-entry compression ratio is beyond the limits.
 * Runs in the caller's process before any worker starts, and again in the worker before parsing.
 */
export const inspectZipDirectory = async (bytes: Buffer, limits: XlsxLimits): Promise<ZipDirectory> => {
  if (bytes.length > limits.maxFileBytes) throw new XlsxRefusal('XLSX_TOO_LARGE', { size: bytes.length, max: limits.maxFileBytes });
  const zip = await openZip(bytes);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new XlsxRefusal('XLSX_TOO_MANY_ENTRIES', { count: zip.entryCount, max: limits.maxEntries });
  }
  const entries = new Map<string, Entry>();
  let total = 0;
  return new Promise<ZipDirectory>((resolve, reject) => {
    const refuse = (r: XlsxRefusal): void => {
      zip.close();
      reject(r);
    };
    zip.on('error', (e: Error) => refuse(new XlsxRefusal('XLSX_MALFORMED', { detail: e.message })));
    zip.on('end', () => resolve({ zip, entries }));
    zip.on('entry', (e: Entry) => {
      if (entries.has(e.fileName)) return refuse(new XlsxRefusal('XLSX_MALFORMED', { detail: `duplicate entry ${e.fileName}` }));
      if (e.isEncrypted()) return refuse(new XlsxRefusal('XLSX_MALFORMED', { detail: `encrypted entry ${e.fileName}` }));
      if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
        return refuse(new XlsxRefusal('XLSX_RATIO', { entry: e.fileName, ratio: Math.round(e.uncompressedSize / Math.max(1, e.compressedSize)), max: limits.maxRatio }));
      }
      total += e.uncompressedSize;
      if (total > limits.maxUncompressedBytes) return refuse(new XlsxRefusal('XLSX_UNPACKED_TOO_LARGE', { max: limits.maxUncompressedBytes }));
      entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.readEntry();
  });
};

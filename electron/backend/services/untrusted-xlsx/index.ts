import { AppFailure } from '../../../../shared/ipc/result';
import { defaultLauncher } from '../../workers-seam/default-launcher';
import type { WorkerLauncher } from '../../workers-seam/launcher';
import type { XlsxCell, XlsxSheet } from '../../workers-seam/xlsx-protocol';
import { resolveLimits } from './limits';
import type { XlsxLimits } from './limits';
import { inspectZipDirectory } from './preflight';
import { XlsxRefusal } from './refusal';
import { parseInWorker } from './run-worker';

export { DEFAULT_XLSX_LIMITS } from './limits';
export type { XlsxLimits } from './limits';
export type { XlsxCell, XlsxSheet };

/**
 * Reads an .xlsx from outside (indicator-set import, survey import, signer registry) as plain values.
 * Before anything is inflated, the zip's central directory is held to the limits (file size, entry count,
 * total unpacked size, compression ratio); then a separate, heap-capped worker process checks each sheet's
 * <dimension> and streams the rows, stopping at the first row, column or cell beyond the limits. A refusal
 * is AppFailure.of('XLSX_…') with its Vietnamese text; the caller has written nothing yet.
 *
 * Values: text (shared, inline and formula strings, NFC), numbers, booleans, null for empty cells and
 * error values. A date-formatted number arrives as "yyyy-mm-dd"; a percent-formatted number as the percent
 * it shows, as text ("85.5%"), so no caller multiplies floats. rows[i] is sheet row i + 1; cell j is
 * column j + 1 (gaps are null, trailing empty cells absent).
 */
export const readUntrustedXlsx = async (
  bytes: Uint8Array,
  limits?: Partial<XlsxLimits>,
  launcher?: WorkerLauncher,
): Promise<{ sheets: { name: string; rows: XlsxCell[][] }[] }> => {
  const outcome = await readUntrustedXlsxMeasured(bytes, limits, launcher);
  if (!outcome.ok) throw AppFailure.fromReason(outcome.refusal.reason, outcome.refusal.params);
  return { sheets: outcome.sheets };
};

/** The same, with what the worker measured (its peak RSS); `stats` is null when no worker was started. */
export const readUntrustedXlsxMeasured = async (bytes: Uint8Array, limits?: Partial<XlsxLimits>, launcher?: WorkerLauncher) => {
  const l = resolveLimits(limits);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    // The central directory only: cheap, and a bomb never reaches a worker.
    (await inspectZipDirectory(buf, l)).zip.close();
  } catch (e) {
    if (e instanceof XlsxRefusal) return { ok: false as const, refusal: e, stats: null };
    throw e;
  }
  return parseInWorker(buf, l, launcher ?? defaultLauncher());
};

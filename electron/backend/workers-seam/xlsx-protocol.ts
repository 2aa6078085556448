/**
 * Messages between the backend and the xlsx worker (electron/workers/xlsx-worker.ts), which parses an
 * untrusted workbook in its own memory-capped process (services/untrusted-xlsx).
 */
import type { XlsxLimits } from '../services/untrusted-xlsx/limits';

export type XlsxCell = string | number | boolean | null;
export type XlsxSheet = { name: string; rows: XlsxCell[][] };

/** Refusal reasons (texts in shared/ipc/errors/reasons-files.ts). */
export type XlsxReason =
  | 'XLSX_TOO_LARGE'
  | 'XLSX_TOO_MANY_ENTRIES'
  | 'XLSX_UNPACKED_TOO_LARGE'
  | 'XLSX_RATIO'
  | 'XLSX_TOO_MANY_ROWS'
  | 'XLSX_TOO_MANY_COLUMNS'
  | 'XLSX_TOO_MANY_CELLS'
  | 'XLSX_MALFORMED'
  | 'XLSX_TOO_COMPLEX';

/** What the worker measured about itself: its peak resident memory and how far it got. */
export type XlsxWorkerStats = { maxRssKb: number; rowsSeen: number; bytesInflated: number };

export type XlsxWorkerRequest = { id: number; bytes: string; limits: XlsxLimits };

export type XlsxWorkerResponse =
  | { id: number; type: 'result'; sheets: XlsxSheet[]; stats: XlsxWorkerStats }
  | { id: number; type: 'refused'; reason: XlsxReason; params: Record<string, string | number>; stats: XlsxWorkerStats };

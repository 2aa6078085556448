/**
 * What an untrusted .xlsx may be before and while it is parsed (docs/security.md, "Untrusted files").
 * The defaults fit every workbook the app reads (an indicator set has a few hundred rows, a survey sheet
 * at most 2,000, a signer registry a few thousand) with a wide margin; a caller may only tighten them.
 */
export type XlsxLimits = {
  /** The file itself (compressed). */
  maxFileBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** The sum of the declared uncompressed sizes of all entries (and of what is actually inflated). */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size of one entry, checked for entries above `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked (a tiny repetitive part compresses well, harmlessly). */
  ratioFloorBytes: number;
  /** Rows of one sheet (highest row number, from <dimension> first, then while streaming). */
  maxRows: number;
  /** Columns of one sheet (A = 1). */
  maxColumns: number;
  /** Non-empty cells in the whole workbook. */
  maxCells: number;
  /** Strings in the shared-string table. */
  maxSharedStrings: number;
  /** Resident memory the parsing process may reach before it gives up (it checks while streaming). */
  maxWorkerRssMb: number;
  /** V8 heap cap of the parsing process (--max-old-space-size). */
  maxHeapMb: number;
  /** Wall-clock time after which the parsing process is killed. */
  timeoutMs: number;
};

export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxFileBytes: 10 * 1_048_576,
  maxEntries: 500,
  maxUncompressedBytes: 100 * 1_048_576,
  maxRatio: 100,
  ratioFloorBytes: 1_048_576,
  maxRows: 50_000,
  maxColumns: 256,
  maxCells: 1_000_000,
  maxSharedStrings: 500_000,
  maxWorkerRssMb: 250,
  maxHeapMb: 160,
  timeoutMs: 30_000,
});

/** The defaults overridden by the caller's values (only the keys given). */
export const resolveLimits = (limits?: Partial<XlsxLimits>): XlsxLimits => {
  const out: XlsxLimits = { ...DEFAULT_XLSX_LIMITS };
  for (const [k, v] of Object.entries(limits ?? {})) {
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[k as keyof XlsxLimits] = v;
  }
  return out;
};

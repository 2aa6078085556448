import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import { validateIndicatorSet } from '../../../../shared/schemas/indicator-set-validate';
import { writeFileAtomicSync } from '../../storage/atomic-write';
import { formatSheetError } from './excel-cells';
import { importSetFromXlsx } from './excel-import';

/** Reads/writes an indicator set as JSON or as the Excel template, chosen by file extension. */

export type SetFormat = 'json' | 'xlsx';
export type SetRead = { ok: true; set: IndicatorSet } | { ok: false; errors: string[] };

export const setFormatOf = (file: string): SetFormat | null => {
  const ext = extname(file).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.xlsx' ? 'xlsx' : null;
};

export const parseSetJson = (text: string): SetRead => {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`Tệp JSON không hợp lệ: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const v = validateIndicatorSet(doc);
  return v.ok ? v : { ok: false, errors: v.errors.map((e) => e.message) };
};

export const readSetFile = async (file: string): Promise<SetRead> => {
  const format = setFormatOf(file);
  if (!format) return { ok: false, errors: ['Chỉ hỗ trợ tệp .json hoặc .xlsx'] };
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    return { ok: false, errors: [`Không đọc được tệp: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (format === 'json') return parseSetJson(data.toString('utf8'));
  // The Excel template is read by services/untrusted-xlsx (limits first, then a worker process).
  try {
    const res = await importSetFromXlsx(data);
    return res.ok ? res : { ok: false, errors: res.errors.map(formatSheetError) };
  } catch (e) {
    if (e instanceof AppFailure) return { ok: false, errors: [e.message] };
    throw e;
  }
};

export const serializeSetJson = (set: IndicatorSet): string => `${JSON.stringify(set, null, 2)}\n`;

export const writeSetFile = async (set: IndicatorSet, file: string): Promise<void> => {
  const format = setFormatOf(file);
  if (!format) throw new Error('Chỉ hỗ trợ tệp .json hoặc .xlsx');
  const data = format === 'json' ? Buffer.from(serializeSetJson(set), 'utf8') : await (await import('./excel-template')).exportSetToXlsx(set);
  writeFileAtomicSync(file, data);
};

/**
 * `--set <ref>` of the CLI: an existing .json/.xlsx file (relative to cwd), else the id of a set shipped in
 * resources/indicator-sets.
 */
export const resolveSetRef = async (ref: string, cwd: string, resourcesDir: string): Promise<SetRead> => {
  const asPath = resolve(cwd, ref);
  if (setFormatOf(ref) && existsSync(asPath)) return readSetFile(asPath);
  if (/^[A-Za-z0-9_-]{1,64}$/.test(ref)) {
    const shipped = join(resourcesDir, 'indicator-sets', `${ref}.json`);
    if (existsSync(shipped)) return readSetFile(shipped);
  }
  return { ok: false, errors: [`Không tìm thấy bộ chỉ số "${ref}" (tệp .json/.xlsx hoặc mã bộ chỉ số có sẵn)`] };
};

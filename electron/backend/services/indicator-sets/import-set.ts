import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { leaves } from '../../../../shared/domain/indicator-tree';
import type { SetImportError, SetImportResult, SetListEntry } from '../../../../shared/ipc/channels/indicator-sets';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import { validateIndicatorSet } from '../../../../shared/schemas/indicator-set-validate';
import type { BackendContext } from '../../context';
import { writeFileAtomicSync } from '../../storage/atomic-write';
import type { WorkerLauncher } from '../../workers-seam/launcher';
import type { CatalogEntry, IndicatorSetCatalog } from './catalog';
import { indicatorSetSha256 } from './catalog';
import { importSetFromXlsx } from './excel-import';
import { serializeSetJson, setFormatOf } from './set-io';

/** The largest indicator-set file read, checked before parsing (the shipped sets are under 100 KB). */
export const MAX_SET_BYTES = 10 * 1_048_576;

/** A catalog entry as the sets page lists it. */
export const entryOut = (catalog: IndicatorSetCatalog, e: CatalogEntry): SetListEntry => ({
  ...e.summary,
  origin: e.origin,
  active: catalog.isActive(e),
  sourceDecision: { ...e.document.sourceDecision },
  previousSetId: e.document.previousSetId,
  sampleNotice: e.document.sampleNotice,
  leafCount: leaves(e.document).length,
});

export const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_');

const noLocation = { nodeCode: null, field: null, sheet: null, row: null, column: null };

type Parsed = { ok: true; set: IndicatorSet } | { ok: false; errors: SetImportError[] };

/**
 * A set from a .json file or the Excel template; every problem names its node and field, or its cell. A
 * workbook beyond the untrusted-xlsx limits is refused (AppFailure XLSX_*) before anything is written.
 */
const parseUpload = async (name: string, data: Buffer, launcher: WorkerLauncher): Promise<Parsed> => {
  const format = setFormatOf(name);
  if (format === 'xlsx') {
    const res = await importSetFromXlsx(data, launcher);
    if (res.ok) return res;
    return {
      ok: false,
      errors: res.errors.map((e) => ({
        ...noLocation,
        message: e.message,
        sheet: e.sheet || null,
        row: e.row || null,
        column: e.column || null,
      })),
    };
  }
  if (format !== 'json') throw AppFailure.of('SET_FORMAT_UNSUPPORTED');
  let doc: unknown;
  try {
    doc = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ ...noLocation, message: `Tệp JSON không hợp lệ: ${why}` }] };
  }
  const v = validateIndicatorSet(doc);
  if (v.ok) return v;
  return { ok: false, errors: v.errors.map((e) => ({ ...noLocation, message: e.message, nodeCode: e.code, field: e.field })) };
};

/**
 * Imports a set file into the data folder's indicator-sets/ (validated first; nothing is written on
 * refusal). The same id and version again is accepted once as "unchanged"; a different content under the
 * same id and version, or a shipped set's id and version, is refused.
 */
export const importSetFile = async (ctx: BackendContext, userDir: string, file: { name: string; data: Buffer }): Promise<SetImportResult> => {
  const parsed = await parseUpload(file.name, file.data, ctx.workerLauncher);
  const fail = { imported: false, fileName: file.name, set: null, unchanged: false };
  if (!parsed.ok) return { ...fail, errors: parsed.errors };
  const set = parsed.set;
  const sha256 = indicatorSetSha256(set);
  const same = ctx.catalog.listAll().find((e) => e.summary.id === set.id && e.summary.version === set.version);
  if (same?.origin === 'shipped') {
    throw AppFailure.of('SET_SAME_AS_SHIPPED', { id: set.id, version: set.version });
  }
  if (same && same.summary.sha256 !== sha256) {
    throw AppFailure.of('SET_VERSION_CLASH', { id: set.id, version: set.version });
  }
  if (same) return { imported: true, fileName: file.name, set: entryOut(ctx.catalog, same), unchanged: true, errors: [] };
  mkdirSync(userDir, { recursive: true });
  const target = join(userDir, `${safeName(set.id)}@${safeName(set.version)}-${sha256.slice(0, 8)}.json`);
  writeFileAtomicSync(target, Buffer.from(serializeSetJson(set), 'utf8'));
  ctx.catalog.reload();
  const entry = ctx.catalog.listAll().find((e) => e.file === target);
  if (!entry) {
    // The catalog refused what we validated: never leave a file it cannot serve.
    throw AppFailure.of('SET_RELOAD_FAILED', { detail: ctx.catalog.problems.join('; ') });
  }
  ctx.logger.info('indicator set imported', { id: set.id, version: set.version });
  return { imported: true, fileName: file.name, set: entryOut(ctx.catalog, entry), unchanged: false, errors: [] };
};

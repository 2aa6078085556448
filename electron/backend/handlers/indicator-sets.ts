import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

import { leaves } from '../../../shared/domain/indicator-tree';
import type { SetExportResult, SetImportError, SetImportResult, SetListEntry } from '../../../shared/ipc/channels/indicator-sets';
import { AppFailure } from '../../../shared/ipc/result';
import type { IndicatorSet } from '../../../shared/schemas/indicator-set';
import { validateIndicatorSet } from '../../../shared/schemas/indicator-set-validate';
import type { CatalogEntry, IndicatorSetCatalog } from '../services/indicator-sets/catalog';
import { indicatorSetSha256 } from '../services/indicator-sets/catalog';
import { serializeSetJson, setFormatOf } from '../services/indicator-sets/set-io';
import { loadSetTemplate } from '../services/office-loader';
import { writeFileAtomicSync } from '../storage/atomic-write';
import { readSingleFile } from './single-file';
import type { HandlerSlice } from './types';

type Channels =
  | 'indicatorSets.list'
  | 'indicatorSets.get'
  | 'indicatorSets.listAll'
  | 'indicatorSets.import'
  | 'indicatorSets.export';

const MAX_SET_BYTES = 10 * 1_048_576;

const entryOut = (catalog: IndicatorSetCatalog, e: CatalogEntry): SetListEntry => ({
  ...e.summary,
  origin: e.origin,
  active: catalog.isActive(e),
  sourceDecision: { ...e.document.sourceDecision },
  previousSetId: e.document.previousSetId,
  sampleNotice: e.document.sampleNotice,
  leafCount: leaves(e.document).length,
});

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_');

const noLocation = { nodeCode: null, field: null, sheet: null, row: null, column: null };

type Parsed = { ok: true; set: IndicatorSet } | { ok: false; errors: SetImportError[] };

const parseUpload = async (name: string, data: Buffer): Promise<Parsed> => {
  const format = setFormatOf(name);
  if (format === 'xlsx') {
    const res = await (await loadSetTemplate()).importSetFromXlsx(data);
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
  if (format !== 'json') throw new AppFailure('BAD_FILE', 'Chỉ hỗ trợ tệp bộ chỉ số .json hoặc mẫu Excel .xlsx');
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

const FILTERS = {
  json: { name: 'Bộ chỉ số (JSON)', extensions: ['json'] },
  xlsx: { name: 'Mẫu bộ chỉ số (Excel)', extensions: ['xlsx'] },
} as const;

export const indicatorSetsHandlers: HandlerSlice<Channels> = {
  'indicatorSets.list': (_input, ctx) => ctx.catalog.list(),

  'indicatorSets.get': (input, ctx) => ctx.catalog.get(input.id).document,

  'indicatorSets.listAll': (_input, ctx) => ctx.catalog.listAll().map((e) => entryOut(ctx.catalog, e)),

  'indicatorSets.import': async (input, ctx): Promise<SetImportResult> => {
    const userDir = ctx.catalog.userDir;
    if (!userDir) throw new AppFailure('UNSUPPORTED', 'Không có thư mục lưu bộ chỉ số nhập vào');
    const file = await readSingleFile(ctx, input.source, {
      title: 'Chọn tệp bộ chỉ số (.json hoặc mẫu Excel .xlsx)',
      filters: [{ name: 'Bộ chỉ số', extensions: ['json', 'xlsx'] }],
      maxBytes: MAX_SET_BYTES,
    });
    const parsed = await parseUpload(file.name, file.data);
    const fail = { imported: false, fileName: file.name, set: null, unchanged: false };
    if (!parsed.ok) return { ...fail, errors: parsed.errors };
    const set = parsed.set;
    const sha256 = indicatorSetSha256(set);
    const same = ctx.catalog.listAll().find((e) => e.summary.id === set.id && e.summary.version === set.version);
    if (same?.origin === 'shipped') {
      throw new AppFailure(
        'CONFLICT',
        `Bộ chỉ số "${set.id}" phiên bản ${set.version} trùng với bộ chỉ số có sẵn trong ứng dụng; hãy đặt phiên bản khác.`,
      );
    }
    if (same && same.summary.sha256 !== sha256) {
      throw new AppFailure(
        'CONFLICT',
        `Đã nhập bộ chỉ số "${set.id}" phiên bản ${set.version} với nội dung khác; hãy tăng số phiên bản của bộ mới.`,
      );
    }
    if (same) return { imported: true, fileName: file.name, set: entryOut(ctx.catalog, same), unchanged: true, errors: [] };
    mkdirSync(userDir, { recursive: true });
    const target = join(userDir, `${safeName(set.id)}@${safeName(set.version)}-${sha256.slice(0, 8)}.json`);
    writeFileAtomicSync(target, Buffer.from(serializeSetJson(set), 'utf8'));
    ctx.catalog.reload();
    const entry = ctx.catalog.listAll().find((e) => e.file === target);
    if (!entry) {
      // The catalog refused what we validated: never leave a file it cannot serve.
      throw new AppFailure('INTERNAL', `Không nạp được bộ chỉ số vừa nhập: ${ctx.catalog.problems.join('; ')}`);
    }
    ctx.logger.info('indicator set imported', { id: set.id, version: set.version });
    return { imported: true, fileName: file.name, set: entryOut(ctx.catalog, entry), unchanged: false, errors: [] };
  },

  'indicatorSets.export': (input, ctx) => {
    const entry = ctx.catalog.getVersion(input.id, input.version);
    const format = input.format;
    const defaultName = `${safeName(entry.summary.id)}-${safeName(entry.summary.version)}.${format}`;
    return ctx.jobs.start(`indicatorSets.export.${format}`, async (ctl): Promise<SetExportResult> => {
      ctl.progress(0, 3, 'Chọn nơi lưu tệp');
      const target = await ctx.host.chooseSaveTarget({
        title: 'Lưu bộ chỉ số',
        defaultName,
        filters: [{ name: FILTERS[format].name, extensions: [...FILTERS[format].extensions] }],
      });
      if (!target) throw new AppFailure('CANCELLED', 'Đã hủy xuất tệp');
      ctl.throwIfCancelled();
      ctl.progress(1, 3, format === 'xlsx' ? 'Đang tạo mẫu Excel' : 'Đang tạo tệp JSON');
      const data = format === 'xlsx' ? await (await loadSetTemplate()).exportSetToXlsx(entry.document) : Buffer.from(serializeSetJson(entry.document), 'utf8');
      ctl.throwIfCancelled();
      ctl.progress(2, 3, 'Đang ghi tệp');
      writeFileAtomicSync(target.path, data);
      ctl.progress(3, 3, 'Hoàn tất');
      return {
        format,
        fileName: target.downloadId ? defaultName : basename(target.path),
        sizeBytes: data.length,
        ...(target.downloadId ? { downloadId: target.downloadId } : {}),
      };
    });
  },
};

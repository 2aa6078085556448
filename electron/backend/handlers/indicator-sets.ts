import { basename } from 'node:path';

import type { SetExportResult, SetImportResult } from '../../../shared/ipc/channels/indicator-sets';
import { AppFailure } from '../../../shared/ipc/result';
import { step } from '../../../shared/domain/progress-steps';
import { entryOut, importSetFile, MAX_SET_BYTES, safeName } from '../services/indicator-sets/import-set';
import { serializeSetJson } from '../services/indicator-sets/set-io';
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

const FILTERS = {
  json: { name: { vi: 'Bộ chỉ số (JSON)', en: 'Indicator set (JSON)' }, extensions: ['json'] },
  xlsx: { name: { vi: 'Mẫu bộ chỉ số (Excel)', en: 'Indicator set template (Excel)' }, extensions: ['xlsx'] },
} as const;

export const indicatorSetsHandlers: HandlerSlice<Channels> = {
  'indicatorSets.list': (_input, ctx) => ctx.catalog.list(),

  'indicatorSets.get': (input, ctx) => ctx.catalog.get(input.id).document,

  'indicatorSets.listAll': (_input, ctx) => ctx.catalog.listAll().map((e) => entryOut(ctx.catalog, e)),

  'indicatorSets.import': async (input, ctx): Promise<SetImportResult> => {
    const userDir = ctx.catalog.userDir;
    if (!userDir) throw AppFailure.of('SET_IMPORT_NO_FOLDER');
    const file = await readSingleFile(ctx, input.source, {
      title: { vi: 'Chọn tệp bộ chỉ số (.json hoặc mẫu Excel .xlsx)', en: 'Choose an indicator set file (.json, or the Excel template .xlsx)' },
      filters: [{ name: { vi: 'Bộ chỉ số', en: 'Indicator set' }, extensions: ['json', 'xlsx'] }],
      maxBytes: MAX_SET_BYTES,
    });
    return importSetFile(ctx, userDir, file);
  },

  'indicatorSets.export': (input, ctx) => {
    const entry = ctx.catalog.getVersion(input.id, input.version);
    const format = input.format;
    const defaultName = `${safeName(entry.summary.id)}-${safeName(entry.summary.version)}.${format}`;
    return ctx.jobs.start(`indicatorSets.export.${format}`, async (ctl): Promise<SetExportResult> => {
      ctl.progress(0, 3, step('CHOOSE_TARGET'));
      const target = await ctx.host.chooseSaveTarget({
        title: { vi: 'Lưu bộ chỉ số', en: 'Save the indicator set' },
        defaultName,
        filters: [{ name: FILTERS[format].name, extensions: [...FILTERS[format].extensions] }],
      });
      if (!target) throw AppFailure.of('EXPORT_CANCELLED');
      ctl.throwIfCancelled();
      ctl.progress(1, 3, format === 'xlsx' ? step('MAKING_EXCEL_TEMPLATE') : step('MAKING_JSON'));
      const data = format === 'xlsx' ? await (await loadSetTemplate()).exportSetToXlsx(entry.document) : Buffer.from(serializeSetJson(entry.document), 'utf8');
      ctl.throwIfCancelled();
      ctl.progress(2, 3, step('WRITING_FILE'));
      writeFileAtomicSync(target.path, data);
      ctl.progress(3, 3, step('DONE'));
      return {
        format,
        fileName: target.downloadId ? defaultName : basename(target.path),
        sizeBytes: data.length,
        ...(target.downloadId ? { downloadId: target.downloadId } : {}),
      };
    });
  },
};

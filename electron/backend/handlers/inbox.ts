import { basename } from 'node:path';

import type { RankingExportResult } from '../../../shared/ipc/channels/inbox';
import { AppFailure } from '../../../shared/ipc/result';
import { step } from '../../../shared/domain/progress-steps';
import { VERIFY_WORKERS, warmVerifyWorkers } from '../services/bundle/verify/spare-workers';
import { appraiseLeaf, previewableEvidence } from '../services/inbox/appraise';
import { checkBatchLimits, importBatch, listBatchFolder } from '../services/inbox/import-batch';
import type { BatchFile } from '../services/inbox/import-batch';
import { assertImportOpen } from '../services/decisions/guard';
import { importBundle } from '../services/inbox/import-bundle';
import { pickYear, rankedBlocks } from '../services/inbox/listing';
import { saveSurveyValue } from '../services/inbox/received-survey';
import { detailOf, loadModel, requireImport } from '../services/inbox/model';
import { writeFileAtomicSync } from '../storage/atomic-write';
import type { HandlerSlice } from './types';

type Channels =
  | 'inbox.import'
  | 'inbox.importBatch'
  | 'inbox.list'
  | 'inbox.get'
  | 'inbox.ranking'
  | 'inbox.exportRanking'
  | 'inbox.previewEvidence'
  | 'inbox.appraise'
  | 'inbox.saveSurvey';

/** Sở Nội vụ's inbox: import verified bundles, appraise, rank by block (services/inbox). */
export const inboxHandlers: HandlerSlice<Channels> = {
  'inbox.import': async (input, ctx) => {
    let file: string;
    if (input.uploadId) file = ctx.uploads.get(input.uploadId).path;
    else {
      const picked = await ctx.host.pickFiles({ title: { vi: 'Chọn hồ sơ nộp cần tiếp nhận', en: 'Choose the submission to receive' }, filters: [{ name: { vi: 'Hồ sơ nộp ký số', en: 'Signed submission' }, extensions: ['asice'] }], multiple: false });
      if (!picked?.[0]) throw AppFailure.of('NO_BUNDLE_PICKED');
      file = picked[0];
    }
    return ctx.jobs.start('inbox.import', (ctl) => importBundle(ctx, file, { signal: ctl.signal, onProgress: (d, t, l) => ctl.progress(d, t, l) }));
  },

  'inbox.importBatch': async (input, ctx) => {
    let files: BatchFile[];
    if (input.uploadIds) files = input.uploadIds.map((id) => ctx.uploads.get(id)).map((u) => ({ name: u.name, path: u.path, size: u.size }));
    else {
      if (!ctx.host.pickFolder) throw AppFailure.of('NO_FOLDER_PICKED');
      // The verification workers start while the user chooses (spare-workers.ts); unused, they end by themselves.
      warmVerifyWorkers(ctx.workerLauncher, VERIFY_WORKERS);
      const dir = await ctx.host.pickFolder({ title: { vi: 'Chọn thư mục chứa các hồ sơ nộp cần tiếp nhận', en: 'Choose the folder holding the submissions to receive' } });
      if (!dir) throw AppFailure.of('NO_FOLDER_PICKED');
      files = listBatchFolder(dir);
    }
    // Count and total size refused here, before the job starts and before any package is read.
    checkBatchLimits(files);
    return ctx.jobs.start('inbox.importBatch', (ctl) => importBatch(ctx, files, { signal: ctl.signal, onProgress: (d, t, l) => ctl.progress(d, t, l) }));
  },

  'inbox.list': (input, ctx) => {
    const { years, year } = pickYear(ctx, input.year);
    return { years, year, blocks: year === null ? { SO: [], PHUONG: [], XA_DAC_KHU: [] } : rankedBlocks(ctx, year) };
  },

  'inbox.get': (input, ctx) => detailOf(ctx, loadModel(ctx, requireImport(ctx, input.importId))),

  'inbox.ranking': (input, ctx) => ({ year: input.year, block: input.block, rows: rankedBlocks(ctx, input.year)[input.block] }),

  'inbox.exportRanking': (input, ctx) => {
    const defaultName = `xep-hang-chi-so-cchc-${input.year}.xlsx`;
    return ctx.jobs.start('inbox.exportRanking', async (ctl): Promise<RankingExportResult> => {
      ctl.progress(0, 2, step('CHOOSE_TARGET'));
      const target = await ctx.host.chooseSaveTarget({ title: { vi: 'Lưu bảng xếp hạng', en: 'Save the ranking' }, defaultName, filters: [{ name: { vi: 'Bảng tính Excel', en: 'Excel spreadsheet' }, extensions: ['xlsx'] }] });
      if (!target) throw AppFailure.of('EXPORT_CANCELLED');
      ctl.throwIfCancelled();
      ctl.progress(1, 2, step('MAKING_SHEET'));
      const { buildRankingWorkbook } = await import('../services/inbox/ranking-sheet');
      const data = await buildRankingWorkbook(input.year, rankedBlocks(ctx, input.year), ctx.now());
      ctl.throwIfCancelled();
      writeFileAtomicSync(target.path, data);
      ctl.progress(2, 2, step('DONE'));
      return { fileName: target.downloadId ? defaultName : basename(target.path), sizeBytes: data.length, ...(target.downloadId ? { downloadId: target.downloadId } : {}) };
    });
  },

  'inbox.previewEvidence': (input, ctx) => {
    const { file, evidence: e } = previewableEvidence(ctx, input.importId, input.path);
    const served = ctx.served.register(file, e.originalName, e.mediaType, 'inline');
    return { fileId: served.id, mimeType: e.mediaType, fileName: e.originalName };
  },

  // After the year's round is closed (services/decisions) the appraisal is read-only.
  'inbox.appraise': (input, ctx) => {
    assertImportOpen(ctx, input.importId);
    return appraiseLeaf(ctx, input);
  },

  'inbox.saveSurvey': (input, ctx) => {
    assertImportOpen(ctx, input.importId);
    return saveSurveyValue(ctx, input);
  },
};

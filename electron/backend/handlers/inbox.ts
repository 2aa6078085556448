import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';

import type { RankingExportResult } from '../../../shared/ipc/channels/inbox';
import { AppFailure } from '../../../shared/ipc/result';
import { appraisalProblem } from '../../../shared/domain/ranking';
import type { NodeKind } from '../../../shared/schemas/indicator-set';
import { highestRevision, listImportedEvidence, saveAppraisal } from '../db/repos/inbox-repo';
import { storePathFor } from '../services/evidence/store';
import { importBundle } from '../services/inbox/import-bundle';
import { pickYear, rankedBlocks } from '../services/inbox/listing';
import { detailOf, isPreviewable, loadModel, requireImport } from '../services/inbox/model';
import { writeFileAtomicSync } from '../storage/atomic-write';
import type { HandlerSlice } from './types';

type Channels =
  | 'inbox.import'
  | 'inbox.list'
  | 'inbox.get'
  | 'inbox.ranking'
  | 'inbox.exportRanking'
  | 'inbox.previewEvidence'
  | 'inbox.appraise';

/** Sở Nội vụ's inbox: import verified bundles, appraise, rank by block (services/inbox). */
export const inboxHandlers: HandlerSlice<Channels> = {
  'inbox.import': async (input, ctx) => {
    let file: string;
    if (input.uploadId) file = ctx.uploads.get(input.uploadId).path;
    else {
      const picked = await ctx.host.pickFiles({ title: 'Chọn hồ sơ nộp cần tiếp nhận', filters: [{ name: 'Hồ sơ nộp ký số', extensions: ['asice'] }], multiple: false });
      if (!picked?.[0]) throw new AppFailure('CANCELLED', 'Chưa chọn hồ sơ');
      file = picked[0];
    }
    return ctx.jobs.start('inbox.import', (ctl) => importBundle(ctx, file, { signal: ctl.signal, onProgress: (d, t, l) => ctl.progress(d, t, l) }));
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
      ctl.progress(0, 2, 'Chọn nơi lưu tệp');
      const target = await ctx.host.chooseSaveTarget({ title: 'Lưu bảng xếp hạng', defaultName, filters: [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }] });
      if (!target) throw new AppFailure('CANCELLED', 'Đã hủy xuất tệp');
      ctl.throwIfCancelled();
      ctl.progress(1, 2, 'Đang tạo bảng tính');
      const { buildRankingWorkbook } = await import('../services/inbox/ranking-sheet');
      const data = await buildRankingWorkbook(input.year, rankedBlocks(ctx, input.year), ctx.now());
      ctl.throwIfCancelled();
      writeFileAtomicSync(target.path, data);
      ctl.progress(2, 2, 'Hoàn tất');
      return { fileName: target.downloadId ? defaultName : basename(target.path), sizeBytes: data.length, ...(target.downloadId ? { downloadId: target.downloadId } : {}) };
    });
  },

  'inbox.previewEvidence': (input, ctx) => {
    requireImport(ctx, input.importId);
    const e = listImportedEvidence(ctx.db, input.importId).find((x) => x.path === input.path);
    if (!e) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng trong hồ sơ');
    if (!isPreviewable(e.mediaType)) throw new AppFailure('UNSUPPORTED', 'Chỉ xem trước được PDF và ảnh.');
    const path = storePathFor(ctx.dataDir, e.sha256);
    if (!existsSync(path) || statSync(path).size !== e.size) {
      throw new AppFailure('FILE_CHANGED', `Tệp "${e.originalName}" trong kho đã bị xóa hoặc thay đổi.`);
    }
    const served = ctx.served.register(path, e.originalName, e.mediaType, 'inline');
    return { fileId: served.id, mimeType: e.mediaType, fileName: e.originalName };
  },

  'inbox.appraise': (input, ctx) => {
    const row = requireImport(ctx, input.importId);
    const newest = highestRevision(ctx.db, row.submissionId);
    if (newest && newest.revision > row.revision) {
      throw new AppFailure('CONFLICT', `Đơn vị đã gửi phiên bản ${newest.revision} của hồ sơ; hãy thẩm định phiên bản mới nhất.`);
    }
    const model = loadModel(ctx, row);
    const leaf = model.leaves.find((l) => l.nodeId === input.nodeId);
    if (!leaf) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tiêu chí (hoặc tiêu chí không phải tiêu chí lá)');
    const problem = appraisalProblem({ kind: leaf.kind as NodeKind, max: leaf.max }, input.appraisedMilli);
    if (problem) throw new AppFailure('VALIDATION', problem);
    saveAppraisal(ctx.db, row.id, { nodeId: input.nodeId, appraisedMilli: input.appraisedMilli, comment: input.comment, updatedAt: ctx.now().toISOString() });
    return detailOf(ctx, loadModel(ctx, row));
  },
};

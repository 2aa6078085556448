import { basename } from 'node:path';

import type { ExplanationBatchResult, FinalExportResult } from '../../../shared/ipc/channels/decisions';
import { AppFailure } from '../../../shared/ipc/result';
import { step } from '../../../shared/domain/progress-steps';
import { toAppError } from '../errors';
import { unitDay } from '../services/assessments/unit-day';
import { closeYear } from '../services/decisions/close-round';
import { decide, decisionDetailOf, previewableExplanationEvidence, requireExplanation } from '../services/decisions/decide';
import { exportFinalPackages, finalFileName, unitsToExport } from '../services/decisions/final-package';
import { finalDocumentFields } from '../services/decisions/final-fields';
import { finalTableOf } from '../services/decisions/final-table';
import { importExplanation } from '../services/decisions/import-explanation';
import { listYear } from '../services/decisions/listing';
import { getUnitProfile } from '../db/repos/unit-repo';
import { loadFinalResultsPdf, loadFinalResultsXlsx } from '../services/office-loader';
import { keyForSigning } from '../services/signing/choose-key';
import { chooseTargetThenOpenKey } from '../services/signing/target-then-key';
import { trustOf, verifyWithWorker } from '../services/trust/verify';
import { writeFileAtomicSync } from '../storage/atomic-write';
import type { HandlerSlice } from './types';

type Channels =
  | 'decisions.import'
  | 'decisions.list'
  | 'decisions.get'
  | 'decisions.decide'
  | 'decisions.previewEvidence'
  | 'decisions.close'
  | 'decisions.exportResults'
  | 'decisions.exportPackages';

/** Sở Nội vụ's giải trình decisions, closing and final results (services/decisions). */
export const decisionsHandlers: HandlerSlice<Channels> = {
  'decisions.import': async (input, ctx) => {
    let files: { path: string; name: string }[];
    if (input.uploadIds) files = input.uploadIds.map((id) => ({ path: ctx.uploads.get(id).path, name: ctx.uploads.get(id).name }));
    else {
      const picked = await ctx.host.pickFiles({ title: { vi: 'Chọn gói giải trình cần nhập', en: 'Choose the explanation packages to import' }, filters: [{ name: { vi: 'Gói giải trình ký số', en: 'Signed explanation package' }, extensions: ['asice'] }], multiple: true });
      if (!picked?.length) throw AppFailure.of('NO_BUNDLE_PICKED');
      files = picked.map((p) => ({ path: p, name: basename(p) }));
    }
    return ctx.jobs.start('decisions.import', async (ctl): Promise<ExplanationBatchResult> => {
      const outcomes: ExplanationBatchResult['outcomes'] = [];
      // One file after the other: each is verified, checked and stored (or refused) on its own.
      for (const [i, f] of files.entries()) {
        ctl.throwIfCancelled();
        try {
          const result = await importExplanation(ctx, f.path, { signal: ctl.signal, onProgress: (_d, _t, l) => ctl.progress(i, files.length, l ? step('FILE_STAGE', { name: f.name, stage: l.code }) : undefined) });
          outcomes.push({ fileName: f.name, result, error: null });
        } catch (e) {
          if (ctl.signal.aborted) throw e;
          outcomes.push({ fileName: f.name, result: null, error: toAppError(e, ctx.logger) });
        }
      }
      ctl.progress(files.length, files.length, step('DONE'));
      return { outcomes };
    });
  },

  'decisions.list': (input, ctx) => listYear(ctx, input.year),

  'decisions.get': (input, ctx) => decisionDetailOf(ctx, requireExplanation(ctx, input.explanationRowId)),

  'decisions.decide': (input, ctx) => decide(ctx, input),

  'decisions.previewEvidence': (input, ctx) => {
    const { file, evidence: e } = previewableExplanationEvidence(ctx, input.explanationRowId, input.path);
    const served = ctx.served.register(file, e.originalName, e.mediaType, 'inline');
    return { fileId: served.id, mimeType: e.mediaType, fileName: e.originalName };
  },

  'decisions.close': (input, ctx) => closeYear(ctx, input.year),

  'decisions.exportResults': (input, ctx) => {
    const table = finalTableOf(ctx, input.year);
    const defaultName = `ket-qua-chi-so-cchc-${input.year}.${input.format}`;
    return ctx.jobs.start('decisions.exportResults', async (ctl): Promise<FinalExportResult> => {
      ctl.progress(0, 2, step('CHOOSE_TARGET'));
      const filter = input.format === 'xlsx' ? { name: { vi: 'Bảng tính Excel', en: 'Excel spreadsheet' }, extensions: ['xlsx'] } : { name: { vi: 'Tệp PDF', en: 'PDF file' }, extensions: ['pdf'] };
      const target = await ctx.host.chooseSaveTarget({ title: { vi: 'Lưu kết quả cuối cùng', en: 'Save the final results' }, defaultName, filters: [filter] });
      if (!target) throw AppFailure.of('DECISIONS_EXPORT_CANCELLED');
      ctl.throwIfCancelled();
      ctl.progress(1, 2, input.format === 'xlsx' ? step('MAKING_SHEET') : step('MAKING_PDF'));
      const now = ctx.now();
      const data =
        input.format === 'xlsx'
          ? await (await loadFinalResultsXlsx())(table, now)
          : await (await loadFinalResultsPdf())(table, finalDocumentFields(getUnitProfile(ctx.db), unitDay(now), { number: input.number ?? '', symbol: input.symbol ?? '' }), now, ctx.resourcesDir);
      ctl.throwIfCancelled();
      writeFileAtomicSync(target.path, data);
      ctl.progress(2, 2, step('DONE'));
      const count = table.blocks.SO.length + table.blocks.PHUONG.length + table.blocks.XA_DAC_KHU.length;
      return { fileName: target.downloadId ? defaultName : basename(target.path), sizeBytes: data.length, count, ...(target.downloadId ? { downloadId: target.downloadId } : {}) };
    });
  },

  'decisions.exportPackages': (input, ctx) => {
    const units = unitsToExport(ctx, input.year, { unitCode: input.unitCode, block: input.block });
    const { ref, secret } = keyForSigning(ctx, input.keyId, input);
    const single = units.length === 1;
    const defaultName = single ? finalFileName(units[0]!.unitCode, input.year, 1).replace('_r1.asice', '.asice') : `KetQuaCuoiCung_${input.block ?? 'TatCa'}_${input.year}.zip`;
    return ctx.jobs.start('decisions.exportPackages', async (ctl): Promise<FinalExportResult> => {
      const save = { label: step('CHOOSE_FINAL_TARGET'), title: { vi: 'Lưu gói kết quả cuối cùng', en: 'Save the final result packages' }, defaultName, filterName: single ? { vi: 'Gói ký số', en: 'Signed package' } : { vi: 'Tệp nén', en: 'Zip file' }, cancelled: 'DECISIONS_EXPORT_CANCELLED' } as const;
      const { target, signer } = await chooseTargetThenOpenKey(ctx, ctl, save, { ref, secret });
      try {
        const res = await exportFinalPackages(ctx, {
          year: input.year,
          units,
          signer,
          out: target.path,
          trust: trustOf(ctx),
          signal: ctl.signal,
          onProgress: (d, t, l) => ctl.progress(d, t, l),
          verify: (file, trust) => verifyWithWorker(ctx, file, trust, ctl.signal, undefined, { anyKind: true, expectKind: 'final-result' }),
        });
        const name = single ? res.files[0]! : defaultName;
        return { fileName: target.downloadId ? name : basename(target.path), sizeBytes: res.size, count: res.count, ...(target.downloadId ? { downloadId: target.downloadId } : {}) };
      } finally {
        await signer.close();
      }
    });
  },
};

import { basename } from 'node:path';

import type { ExportResult } from '../../../shared/ipc/channels/report';
import { AppFailure } from '../../../shared/ipc/result';
import type { Job } from '../../../shared/schemas/job';
import { step } from '../../../shared/domain/progress-steps';
import type { BackendContext } from '../context';
import { getNarrative, saveNarrative } from '../db/repos/narrative-repo';
import { saveReportDocument } from '../db/repos/report-document-repo';
import { requireAssessment, withEditable } from '../services/assessments/guards';
import { assertReportFinal } from '../services/report/report-final';
import { exportFileName, loadReportDocument, loadReportModel } from '../services/report/report-source';
import { loadPdfBuilder, loadWorkbookBuilder } from '../services/office-loader';
import { startSignedExport } from '../services/report/signed-export';
import { writeFileAtomicSync } from '../storage/atomic-write';
import type { HandlerSlice } from './types';

type Channels =
  | 'report.getNarrative'
  | 'report.saveNarrative'
  | 'report.getDocument'
  | 'report.saveDocument'
  | 'report.xlsx'
  | 'report.pdf'
  | 'report.signedPdf'
  | 'report.showInFolder';

const FORMATS = {
  xlsx: { title: { vi: 'Lưu bảng tự đánh giá', en: 'Save the self-assessment table' }, filter: { name: { vi: 'Bảng tính Excel', en: 'Excel spreadsheet' }, extensions: ['xlsx'] } },
  pdf: { title: { vi: 'Lưu báo cáo tự đánh giá', en: 'Save the self-assessment report' }, filter: { name: { vi: 'Tài liệu PDF', en: 'PDF document' }, extensions: ['pdf'] } },
} as const;

/**
 * Starts an export job: the model is built and a final PDF's fields checked up front (so a missing profile
 * or report number fails at once, before the save dialog), then the job asks the host where to save, renders
 * and writes atomically (temp + rename: no half-written file on a full disk).
 */
const startExport = (format: 'xlsx' | 'pdf', assessmentId: string, ctx: BackendContext, draft = false): Job => {
  const { model, unitCode, year } = loadReportModel(ctx, assessmentId);
  if (format === 'pdf' && !draft) assertReportFinal(model);
  const defaultName = exportFileName(unitCode, year, format, draft);
  let jobId = '';
  const job = ctx.jobs.start(`report.${format}`, async (ctl): Promise<ExportResult> => {
    ctl.progress(0, 3, step('CHOOSE_TARGET'));
    const target = await ctx.host.chooseSaveTarget({
      title: FORMATS[format].title,
      defaultName,
      filters: [{ name: FORMATS[format].filter.name, extensions: [...FORMATS[format].filter.extensions] }],
    });
    if (!target) throw AppFailure.of('EXPORT_CANCELLED');
    ctl.throwIfCancelled();
    ctl.progress(1, 3, format === 'xlsx' ? step('MAKING_SHEET') : step('MAKING_REPORT_PDF'));
    const data = format === 'xlsx' ? await (await loadWorkbookBuilder())(model) : await (await loadPdfBuilder())(model, { resourcesDir: ctx.resourcesDir, draft });
    ctl.throwIfCancelled();
    ctl.progress(2, 3, step('WRITING_FILE'));
    writeFileAtomicSync(target.path, data);
    ctx.session.writtenFiles.set(jobId, target.path);
    ctl.progress(3, 3, step('DONE'));
    return {
      format,
      fileName: target.downloadId ? defaultName : basename(target.path),
      sizeBytes: data.length,
      ...(target.downloadId ? { downloadId: target.downloadId } : {}),
    };
  });
  jobId = job.id;
  return job;
};

export const reportHandlers: HandlerSlice<Channels> = {
  'report.getNarrative': (input, ctx) => {
    requireAssessment(ctx.db, input.assessmentId);
    return getNarrative(ctx.db, input.assessmentId);
  },
  'report.saveNarrative': (input, ctx) => {
    requireAssessment(ctx.db, input.assessmentId);
    return saveNarrative(ctx.db, input.assessmentId, input.narrative, ctx.now().toISOString());
  },
  'report.getDocument': (input, ctx) => {
    requireAssessment(ctx.db, input.assessmentId);
    return loadReportDocument(ctx, input.assessmentId);
  },
  'report.saveDocument': (input, ctx) => {
    withEditable(ctx, input.assessmentId, ({ now }) => saveReportDocument(ctx.db, input.assessmentId, input.document, now));
    return loadReportDocument(ctx, input.assessmentId);
  },
  'report.xlsx': (input, ctx) => startExport('xlsx', input.assessmentId, ctx),
  'report.pdf': (input, ctx) => startExport('pdf', input.assessmentId, ctx, input.draft ?? false),
  'report.signedPdf': (input, ctx) => startSignedExport(input, ctx),
  'report.showInFolder': async (input, ctx) => {
    const path = ctx.session.writtenFiles.get(input.jobId);
    if (!path) throw AppFailure.of('EXPORTED_FILE_GONE');
    if (ctx.host.kind === 'web') return { shown: false };
    await ctx.host.showInFolder(path);
    return { shown: true };
  },
};

import { basename } from 'node:path';

import type { ExportResult } from '../../../../shared/ipc/channels/report';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Job } from '../../../../shared/schemas/job';
import { step } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { writeFileAtomicSync } from '../../storage/atomic-write';
import { loadSignedReportBuilder } from '../office-loader';
import { openSigningKey } from '../signing/open-key';
import { assertSignerUsable } from '../signing/signer-policy';
import { appearanceImagesOf } from '../unit/signature-images';
import { assertReportFinal } from './report-final';
import { exportFileName, loadReportModel } from './report-source';

export type SignedExportInput = { assessmentId: string; keyId: string; password?: string | undefined; pin?: string | undefined };

/**
 * "Xuất báo cáo PDF có ký số": the key chosen and confirmed with signing.chooseKey (remembered by opaque id
 * in ctx.session.signingKeys, the password/PIN sent again and used once), the final report only (checked
 * before the save dialog), signed as in the bundle (report/signed-pdf.ts) and written atomically.
 */
export const startSignedExport = (input: SignedExportInput, ctx: BackendContext): Job => {
  const ref = ctx.session.signingKeys.get(input.keyId);
  if (!ref) throw AppFailure.of('KEY_NOT_OPEN');
  const secret = ref.kind === 'p12' ? input.password : input.pin;
  if (secret === undefined) throw AppFailure.of(ref.kind === 'p12' ? 'PASSWORD_MISSING' : 'PIN_MISSING');
  const { model, unitCode, year } = loadReportModel(ctx, input.assessmentId);
  assertReportFinal(model);
  const defaultName = exportFileName(unitCode, year, 'pdf').replace(/\.pdf$/, '_ky-so.pdf');
  let jobId = '';
  const job = ctx.jobs.start('report.signedPdf', async (ctl): Promise<ExportResult> => {
    ctl.progress(0, 4, step('CHOOSE_TARGET'));
    const target = await ctx.host.chooseSaveTarget({ title: { vi: 'Lưu báo cáo PDF có ký số', en: 'Save the signed PDF report' }, defaultName, filters: [{ name: { vi: 'Tài liệu PDF', en: 'PDF document' }, extensions: ['pdf'] }] });
    if (!target) throw AppFailure.of('EXPORT_CANCELLED');
    ctl.throwIfCancelled();
    ctl.progress(1, 4, step('UNLOCK_KEY'));
    const signer = await openSigningKey(ref, secret, ctx.workerLauncher);
    let data: Uint8Array;
    try {
      const now = ctx.now();
      assertSignerUsable(signer, now);
      ctl.throwIfCancelled();
      ctl.progress(2, 4, step('MAKING_SIGNED_REPORT'));
      data = await (await loadSignedReportBuilder())(model, { signer, signingTime: now, images: appearanceImagesOf(ctx.db), resourcesDir: ctx.resourcesDir });
    } finally {
      await signer.close();
    }
    ctl.throwIfCancelled();
    ctl.progress(3, 4, step('WRITING_FILE'));
    writeFileAtomicSync(target.path, data);
    ctx.session.writtenFiles.set(jobId, target.path);
    ctx.logger.info('report.signedPdf', { assessmentId: input.assessmentId, signer: signer.details.sha256.slice(0, 16) });
    ctl.progress(4, 4, step('DONE'));
    return { format: 'pdf', fileName: target.downloadId ? defaultName : basename(target.path), sizeBytes: data.length, ...(target.downloadId ? { downloadId: target.downloadId } : {}) };
  });
  jobId = job.id;
  return job;
};

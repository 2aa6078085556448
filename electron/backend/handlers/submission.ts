import { existsSync } from 'node:fs';
import { basename } from 'node:path';

import type { SubmissionExportResult } from '../../../shared/ipc/channels/submission';
import { AppFailure } from '../../../shared/ipc/result';
import { step } from '../../../shared/domain/progress-steps';
import { listSubmissions } from '../db/repos/submission-repo';
import { getUnitProfile } from '../db/repos/unit-repo';
import { requireAssessment } from '../services/assessments/guards';
import { exportAssessment } from '../services/bundle/export-assessment';
import { bundleFileName, uuidV7 } from '../services/bundle/submission-builder';
import { keyForSigning } from '../services/signing/choose-key';
import { chooseTargetThenOpenKey } from '../services/signing/target-then-key';
import { trustOf, verifyWithWorker } from '../services/trust/verify';
import type { HandlerSlice } from './types';

type Channels = 'submission.export' | 'submission.history' | 'submission.openBundle' | 'submission.showInFolder';

export const submissionHandlers: HandlerSlice<Channels> = {
  'submission.export': async (input, ctx) => {
    const a = requireAssessment(ctx.db, input.assessmentId);
    const { ref, secret } = keyForSigning(ctx, input.keyId, input);
    const unit = getUnitProfile(ctx.db);
    const defaultName = bundleFileName(unit?.code ?? 'DONVI', String(a.year), uuidV7(), a.revision);
    let jobId = '';
    const job = ctx.jobs.start('submission.export', async (ctl): Promise<SubmissionExportResult> => {
      const save = { label: step('CHOOSE_SUBMISSION_TARGET'), title: { vi: 'Lưu hồ sơ nộp', en: 'Save the submission' }, defaultName, filterName: { vi: 'Hồ sơ nộp ký số', en: 'Signed submission' }, cancelled: 'BUNDLE_EXPORT_CANCELLED' } as const;
      const { target, signer } = await chooseTargetThenOpenKey(ctx, ctl, save, { ref, secret });
      try {
        const res = await exportAssessment(ctx, {
          assessmentId: a.id,
          signer,
          out: target.path,
          trust: trustOf(ctx),
          signal: ctl.signal,
          onProgress: (d, t, l) => ctl.progress(d, t, l),
          verify: (file, trust) => verifyWithWorker(ctx, file, trust, ctl.signal),
        });
        ctx.session.writtenFiles.set(jobId, res.path);
        const v = res.verification;
        return {
          fileName: target.downloadId ? defaultName : basename(res.path),
          sizeBytes: res.size,
          sha256: res.sha256,
          submissionId: res.submissionId,
          revision: res.revision,
          status: v?.status ?? 'VALID',
          code: v?.code ?? 'OK',
          message: v?.message ?? '',
          warnings: v?.warnings.map((w) => w.code) ?? [],
          ...(target.downloadId ? { downloadId: target.downloadId } : {}),
        };
      } finally {
        await signer.close();
      }
    });
    jobId = job.id;
    return job;
  },

  // Earlier revisions keep their bundles: listed and openable after a new revision (issue 12).
  'submission.history': (input, ctx) => {
    const a = requireAssessment(ctx.db, input.assessmentId);
    return listSubmissions(ctx.db, a.id).map((r) => ({
      id: r.id,
      revision: r.revision,
      fileName: basename(r.path),
      sizeBytes: r.bundleSize,
      sha256: r.bundleSha256,
      signerSubject: r.signerSubject,
      createdAt: r.createdAt,
      verificationCode: r.verificationCode,
      available: existsSync(r.path),
    }));
  },

  'submission.openBundle': async (input, ctx) => {
    const a = requireAssessment(ctx.db, input.assessmentId);
    const row = listSubmissions(ctx.db, a.id).find((r) => r.id === input.bundleId);
    if (!row) throw AppFailure.of('BUNDLE_NOT_FOUND');
    const fileName = basename(row.path);
    if (!existsSync(row.path)) throw AppFailure.of('BUNDLE_FILE_MISSING', { name: fileName, revision: row.revision });
    if (ctx.host.kind === 'web') {
      return { fileName, downloadId: ctx.served.register(row.path, fileName, 'application/vnd.etsi.asic-e+zip', 'attachment').id, shown: false };
    }
    await ctx.host.showInFolder(row.path);
    return { fileName, shown: true };
  },

  'submission.showInFolder': async (input, ctx) => {
    const path = ctx.session.writtenFiles.get(input.jobId);
    if (!path) return { shown: false };
    await ctx.host.showInFolder(path);
    return { shown: true };
  },
};

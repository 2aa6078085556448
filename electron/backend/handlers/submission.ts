import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';

import type { SubmissionExportResult } from '../../../shared/ipc/channels/submission';
import { AppFailure } from '../../../shared/ipc/result';
import type { BackendContext } from '../context';
import { listSubmissions } from '../db/repos/submission-repo';
import { getUnitProfile } from '../db/repos/unit-repo';
import { requireAssessment } from '../services/assessments/guards';
import { exportAssessment } from '../services/bundle/export-assessment';
import { bundleFileName, uuidV7 } from '../services/bundle/submission-builder';
import { openSigningKey } from '../services/signing/open-key';
import type { KeyRef } from '../services/signing/open-key';
import type { Signer } from '../services/signing/signer';
import { signerProblem } from '../services/signing/signer-policy';
import { trustOf, verifyWithWorker } from '../services/trust/verify';
import type { HandlerSlice } from './types';

type Channels = 'submission.preview' | 'submission.export' | 'submission.history' | 'submission.openBundle' | 'submission.showInFolder';

/** Signer details for the confirmation step; the key is closed again at once (opened anew to sign). */
const previewOf = async (ctx: BackendContext, ref: KeyRef, signer: Signer) => {
  try {
    const keyId = randomBytes(12).toString('hex');
    ctx.session.signingKeys.set(keyId, ref);
    return { keyId, signer: signer.details, problem: signerProblem(signer, ctx.now()) };
  } finally {
    await signer.close();
  }
};

export const submissionHandlers: HandlerSlice<Channels> = {
  'submission.preview': async (input, ctx) => {
    requireAssessment(ctx.db, input.assessmentId);
    let ref: KeyRef;
    if (input.source.kind === 'p12') {
      let uploadId = input.source.uploadId;
      if (!uploadId) {
        const picked = await ctx.host.pickFiles({ title: 'Chọn tệp chứng thư số (.p12, .pfx)', filters: [{ name: 'Chứng thư số', extensions: ['p12', 'pfx'] }], multiple: false });
        if (!picked?.[0]) throw AppFailure.of('NO_P12_PICKED');
        // Remember the dialog choice by opaque id, so retyping a wrong password does not reopen the dialog.
        uploadId = ctx.uploads.register(picked[0], basename(picked[0]), statSync(picked[0]).size).id;
      }
      ref = { kind: 'p12', path: ctx.uploads.get(uploadId).path };
      const fileId = uploadId;
      const signer = await openSigningKey(ref, input.source.password, ctx.workerLauncher).catch((e: unknown) => {
        if (e instanceof AppFailure && e.code === 'WRONG_PASSWORD') throw AppFailure.of('P12_WRONG_PASSWORD', {}, { uploadId: fileId });
        throw e;
      });
      return previewOf(ctx, ref, signer);
    } else {
      const picked = await ctx.host.pickFiles({ title: 'Chọn thư viện PKCS#11 của USB token', filters: [{ name: 'Thư viện PKCS#11', extensions: ['dll', 'so', 'dylib'] }], multiple: false });
      if (!picked?.[0]) throw AppFailure.of('NO_PKCS11_PICKED');
      ref = { kind: 'pkcs11', module: picked[0], ...(input.source.tokenSerial ? { tokenSerial: input.source.tokenSerial } : {}) };
    }
    return previewOf(ctx, ref, await openSigningKey(ref, input.source.pin, ctx.workerLauncher));
  },

  'submission.export': async (input, ctx) => {
    const a = requireAssessment(ctx.db, input.assessmentId);
    const ref = ctx.session.signingKeys.get(input.keyId);
    if (!ref) throw AppFailure.of('KEY_NOT_OPEN');
    const secret = ref.kind === 'p12' ? input.password : input.pin;
    if (secret === undefined) throw AppFailure.of(ref.kind === 'p12' ? 'PASSWORD_MISSING' : 'PIN_MISSING');
    const unit = getUnitProfile(ctx.db);
    const defaultName = bundleFileName(unit?.code ?? 'DONVI', String(a.year), uuidV7(), a.revision);
    let jobId = '';
    const job = ctx.jobs.start('submission.export', async (ctl): Promise<SubmissionExportResult> => {
      ctl.progress(0, 1, 'Chọn nơi lưu hồ sơ');
      const target = await ctx.host.chooseSaveTarget({ title: 'Lưu hồ sơ nộp', defaultName, filters: [{ name: 'Hồ sơ nộp ký số', extensions: ['asice'] }] });
      if (!target) throw AppFailure.of('BUNDLE_EXPORT_CANCELLED');
      ctl.throwIfCancelled();
      ctl.progress(0, 1, 'Mở khóa ký');
      const signer = await openSigningKey(ref, secret, ctx.workerLauncher);
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

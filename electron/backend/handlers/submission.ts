import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';

import type { SubmissionExportResult } from '../../../shared/ipc/channels/submission';
import { AppFailure } from '../../../shared/ipc/result';
import type { BackendContext } from '../context';
import { findAssessment } from '../db/repos/assessment-repo';
import { getUnitProfile } from '../db/repos/unit-repo';
import { exportAssessment } from '../services/bundle/export-assessment';
import { bundleFileName, uuidV7 } from '../services/bundle/submission-builder';
import { openP12Signer } from '../services/signing/p12-signer';
import { openPkcs11Signer } from '../services/signing/pkcs11-signer';
import type { Signer } from '../services/signing/signer';
import { signerProblem } from '../services/signing/signer-policy';
import { trustOf, verifyWithWorker } from '../services/trust/verify';
import type { HandlerSlice } from './types';

type Channels = 'submission.preview' | 'submission.export' | 'submission.showInFolder';

type KeyRef = { kind: 'p12'; path: string } | { kind: 'pkcs11'; module: string; tokenSerial?: string };

/** Per backend: chosen key files/modules by opaque id (never the secret), and written bundles by job id. */
const state = new WeakMap<BackendContext, { keys: Map<string, KeyRef>; files: Map<string, string> }>();
const stateOf = (ctx: BackendContext) => {
  let s = state.get(ctx);
  if (!s) state.set(ctx, (s = { keys: new Map(), files: new Map() }));
  return s;
};

const MAX_P12 = 1024 * 1024;

const readP12 = (path: string): Buffer => {
  if (!existsSync(path) || statSync(path).size > MAX_P12) throw new AppFailure('BAD_FILE', 'Tệp chứng thư số không đọc được hoặc quá lớn.');
  return readFileSync(path);
};

const openKey = (ctx: BackendContext, ref: KeyRef, secret: string): Promise<Signer> =>
  ref.kind === 'p12'
    ? openP12Signer(readP12(ref.path), secret)
    : openPkcs11Signer(
        {
          module: ref.module,
          ...(ref.tokenSerial ? { tokenSerial: ref.tokenSerial } : {}),
          ...(ctx.workerLauncher ? { launcher: ctx.workerLauncher } : {}),
        },
        secret,
      );

/** Signer details for the confirmation step; the key is closed again at once (opened anew to sign). */
const previewOf = async (ctx: BackendContext, ref: KeyRef, signer: Signer) => {
  try {
    const keyId = randomBytes(12).toString('hex');
    stateOf(ctx).keys.set(keyId, ref);
    return { keyId, signer: signer.details, problem: signerProblem(signer, ctx.now()) };
  } finally {
    await signer.close();
  }
};

export const submissionHandlers: HandlerSlice<Channels> = {
  'submission.preview': async (input, ctx) => {
    if (!findAssessment(ctx.db, input.assessmentId)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bản tự đánh giá');
    let ref: KeyRef;
    if (input.source.kind === 'p12') {
      let uploadId = input.source.uploadId;
      if (!uploadId) {
        const picked = await ctx.host.pickFiles({ title: 'Chọn tệp chứng thư số (.p12, .pfx)', filters: [{ name: 'Chứng thư số', extensions: ['p12', 'pfx'] }], multiple: false });
        if (!picked?.[0]) throw new AppFailure('CANCELLED', 'Chưa chọn tệp chứng thư số');
        // Remember the dialog choice by opaque id, so retyping a wrong password does not reopen the dialog.
        uploadId = ctx.uploads.register(picked[0], basename(picked[0]), statSync(picked[0]).size).id;
      }
      ref = { kind: 'p12', path: ctx.uploads.get(uploadId).path };
      const fileId = uploadId;
      const signer = await openKey(ctx, ref, input.source.password).catch((e: unknown) => {
        if (e instanceof AppFailure && e.code === 'WRONG_PASSWORD') throw new AppFailure(e.code, e.message, { uploadId: fileId });
        throw e;
      });
      return previewOf(ctx, ref, signer);
    } else {
      const picked = await ctx.host.pickFiles({ title: 'Chọn thư viện PKCS#11 của USB token', filters: [{ name: 'Thư viện PKCS#11', extensions: ['dll', 'so', 'dylib'] }], multiple: false });
      if (!picked?.[0]) throw new AppFailure('CANCELLED', 'Chưa chọn thư viện của thiết bị ký số');
      ref = { kind: 'pkcs11', module: picked[0], ...(input.source.tokenSerial ? { tokenSerial: input.source.tokenSerial } : {}) };
    }
    return previewOf(ctx, ref, await openKey(ctx, ref, input.source.pin));
  },

  'submission.export': async (input, ctx) => {
    const a = findAssessment(ctx.db, input.assessmentId);
    if (!a) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bản tự đánh giá');
    const ref = stateOf(ctx).keys.get(input.keyId);
    if (!ref) throw new AppFailure('NOT_FOUND', 'Hãy chọn lại khóa ký.');
    const secret = ref.kind === 'p12' ? input.password : input.pin;
    if (secret === undefined) throw new AppFailure('VALIDATION', ref.kind === 'p12' ? 'Thiếu mật khẩu tệp chứng thư số' : 'Thiếu mã PIN');
    const unit = getUnitProfile(ctx.db);
    const defaultName = bundleFileName(unit?.code ?? 'DONVI', String(a.year), uuidV7(), a.revision);
    const files = stateOf(ctx).files;
    let jobId = '';
    const job = ctx.jobs.start('submission.export', async (ctl): Promise<SubmissionExportResult> => {
      ctl.progress(0, 1, 'Chọn nơi lưu hồ sơ');
      const target = await ctx.host.chooseSaveTarget({ title: 'Lưu hồ sơ nộp', defaultName, filters: [{ name: 'Hồ sơ nộp ký số', extensions: ['asice'] }] });
      if (!target) throw new AppFailure('CANCELLED', 'Đã hủy xuất hồ sơ');
      ctl.throwIfCancelled();
      ctl.progress(0, 1, 'Mở khóa ký');
      const signer = await openKey(ctx, ref, secret);
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
        files.set(jobId, res.path);
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
          ...(target.downloadId ? { downloadId: target.downloadId } : {}),
        };
      } finally {
        await signer.close();
      }
    });
    jobId = job.id;
    return job;
  },

  'submission.showInFolder': async (input, ctx) => {
    const path = stateOf(ctx).files.get(input.jobId);
    if (!path) return { shown: false };
    await ctx.host.showInFolder(path);
    return { shown: true };
  },
};

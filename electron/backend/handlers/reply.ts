import { basename } from 'node:path';

import type { ReplyExportResult } from '../../../shared/ipc/channels/reply';
import { AppFailure } from '../../../shared/ipc/result';
import { step } from '../../../shared/domain/progress-steps';
import { getUnitProfile } from '../db/repos/unit-repo';
import { explanationFileName, prepareExplanation } from '../services/reply/build-explanation';
import { attachNew, requireResult, saveDraft } from '../services/reply/draft';
import { exportExplanation } from '../services/reply/export-explanation';
import { importFinal } from '../services/reply/import-final';
import { importResult } from '../services/reply/import-result';
import { MAX_RESULT_PACKAGE_BYTES } from '../services/reply/verify-incoming';
import { replyViewOf, listReplyViews } from '../services/reply/view';
import { keyForSigning } from '../services/signing/choose-key';
import { chooseTargetThenOpenKey } from '../services/signing/target-then-key';
import { trustOf, verifyWithWorker } from '../services/trust/verify';
import { readSingleFile } from './single-file';
import type { HandlerSlice } from './types';

type Channels = 'reply.list' | 'reply.importResult' | 'reply.saveDraft' | 'reply.attach' | 'reply.export' | 'reply.importFinal';

const PACKAGE_PICK = { filters: [{ name: { vi: 'Gói ký số', en: 'Signed package' }, extensions: ['asice'] }], maxBytes: MAX_RESULT_PACKAGE_BYTES };
const EVIDENCE_FILTERS = [{ name: { vi: 'Tài liệu kiểm chứng', en: 'Evidence documents' }, extensions: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'jpg', 'jpeg', 'png', 'zip'] }];

/** The unit's side after its submission: appraisal result in, giải trình out, final result in. */
export const replyHandlers: HandlerSlice<Channels> = {
  'reply.list': (_input, ctx) => ({ results: listReplyViews(ctx) }),

  'reply.importResult': async (input, ctx) => {
    // Size checked before a byte is read (readSingleFile), then verified in the worker (verify-incoming.ts).
    const { data } = await readSingleFile(ctx, input.uploadId ? { kind: 'upload', uploadId: input.uploadId } : { kind: 'dialog' }, {
      title: { vi: 'Chọn gói kết quả thẩm định của Sở Nội vụ', en: 'Choose the Department’s appraisal result package' },
      ...PACKAGE_PICK,
    });
    return ctx.jobs.start('reply.importResult', (ctl) => importResult(ctx, data, { signal: ctl.signal }));
  },

  'reply.importFinal': async (input, ctx) => {
    const { data } = await readSingleFile(ctx, input.uploadId ? { kind: 'upload', uploadId: input.uploadId } : { kind: 'dialog' }, {
      title: { vi: 'Chọn gói kết quả cuối cùng của Sở Nội vụ', en: 'Choose the Department’s final result package' },
      ...PACKAGE_PICK,
    });
    return ctx.jobs.start('reply.importFinal', (ctl) => importFinal(ctx, data, { signal: ctl.signal }));
  },

  'reply.saveDraft': (input, ctx) => {
    saveDraft(ctx, input.resultId, input.items);
    const view = replyViewOf(ctx, input.resultId);
    if (!view) throw AppFailure.of('REPLY_RESULT_NOT_FOUND');
    return view;
  },

  'reply.attach': async (input, ctx) => {
    requireResult(ctx, input.resultId);
    let file: { path: string; name: string };
    let release = (): void => {};
    if (input.uploadId) {
      const up = ctx.uploads.get(input.uploadId);
      file = { path: up.path, name: up.name };
      const owned = ctx.host.kind === 'web';
      release = () => ctx.uploads.release(up.id, owned);
    } else {
      const picked = await ctx.host.pickFiles({ title: { vi: 'Chọn tài liệu cho giải trình', en: 'Choose a document for the explanation' }, filters: EVIDENCE_FILTERS, multiple: false });
      if (!picked && ctx.host.kind === 'web') throw AppFailure.of('WEB_ATTACH_BY_UPLOAD');
      if (!picked || picked.length === 0) throw AppFailure.of('NOTHING_PICKED');
      file = { path: picked[0]!, name: basename(picked[0]!) };
    }
    return ctx.jobs.start('reply.attach', async (ctl) => {
      try {
        return await attachNew(ctx, input.resultId, file, { signal: ctl.signal, onProgress: (d, t, l) => ctl.progress(d, t, l) });
      } finally {
        release();
      }
    });
  },

  'reply.export': (input, ctx) => {
    // Every rule answered before the save dialog opens (and again inside the job, build-explanation.ts).
    const first = prepareExplanation(ctx, input.resultId);
    const { ref, secret } = keyForSigning(ctx, input.keyId, input);
    const unitCode = getUnitProfile(ctx.db)?.code ?? first.explanation.unit.code;
    const defaultName = explanationFileName(unitCode, first.explanation.year, first.explanation.revision);
    return ctx.jobs.start('reply.export', async (ctl): Promise<ReplyExportResult> => {
      const save = { label: step('CHOOSE_EXPLANATION_TARGET'), title: { vi: 'Lưu gói giải trình', en: 'Save the explanation package' }, defaultName, filterName: { vi: 'Gói ký số', en: 'Signed package' }, cancelled: 'REPLY_EXPORT_CANCELLED' } as const;
      const { target, signer } = await chooseTargetThenOpenKey(ctx, ctl, save, { ref, secret });
      try {
        const res = await exportExplanation(ctx, {
          resultId: input.resultId,
          signer,
          out: target.path,
          fileName: target.downloadId ? defaultName : basename(target.path),
          trust: trustOf(ctx),
          signal: ctl.signal,
          onProgress: (d, t, l) => ctl.progress(d, t, l),
          verify: (file, trust) => verifyWithWorker(ctx, file, trust, ctl.signal, undefined, { anyKind: true, expectKind: 'explanation' }),
        });
        const v = res.verification;
        return {
          fileName: target.downloadId ? defaultName : basename(res.path),
          sizeBytes: res.size,
          sha256: res.sha256,
          explanationId: res.explanationId,
          revision: res.revision,
          status: v?.status ?? 'VALID',
          code: v?.code ?? 'OK',
          ...(target.downloadId ? { downloadId: target.downloadId } : {}),
        };
      } finally {
        await signer.close();
      }
    });
  },
};

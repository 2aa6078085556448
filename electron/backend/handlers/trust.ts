import { AppFailure } from '../../../shared/ipc/result';
import { importTrust, listTrust, removeTrust } from '../services/trust/trust-dir';
import { trustOf, verifyWithWorker } from '../services/trust/verify';
import { readSingleFile } from './single-file';
import type { HandlerSlice } from './types';

type Channels = 'trust.verify' | 'trust.list' | 'trust.import' | 'trust.remove';

/** Verifying bundles, and the trust anchors and CRLs that check uses (stored in <dataDir>/trust). */
export const trustHandlers: HandlerSlice<Channels> = {
  'trust.verify': async (input, ctx) => {
    let file: string;
    if (input.uploadId) file = ctx.uploads.get(input.uploadId).path;
    else {
      const picked = await ctx.host.pickFiles({ title: { vi: 'Chọn hồ sơ nộp cần kiểm tra', en: 'Choose the package to verify' }, filters: [{ name: { vi: 'Hồ sơ nộp ký số', en: 'Signed submission' }, extensions: ['asice', 'zip'] }], multiple: false });
      if (!picked?.[0]) throw AppFailure.of('NO_BUNDLE_PICKED');
      file = picked[0];
    }
    const trust = trustOf(ctx);
    return ctx.jobs.start('trust.verify', (ctl) => verifyWithWorker(ctx, file, trust, ctl.signal, (d, t, l) => ctl.progress(d, t, l), { anyKind: true }));
  },

  'trust.list': (_input, ctx) => listTrust(ctx.dataDir),

  'trust.import': async (input, ctx) => {
    const { name, data } = await readSingleFile(ctx, input.uploadId ? { kind: 'upload', uploadId: input.uploadId } : { kind: 'dialog' }, {
      title: { vi: 'Chọn chứng thư gốc tin cậy hoặc danh sách thu hồi', en: 'Choose a trusted root certificate or a revocation list' },
      filters: [{ name: { vi: 'Chứng thư số, CRL', en: 'Certificates, CRL' }, extensions: ['pem', 'crt', 'cer', 'der', 'crl'] }],
      maxBytes: 4 * 1024 * 1024,
    });
    const added = importTrust(ctx.dataDir, new Uint8Array(data), name);
    ctx.logger.info('trust.import', { added: added.map((e) => `${e.kind}:${e.fingerprint.slice(0, 16)}`).join(',') });
    return { added };
  },

  'trust.remove': (input, ctx) => {
    const removed = removeTrust(ctx.dataDir, input.fingerprint);
    if (removed) ctx.logger.info('trust.remove', { fingerprint: input.fingerprint.slice(0, 16) });
    return { removed };
  },
};

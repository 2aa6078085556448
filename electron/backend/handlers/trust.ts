import { importTrust, listTrust, removeTrust } from '../services/trust/trust-dir';
import { readSingleFile } from './single-file';
import type { HandlerSlice } from './types';

type Channels = 'trust.list' | 'trust.import' | 'trust.remove';

/** Trust anchors and CRLs for 'submission.verify' (stored in <dataDir>/trust, read by handlers/submission.ts). */
export const trustHandlers: HandlerSlice<Channels> = {
  'trust.list': (_input, ctx) => listTrust(ctx.dataDir),

  'trust.import': async (input, ctx) => {
    const { name, data } = await readSingleFile(ctx, input.uploadId ? { kind: 'upload', uploadId: input.uploadId } : { kind: 'dialog' }, {
      title: 'Chọn chứng thư gốc tin cậy hoặc danh sách thu hồi',
      filters: [{ name: 'Chứng thư số, CRL', extensions: ['pem', 'crt', 'cer', 'der', 'crl'] }],
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

import { basename } from 'node:path';

import type { RoundExportResult } from '../../../shared/ipc/channels/round';
import { AppFailure } from '../../../shared/ipc/result';
import { step } from '../../../shared/domain/progress-steps';
import { officialSetShas } from '../db/repos/received-round-repo';
import { getUnitProfile } from '../db/repos/unit-repo';
import { roundDashboard } from '../services/round/dashboard';
import { exportRound, roundFileName } from '../services/round/export-round';
import { importRound, MAX_ROUND_PACKAGE_BYTES } from '../services/round/import-round';
import { listReceived } from '../services/round/received';
import { listRoundDetails, refreshRoundUnits, requireRound, saveRoundDraft } from '../services/round/rounds';
import { keyForSigning } from '../services/signing/choose-key';
import { chooseTargetThenOpenKey } from '../services/signing/target-then-key';
import { trustOf, verifyWithWorker } from '../services/trust/verify';
import { readSingleFile } from './single-file';
import type { HandlerSlice } from './types';

type Channels = 'round.list' | 'round.save' | 'round.refreshUnits' | 'round.dashboard' | 'round.export' | 'round.import';

/** The annual round: Sở Nội vụ's side (save, sign and export) and the unit's side (import and binding). */
export const roundHandlers: HandlerSlice<Channels> = {
  'round.list': (_input, ctx) => ({ rounds: listRoundDetails(ctx), received: listReceived(ctx), officialSetShas: officialSetShas(ctx.db) }),

  'round.save': (input, ctx) => saveRoundDraft(ctx, input),

  'round.refreshUnits': (input, ctx) => refreshRoundUnits(ctx, input.roundId),

  'round.dashboard': (input, ctx) => roundDashboard(ctx, input.year),

  'round.export': (input, ctx) => {
    const round = requireRound(ctx, input.roundId);
    const { ref, secret } = keyForSigning(ctx, input.keyId, input);
    const unit = getUnitProfile(ctx.db);
    if (!unit) throw AppFailure.of('ROUND_ISSUER_FIRST');
    const defaultName = roundFileName(unit.code, round.year, round.revision);
    return ctx.jobs.start('round.export', async (ctl): Promise<RoundExportResult> => {
      const save = { label: step('CHOOSE_ROUND_TARGET'), title: { vi: 'Lưu gói đợt đánh giá', en: 'Save the round package' }, defaultName, filterName: { vi: 'Gói ký số', en: 'Signed package' }, cancelled: 'ROUND_EXPORT_CANCELLED' } as const;
      const { target, signer } = await chooseTargetThenOpenKey(ctx, ctl, save, { ref, secret });
      try {
        const res = await exportRound(ctx, {
          roundId: round.id,
          signer,
          out: target.path,
          trust: trustOf(ctx),
          signal: ctl.signal,
          onProgress: (d, t, l) => ctl.progress(d, t, l),
          verify: (file, trust) => verifyWithWorker(ctx, file, trust, ctl.signal, undefined, { anyKind: true, expectKind: 'round' }),
        });
        const v = res.verification;
        return {
          fileName: target.downloadId ? defaultName : basename(res.path),
          sizeBytes: res.size,
          sha256: res.sha256,
          revision: round.revision,
          status: v?.status ?? 'VALID',
          code: v?.code ?? 'OK',
          ...(target.downloadId ? { downloadId: target.downloadId } : {}),
        };
      } finally {
        await signer.close();
      }
    });
  },

  'round.import': async (input, ctx) => {
    // Size checked before a byte is read (readSingleFile), the package verified in the worker (import-round.ts).
    const { data } = await readSingleFile(ctx, input.uploadId ? { kind: 'upload', uploadId: input.uploadId } : { kind: 'dialog' }, {
      title: { vi: 'Chọn gói đợt đánh giá của Sở Nội vụ', en: 'Choose the Department’s round package' },
      filters: [{ name: { vi: 'Gói ký số', en: 'Signed package' }, extensions: ['asice'] }],
      maxBytes: MAX_ROUND_PACKAGE_BYTES,
    });
    return ctx.jobs.start('round.import', (ctl) => importRound(ctx, data, { signal: ctl.signal, onProgress: (d, t, l) => ctl.progress(d, t, l) }));
  },
};

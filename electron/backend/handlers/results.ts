import type { ResultsExportOutcome } from '../../../shared/ipc/channels/results';
import { compareVietnamese } from '../../../shared/domain/ranking';
import { AppFailure } from '../../../shared/ipc/result';
import { step } from '../../../shared/domain/progress-steps';
import { listCurrentImports } from '../db/repos/inbox-repo';
import { latestIssuedResult } from '../db/repos/issued-result-repo';
import { requireImport } from '../services/inbox/model';
import { chooseBlockTarget } from '../services/results/block-target';
import { buildResult } from '../services/results/build-result';
import { exportResults } from '../services/results/export-results';
import { sentOf, sentStatusOf } from '../services/results/sent-status';
import { keyForSigning } from '../services/signing/choose-key';
import { openSigningKey } from '../services/signing/open-key';
import type { Signer } from '../services/signing/signer';
import type { SaveTarget } from '../host';
import { chooseTargetThenOpenKey } from '../services/signing/target-then-key';
import { trustOf, verifyWithWorker } from '../services/trust/verify';
import type { HandlerSlice } from './types';

type Channels = 'results.build' | 'results.status' | 'results.export';

/** Sở Nội vụ's appraisal results: preview, whom they were sent to, and the signed export (services/results). */
export const resultsHandlers: HandlerSlice<Channels> = {
  'results.build': (input, ctx) => {
    const built = buildResult(ctx, requireImport(ctx, input.importId));
    const last = latestIssuedResult(ctx.db, built.content.roundId, built.row.unitCode);
    return { content: built.content, fileName: built.fileName, sent: last ? sentOf(ctx, last) : null };
  },

  'results.status': (input, ctx) => ({ rows: sentStatusOf(ctx, input.year) }),

  'results.export': (input, ctx) => {
    const { ref, secret } = keyForSigning(ctx, input.keyId, input);
    const scope = input.scope;
    // Checked before the job starts: the unit's result must build (round, reasons), a block must have units.
    const rows =
      scope.kind === 'unit'
        ? [buildResult(ctx, requireImport(ctx, scope.importId)).row]
        : listCurrentImports(ctx.db, scope.year)
            .filter((r) => r.unitType === scope.block)
            .sort((a, b) => compareVietnamese(a.unitName, b.unitName));
    if (rows.length === 0) throw AppFailure.of('RESULTS_BLOCK_EMPTY');
    return ctx.jobs.start('results.export', async (ctl): Promise<ResultsExportOutcome> => {
      let targetFor: (fileName: string) => Promise<SaveTarget>;
      let signer: Signer;
      if (scope.kind === 'unit') {
        const first = buildResult(ctx, rows[0]!);
        const save = { label: step('CHOOSE_RESULT_TARGET'), title: { vi: 'Lưu gói kết quả thẩm định', en: 'Save the appraisal result package' }, defaultName: first.fileName, filterName: { vi: 'Gói ký số', en: 'Signed package' }, cancelled: 'RESULTS_EXPORT_CANCELLED' } as const;
        const chosen = await chooseTargetThenOpenKey(ctx, ctl, save, { ref, secret });
        signer = chosen.signer;
        targetFor = async () => chosen.target;
      } else {
        ctl.progress(0, rows.length, step('CHOOSE_RESULTS_FOLDER'));
        targetFor = await chooseBlockTarget(ctx);
        ctl.throwIfCancelled();
        ctl.progress(0, rows.length, step('UNLOCK_KEY'));
        signer = await openSigningKey(ref, secret, ctx.workerLauncher);
      }
      try {
        const out = await exportResults(ctx, {
          rows,
          signer,
          targetFor,
          trust: trustOf(ctx),
          signal: ctl.signal,
          onProgress: (d, t, l) => ctl.progress(d, t, l),
          verify: (file, trust) => verifyWithWorker(ctx, file, trust, ctl.signal, undefined, { anyKind: true, expectKind: 'appraisal-result' }),
        });
        // One unit asked for: its failure is the job's failure, with its own reason.
        const failed = out.failures[0];
        if (scope.kind === 'unit' && failed) throw AppFailure.fromError(failed.error);
        return out;
      } finally {
        await signer.close();
      }
    });
  },
};

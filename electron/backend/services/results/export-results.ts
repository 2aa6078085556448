import { rm } from 'node:fs/promises';
import { basename } from 'node:path';

import { AppFailure } from '../../../../shared/ipc/result';
import type { ResultsExportOutcome } from '../../../../shared/ipc/channels/results';
import { APPRAISAL_RESULT_PATH } from '../../../../shared/schemas/appraisal-result';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import { step } from '../../../../shared/domain/progress-steps';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { toAppError } from '../../errors';
import type { SaveTarget } from '../../host';
import { insertIssuedResult } from '../../db/repos/issued-result-repo';
import type { ImportedSubmissionRow } from '../../db/repos/inbox-repo';
import { inTransaction } from '../../db/transaction';
import { selfCheckTrust } from '../bundle/export-assessment';
import { packContainer } from '../bundle/pack-container';
import type { TrustStore } from '../bundle/verify/trust';
import { verifyPackage } from '../bundle/verify/verify-bundle';
import { rankedBlocks } from '../inbox/listing';
import type { Signer } from '../signing/signer';
import { buildResult } from './build-result';

export type ExportResultsOptions = {
  rows: ImportedSubmissionRow[];
  signer: Signer;
  /** Where one unit's package goes (a file in the chosen folder, or a download in the web host). */
  targetFor: (fileName: string) => Promise<SaveTarget>;
  trust?: TrustStore | null;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** How a written package is verified before it counts (the worker in the app; in process in tests). */
  verify?: (file: string, trust: TrustStore) => Promise<VerifyResult>;
};

const cancelled = (signal?: AbortSignal): boolean => !!signal?.aborted;

/**
 * Signs one appraisal-result package per unit, in order (docs/package-formats.md §4): build from the inbox
 * model, pack, self-verify as an appraisal-result before the file takes its name (packContainer), then record
 * it in issued_result. A unit that fails is listed with its reason and the others go on; if recording fails
 * the written file is removed, so a package on disk is always one Sở Nội vụ has a record of. Cancel stops
 * before the next unit (the ones already written stay written and recorded).
 */
export const exportResults = async (ctx: BackendContext, o: ExportResultsOptions): Promise<ResultsExportOutcome> => {
  const trust = selfCheckTrust(o.signer, o.trust);
  const verify = o.verify ?? (async (file: string, t: TrustStore) => (await verifyPackage(file, { trust: t, now: ctx.now(), expectKind: 'appraisal-result' })).result);
  const years = new Set(o.rows.map((r) => r.year));
  const ranked = new Map([...years].map((y) => [y, rankedBlocks(ctx, y)]));
  const out: ResultsExportOutcome = { issued: [], failures: [] };
  const n = o.rows.length;
  for (const [i, row] of o.rows.entries()) {
    if (cancelled(o.signal)) throw AppFailure.of('RESULTS_EXPORT_CANCELLED', { done: i, total: n });
    o.onProgress?.(i, n, step('UNIT_OF_BATCH', { i: i + 1, n, name: row.unitName }));
    try {
      const built = buildResult(ctx, row, ranked.get(row.year));
      const target = await o.targetFor(built.fileName);
      const now = ctx.now();
      const res = await packContainer({
        out: target.path,
        content: { path: APPRAISAL_RESULT_PATH, value: built.content },
        files: [],
        buffers: [],
        signer: o.signer,
        now,
        ...(o.signal ? { signal: o.signal } : {}),
        verify: (file) => verify(file, trust),
      });
      try {
        inTransaction(ctx.db, () =>
          insertIssuedResult(ctx.db, {
            resultId: built.content.resultId,
            revision: built.content.revision,
            importId: row.id,
            roundId: built.content.roundId,
            year: row.year,
            unitCode: row.unitCode,
            unitType: row.unitType,
            packageSha256: res.sha256,
            packageSize: res.size,
            fileName: built.fileName,
            resultJson: JSON.stringify(built.content),
            issuedAt: now.toISOString(),
          }),
        );
      } catch (e) {
        await rm(res.path, { force: true });
        throw e;
      }
      ctx.logger.info('appraisal result issued', { resultId: built.content.resultId, revision: built.content.revision, unit: row.unitCode, sha256: res.sha256 });
      out.issued.push({
        importId: row.id,
        unitCode: row.unitCode,
        unitName: row.unitName,
        revision: built.content.revision,
        fileName: target.downloadId ? built.fileName : basename(res.path),
        sizeBytes: res.size,
        sha256: res.sha256,
        ...(target.downloadId ? { downloadId: target.downloadId } : {}),
      });
    } catch (e) {
      if (cancelled(o.signal)) throw AppFailure.of('RESULTS_EXPORT_CANCELLED', { done: out.issued.length, total: n });
      out.failures.push({ importId: row.id, unitCode: row.unitCode, unitName: row.unitName, error: toAppError(e, ctx.logger) });
    }
  }
  o.onProgress?.(n, n, step('DONE'));
  return out;
};

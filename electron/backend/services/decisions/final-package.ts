import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

import yazl from 'yazl';

import { AppFailure } from '../../../../shared/ipc/result';
import { FINAL_RESULT_PATH } from '../../../../shared/schemas/final-result';
import type { FinalResult } from '../../../../shared/schemas/final-result';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import { step } from '../../../../shared/domain/progress-steps';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { findClosing, highestFinalRevision, insertIssuedFinal, listClosedUnits } from '../../db/repos/decisions-repo';
import type { ClosedUnitRow } from '../../db/repos/decisions-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';
import { selfCheckTrust } from '../bundle/export-assessment';
import { packContainer } from '../bundle/pack-container';
import type { TrustStore } from '../bundle/verify/trust';
import { verifyPackage } from '../bundle/verify/verify-bundle';
import { APP_NAME } from '../round/export-round';
import type { Signer } from '../signing/signer';
import { finalDataOf } from './final-table';

/** `<MãĐơnVị>_KetQuaCuoiCung_<năm>_r<lần>.asice`: the file Sở sends to one unit when the round is closed. */
export const finalFileName = (unitCode: string, year: number, revision: number): string => `${unitCode}_KetQuaCuoiCung_${year}_r${revision}.asice`;

/** The closed units a package export covers: one unit, a block, or (neither given) every unit of the year. */
export const unitsToExport = (ctx: BackendContext, year: number, pick: { unitCode?: string | undefined; block?: string | undefined }): ClosedUnitRow[] => {
  if (!findClosing(ctx.db, year)) throw AppFailure.of('DECISIONS_NOT_CLOSED', { year });
  const all = listClosedUnits(ctx.db, year);
  const units = pick.unitCode ? all.filter((u) => u.unitCode.toLowerCase() === pick.unitCode!.toLowerCase()) : all.filter((u) => !pick.block || u.unitType === pick.block);
  if (pick.unitCode && units.length === 0) throw AppFailure.of('DECISIONS_UNIT_NOT_CLOSED', { code: pick.unitCode, year });
  const missing = units.find((u) => !u.resultId);
  if (missing) throw AppFailure.of('DECISIONS_NO_RESULT', { code: missing.unitCode });
  return units;
};

/** final.json of one closed unit (shared/schemas/final-result.ts): what was fixed at closing, and who issues it. */
export const finalContentOf = (ctx: BackendContext, u: ClosedUnitRow, revision: number, now: Date): FinalResult => {
  const issuer = getUnitProfile(ctx.db);
  if (!issuer) throw AppFailure.of('ROUND_ISSUER_FIRST');
  const closing = findClosing(ctx.db, u.year)!;
  const d = finalDataOf(u);
  return {
    format: 'SATB/1',
    kind: 'final-result',
    resultId: u.resultId!,
    revision,
    createdAt: now.toISOString(),
    closedAt: closing.closedAt,
    app: { name: APP_NAME, version: ctx.appVersion },
    issuer: { code: issuer.code, name: issuer.name },
    roundId: d.roundId,
    year: u.year,
    unit: { code: u.unitCode, name: u.unitName, block: u.unitType },
    submission: d.submission,
    indicatorSet: d.indicatorSet,
    criteria: d.criteria,
    survey: d.survey,
    totals: d.totals,
    rank: { rank: u.rank, of: u.rankOf },
  };
};

export type FinalPackageOptions = {
  year: number;
  units: ClosedUnitRow[];
  signer: Signer;
  /** One unit: the .asice itself; several: a .zip holding one .asice per unit. */
  out: string;
  trust?: TrustStore | null;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  verify?: (file: string, trust: TrustStore) => Promise<VerifyResult>;
};

/**
 * Signs the final-result package of each unit, verifies every written file as a `final-result` before it is
 * kept (like services/round/export-round.ts) and records each one issued. Cancelling stops between units.
 */
export const exportFinalPackages = async (ctx: BackendContext, o: FinalPackageOptions): Promise<{ count: number; size: number; files: string[] }> => {
  const now = ctx.now();
  const trust = selfCheckTrust(o.signer, o.trust);
  const verify = o.verify ?? (async (file: string, t: TrustStore) => (await verifyPackage(file, { trust: t, now, expectKind: 'final-result' })).result);
  const single = o.units.length === 1;
  const dir = join(ctx.dataDir, 'tmp', `final-${now.getTime()}-${process.pid}`);
  if (!single) mkdirSync(dir, { recursive: true });
  const written: { name: string; path: string }[] = [];
  try {
    let size = 0;
    for (const [i, u] of o.units.entries()) {
      if (o.signal?.aborted) throw AppFailure.of('DECISIONS_EXPORT_CANCELLED');
      o.onProgress?.(i, o.units.length, step('SIGNING_FINAL_OF', { unit: u.unitName }));
      const revision = highestFinalRevision(ctx.db, u.resultId!) + 1;
      const name = finalFileName(u.unitCode, u.year, revision);
      const target = single ? o.out : join(dir, name);
      const res = await packContainer({
        out: target,
        content: { path: FINAL_RESULT_PATH, value: finalContentOf(ctx, u, revision, now) },
        files: [],
        buffers: [],
        signer: o.signer,
        now,
        ...(o.signal ? { signal: o.signal } : {}),
        verify: (file) => verify(file, trust),
      });
      insertIssuedFinal(ctx.db, { resultId: u.resultId!, revision, year: u.year, unitCode: u.unitCode, packageSha256: res.sha256, packageSize: res.size, fileName: name, issuedAt: now.toISOString() });
      written.push({ name, path: res.path });
      size += res.size;
    }
    if (!single) {
      const zip = new yazl.ZipFile();
      for (const w of written) zip.addFile(w.path, w.name, { mtime: now, compress: false });
      zip.end();
      await pipeline(zip.outputStream, createWriteStream(o.out));
    }
    o.onProgress?.(o.units.length, o.units.length, step('DONE'));
    ctx.logger.info('decisions: final packages exported', { year: o.year, count: written.length });
    return { count: written.length, size, files: written.map((w) => w.name) };
  } finally {
    if (!single) rmSync(dir, { recursive: true, force: true });
  }
};

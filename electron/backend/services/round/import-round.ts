import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { blockPhrase } from '../../../../shared/domain/blocks';
import { AppFailure } from '../../../../shared/ipc/result';
import type { BundleCode } from '../../../../shared/domain/bundle-codes';
import { step } from '../../../../shared/domain/progress-steps';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { bindAssessmentsToRound, receivedRevisions, receivedRoundForYear, saveReceivedRound } from '../../db/repos/received-round-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';
import { inTransaction } from '../../db/transaction';
import { writeFileAtomicSync } from '../../storage/atomic-write';
import type { VerifyLimits } from '../bundle/constants';
import { ROUND_PATH } from '../bundle/constants';
import { BundleFailure, fail } from '../bundle/verify/failure';
import { checkRoundSemantics } from '../bundle/verify/round-semantics';
import type { CheckedRound } from '../bundle/verify/round-semantics';
import type { TrustStore } from '../bundle/verify/trust';
import { checkedContent, checkedKept, checkInWorker } from '../bundle/verify/verify-process';
import type { WorkerVerdict } from '../bundle/verify/verify-process';
import { safeName } from '../indicator-sets/import-set';
import { serializeSetJson } from '../indicator-sets/set-io';
import { trustOf } from '../trust/verify';

/** A round package is round.json and ≤ 3 sets (the shipped sets are < 100 KB): far below these, checked first. */
export const MAX_ROUND_PACKAGE_BYTES = 32 * 1_048_576;
export const ROUND_LIMITS: Partial<VerifyLimits> = { maxBundleBytes: MAX_ROUND_PACKAGE_BYTES, maxEntries: 16, maxTotalBytes: 64 * 1_048_576, timeoutMs: 120_000 };

export type ImportRoundResult = { roundId: string; year: number; revision: number; bound: string[]; other: string[]; newSets: number };

const refused = (code: BundleCode, detail?: string): AppFailure => AppFailure.of('ROUND_REFUSED', { check: code }, { bundleCode: code, ...(detail ? { detail } : {}) });

/**
 * The app's check: the isolated worker, as a round only, with the replay list and this unit's anchors; it
 * returns round.json and the sets as it checked them.
 */
const verifyInIsolation = (ctx: BackendContext, file: string, trust: TrustStore, signal?: AbortSignal): Promise<WorkerVerdict> =>
  checkInWorker(file, {
    trust,
    checkSets: false,
    knownSets: [],
    imported: [],
    anyKind: true,
    expectKind: 'round',
    importedRounds: receivedRevisions(ctx.db),
    limits: ROUND_LIMITS,
    withContent: true,
    launcher: ctx.workerLauncher,
    ...(signal ? { signal } : {}),
  });

/** The worker's round.json and sets, each compared with the signed manifest, through step 8 again (pure). */
const checkedRound = (verdict: WorkerVerdict): CheckedRound => {
  try {
    const signer = verdict.result.signer ?? fail('E_SIGNER_COUNT', 'no signer in a valid report');
    return checkRoundSemantics(checkedContent(verdict, ROUND_PATH), checkedKept(verdict), signer, {});
  } catch (e) {
    throw e instanceof BundleFailure ? refused(e.code, e.detail) : e;
  }
};

/**
 * A unit imports Sở Nội vụ's round package (docs/package-formats.md): the bytes (size-checked by the caller
 * before reading) are written to a private temp file, verified there in the worker against the unit's trust
 * anchors (a round signed under another root, tampered, or whose set does not hash to what round.json
 * declares is refused); the worker returns round.json and the sets as it checked them, and this process runs
 * the round's step 8 once more on those bytes for the typed content, without parsing the package. Then this
 * unit's own rules: its profile exists, it is on the round's unit list in the same block, no other round holds
 * the year, no local set of the same id and version differs. Only then are the official sets written to the catalog's folder and, in
 * one transaction, the round stored and the year's assessments bound. A refusal stores nothing.
 */
export const importRound = async (
  ctx: BackendContext,
  data: Buffer,
  o: { signal?: AbortSignal; onProgress?: OnProgress } = {},
): Promise<ImportRoundResult> => {
  if (data.length > MAX_ROUND_PACKAGE_BYTES) throw refused('E_LIMIT', `${data.length} bytes`);
  const userDir = ctx.catalog.userDir;
  if (!userDir) throw AppFailure.of('SET_IMPORT_NO_FOLDER');
  const tmpDir = join(ctx.dataDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const file = join(tmpDir, `round-${randomBytes(8).toString('hex')}.asice`);
  const written: string[] = [];
  try {
    writeFileSync(file, data, { flag: 'wx' });
    // Only the anchors the unit added: a round never falls back to the signer's own chain (trustOf's unit-side self-check).
    const trust: TrustStore = { ...trustOf(ctx), selfCheckWhenEmpty: false };
    o.onProgress?.(0, 2, step('CHECKING_ROUND'));
    const verdict = await verifyInIsolation(ctx, file, trust, o.signal);
    const v = verdict.result;
    if (o.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
    if (v.status === 'INVALID') throw refused(v.code, v.detail);
    const checked = checkedRound(verdict);
    const r = checked.round;
    o.onProgress?.(1, 2, step('SAVING_ROUND'));

    const unit = getUnitProfile(ctx.db);
    if (!unit) throw AppFailure.of('ROUND_UNIT_PROFILE_FIRST');
    const listed = r.units.find((u) => u.code.toLowerCase() === unit.code.toLowerCase());
    if (!listed) throw AppFailure.of('ROUND_UNIT_NOT_LISTED', { code: unit.code, year: r.year });
    if (listed.block !== unit.type) throw AppFailure.of('ROUND_UNIT_BLOCK_MISMATCH', { code: unit.code, listed: blockPhrase(listed.block), declared: blockPhrase(unit.type) });
    const held = receivedRoundForYear(ctx.db, r.year);
    if (held && held.roundId !== r.roundId) throw AppFailure.of('ROUND_OTHER_FOR_YEAR', { year: r.year });
    if (held && held.revision >= r.revision) throw refused('E_REPLAY', `round ${r.roundId} revision ${r.revision}`);
    const toWrite: { target: string; text: string }[] = [];
    const planned = new Set<string>();
    for (const ref of r.sets) {
      const same = ctx.catalog.listAll().find((e) => e.summary.id === ref.id && e.summary.version === ref.version);
      if (same && same.summary.sha256 !== ref.sha256) throw AppFailure.of('ROUND_SET_CLASH', { id: ref.id, version: ref.version });
      // One set may serve two blocks (phường and xã share one): written once.
      if (same || planned.has(ref.sha256)) continue;
      planned.add(ref.sha256);
      const set = checked.sets.get(ref.path)!;
      toWrite.push({ target: join(userDir, `${safeName(set.id)}@${safeName(set.version)}-${ref.sha256.slice(0, 8)}.json`), text: serializeSetJson(set) });
    }
    mkdirSync(userDir, { recursive: true });
    for (const w of toWrite) {
      writeFileAtomicSync(w.target, Buffer.from(w.text, 'utf8'));
      written.push(w.target);
    }
    ctx.catalog.reload();
    for (const ref of r.sets) {
      const e = ctx.catalog.listAll().find((x) => x.summary.id === ref.id && x.summary.version === ref.version);
      if (!e || e.summary.sha256 !== ref.sha256) throw AppFailure.of('SET_RELOAD_FAILED', { detail: ctx.catalog.problems.join('; ') || `${ref.id} ${ref.version}` });
    }
    const mine = r.sets.find((s) => s.block === unit.type)!;
    const now = ctx.now().toISOString();
    const packageSha256 = createHash('sha256').update(data).digest('hex');
    const binding = inTransaction(ctx.db, () => {
      saveReceivedRound(
        ctx.db,
        {
          roundId: r.roundId,
          year: r.year,
          revision: r.revision,
          issuerCode: r.issuer.code,
          issuerName: r.issuer.name,
          signerSubject: v.signer?.subject ?? '',
          signerSha256: v.signer?.sha256 ?? '',
          packageSha256,
          deadlines: r.deadlines,
          roundJson: JSON.stringify(r),
          verificationJson: JSON.stringify({ ...v, bundleSha256: packageSha256 }),
          importedAt: now,
        },
        r.sets.map((s) => ({ block: s.block, setId: s.id, setVersion: s.version, setSha256: s.sha256 })),
      );
      return bindAssessmentsToRound(ctx.db, { roundId: r.roundId, year: r.year, setSha256: mine.sha256, deadline: r.deadlines.selfAssessmentDue, now });
    });
    written.length = 0;
    ctx.logger.info('round imported', { roundId: r.roundId, revision: r.revision, bound: binding.bound.length });
    o.onProgress?.(2, 2, step('DONE'));
    return { roundId: r.roundId, year: r.year, revision: r.revision, bound: binding.bound, other: binding.other, newSets: toWrite.length };
  } finally {
    rmSync(file, { force: true });
    if (written.length) {
      for (const w of written) rmSync(w, { force: true });
      ctx.catalog.reload();
    }
  }
};

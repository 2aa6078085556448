import { createHash, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { BUNDLE_CODES } from '../../../../shared/domain/bundle-codes';
import type { BundleCode } from '../../../../shared/domain/bundle-codes';
import { allNodes } from '../../../../shared/domain/indicator-tree';
import type { InboxImportResult } from '../../../../shared/ipc/channels/inbox';
import { AppFailure } from '../../../../shared/ipc/result';
import { EVIDENCE_PATH_RE, submissionSchema } from '../../../../shared/schemas/submission';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { BackendContext } from '../../context';
import { activeImportOf, highestRevision, importedRevisions, insertImport } from '../../db/repos/inbox-repo';
import { inTransaction } from '../../db/transaction';
import { sha256OfFile } from '../../storage/file-digest';
import { DEFAULT_LIMITS, SUBMISSION_PATH } from '../bundle/constants';
import { loadTrustStore } from '../bundle/verify/trust';
import type { TrustStore } from '../bundle/verify/trust';
import { verifyInWorker } from '../bundle/verify/verify-process';
import type { VerifyInWorkerOptions, VerifySession } from '../bundle/verify/verify-process';
import { BundleZipReader } from '../bundle/verify/zip-reader';
import { deleteBlobIfUnreferenced, registerEvidenceReference } from '../evidence/gc';
import { commitTemp, discardTemp, isStored } from '../evidence/store';
import type { TempCopy } from '../evidence/store';
import { checkAnswers } from './answer-check';
import { entryToTemp, ReusedFileGone } from './evidence-copy';
import { checkImportRules } from './import-rules';

// Files an imported submission points at are never garbage-collected while its row exists.
registerEvidenceReference({ table: 'imported_evidence', column: 'sha256' });

export type Progress = (done: number, total: number, label: string) => void;

/** Trust anchors and CRLs the administrator put in <data>/trust (nothing is built in). */
export const trustOf = (dataDir: string): TrustStore => {
  const dir = join(dataDir, 'trust');
  return existsSync(dir) ? loadTrustStore(dir) : { anchors: [], crls: [] };
};

/** The refusal shown to the appraiser: the verification code and its Vietnamese explanation. */
export const refusal = (code: BundleCode, detail?: string): AppFailure =>
  AppFailure.of('BUNDLE_REFUSED', { check: code }, { bundleCode: code, ...(detail ? { detail } : {}) });

/** What verification at import checks against: the trust anchors and every known set version. */
export type ImportVerifyBase = Pick<VerifyInWorkerOptions, 'trust' | 'knownSets'>;

/** Read once per batch (import-batch.ts), or once per single import. */
export const importVerifyBase = (ctx: BackendContext): ImportVerifyBase => ({
  trust: trustOf(ctx.dataDir),
  knownSets: ctx.catalog.listAll().map((e) => ({
    id: e.summary.id,
    version: e.summary.version,
    sha256: e.summary.sha256,
    indicatorIds: allNodes(e.document).map((v) => v.node.id),
  })),
});

/**
 * Verification in the isolated worker, with every known set version and the replay list (read now, so a batch
 * sees the packages it imported before). `session`: a worker kept across the files of a batch (import-batch.ts).
 */
export const verifyForImport = (ctx: BackendContext, file: string, signal?: AbortSignal, onProgress?: Progress, session?: VerifySession, base: ImportVerifyBase = importVerifyBase(ctx)): Promise<VerifyResult> =>
  (session ? session.verify : (f: string, o: Omit<VerifyInWorkerOptions, 'launcher'>) => verifyInWorker(f, { ...o, launcher: ctx.workerLauncher }))(file, {
    ...base,
    checkSets: true,
    fileDigest: true,
    imported: importedRevisions(ctx.db),
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });

/**
 * The verifier's W_SIGNER_NOT_REGISTERED only compares names (it has no register); at import the register's
 * check replaces it (E_SIGNER_NOT_REGISTERED refuses), so the warning is dropped from what is stored.
 */
const withoutNameCheck = (v: VerifyResult): VerifyResult => {
  const warnings = v.warnings.filter((w) => w.code !== 'W_SIGNER_NOT_REGISTERED');
  if (v.status !== 'VALID_WITH_WARNINGS' || warnings.length === v.warnings.length) return v;
  if (warnings.length === 0) return { ...v, status: 'VALID', code: 'OK', message: BUNDLE_CODES.OK.vi, warnings };
  return { ...v, code: warnings[0]!.code, message: warnings[0]!.message, warnings };
};

/**
 * The importer (docs/submission-format.md §5, steps 7–9, and §6): verify in the worker; an INVALID bundle
 * (replay included) is refused with nothing stored; so is a bundle that breaks an import rule of the register
 * or carries an answer the set's rules refuse (import-rules.ts, answer-check.ts). Then, by the
 * manifest-verified names only, each evidence entry the store does not already hold is streamed out of the
 * zip through SHA-256 into a temp file of the store (never extracted under a name from the zip), and in ONE
 * synchronous step the temps are renamed into the store and one transaction inserts the submission, its
 * answers snapshot, its evidence rows and the full verification report. An entry counted on as already
 * stored that is gone by then (ReusedFileGone) makes the package start again with every entry copied.
 */
export type ImportOptions = { signal?: AbortSignal; onProgress?: Progress; verify?: (file: string) => Promise<VerifyResult> };

export const importBundle = async (ctx: BackendContext, file: string, o: ImportOptions = {}): Promise<InboxImportResult> => {
  try {
    return await importOnce(ctx, file, o, false);
  } catch (e) {
    if (!(e instanceof ReusedFileGone)) throw e;
    return importOnce(ctx, file, o, true);
  }
};

const importOnce = async (ctx: BackendContext, file: string, o: ImportOptions, copyAll: boolean): Promise<InboxImportResult> => {
  const progress: Progress = o.onProgress ?? (() => {});
  const size = statSync(file).size;
  progress(0, size, 'Đang kiểm tra chữ ký và các tệp');
  // The package's own SHA-256 comes from the worker, which reads the file anyway (fileDigest); a verdict
  // without it (a test's) is completed here.
  const raw = await (o.verify ? o.verify(file) : verifyForImport(ctx, file, o.signal, progress));
  const bundleSha256 = raw.bundleSha256 ?? (await sha256OfFile(file, o.signal));
  if (o.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
  if (raw.status === 'INVALID') throw refusal(raw.code, raw.detail);
  const v = withoutNameCheck(raw);

  const temps: TempCopy[] = [];
  let reader: BundleZipReader | null = null;
  try {
    reader = await BundleZipReader.open(file, DEFAULT_LIMITS);
    const entries = new Map((await reader.readEntries(DEFAULT_LIMITS)).filter((e) => !e.isDir).map((e) => [e.name, e]));
    const verified = new Map(v.files.map((f) => [f.path, f]));
    // submission.json: the bytes whose digest the signed manifest lists.
    const subEntry = entries.get(SUBMISSION_PATH);
    const subVerified = verified.get(SUBMISSION_PATH);
    if (!subEntry || !subVerified) throw refusal('E_MISSING_ENTRY', SUBMISSION_PATH);
    const subBytes = await reader.readSmall(subEntry, DEFAULT_LIMITS.maxMetaBytes, 'E_META_TOO_LARGE');
    if (createHash('sha256').update(subBytes).digest('hex') !== subVerified.sha256) throw refusal('E_DIGEST_MISMATCH', SUBMISSION_PATH);
    const parsed = submissionSchema.safeParse(JSON.parse(subBytes.toString('utf8')));
    if (!parsed.success) throw refusal('E_SUBMISSION_SCHEMA');
    const s = parsed.data;
    const set = ctx.catalog.getVersion(s.indicatorSet.id, s.indicatorSet.version);
    if (set.summary.sha256 !== s.indicatorSet.sha256) throw refusal('E_INDICATOR_SET_MISMATCH');
    // The receiver's rules and the re-validation of every answer, before a single byte is copied.
    const checked = checkAnswers(set.document, s.answers);
    const signedAt = v.signingTime ? new Date(v.signingTime) : ctx.now();
    const { unit, year: yearNum } = checkImportRules(ctx.db, s, v.signer, set.document.unitTypes, signedAt);

    const evidence = v.files.filter((f) => EVIDENCE_PATH_RE.test(f.path));
    const total = evidence.reduce((n, f) => n + f.size, 0);
    let done = 0;
    const reused = copyAll ? [] : evidence.filter((f) => isStored(ctx.dataDir, f.sha256, f.size));
    for (const f of evidence) {
      if (reused.includes(f)) {
        done += f.size;
        continue;
      }
      progress(done, total, `Đang chép tài liệu kiểm chứng ${f.path}`);
      const entry = entries.get(f.path);
      if (!entry) throw refusal('E_MISSING_ENTRY', f.path);
      const stream = await reader.stream(entry);
      temps.push(await entryToTemp(ctx.dataDir, stream as AsyncIterable<Buffer>, { size: f.size, sha256: f.sha256, name: f.path }, o.signal));
      done += f.size;
    }
    progress(total, total, 'Đang lưu hồ sơ');
    reader.close();
    reader = null;

    const listed = new Map(s.evidence.map((e) => [e.path, e]));
    const id = randomUUID();
    const unitType = unit.block;
    // From here to the end of the transaction everything is synchronous: GC cannot run in between.
    if (reused.some((f) => !isStored(ctx.dataDir, f.sha256, f.size))) throw new ReusedFileGone();
    const created: string[] = [];
    for (const t of temps) if (commitTemp(ctx.dataDir, t).created) created.push(t.sha256);
    temps.length = 0;
    let supersededImportId: string | null = null;
    try {
      inTransaction(ctx.db, () => {
        const prev = highestRevision(ctx.db, s.submissionId);
        // Re-checked under the write lock: a concurrent import of the same revision loses here.
        if (prev && prev.revision >= s.revision) throw refusal('E_REPLAY', `${s.submissionId} revision ${s.revision}`);
        checkImportRules(ctx.db, s, v.signer, set.document.unitTypes, signedAt);
        // One active submission per unit and year: the one imported last; earlier ones stay as history.
        supersededImportId = activeImportOf(ctx.db, unit.code, yearNum)?.id ?? null;
        insertImport(ctx.db, {
          submission: {
            id,
            submissionId: s.submissionId,
            revision: s.revision,
            supersedes: s.supersedes,
            unitCode: unit.code,
            // The register's official name, never the bundle's claim.
            unitName: unit.name,
            unitType,
            year: yearNum,
            setId: s.indicatorSet.id,
            setVersion: s.indicatorSet.version,
            setSha256: s.indicatorSet.sha256,
            bundleSha256,
            bundleSize: size,
            signerSubject: v.signer?.subject ?? '',
            signerSha256: v.signer?.sha256 ?? '',
            status: v.status as 'VALID' | 'VALID_WITH_WARNINGS',
            verificationJson: JSON.stringify({ ...v, bundleSha256 }),
            submissionJson: subBytes.toString('utf8'),
            importedAt: ctx.now().toISOString(),
          },
          answers: checked.map(({ answer: a }) => ({
            nodeId: a.indicatorId,
            valueJson: JSON.stringify(a.value ?? null),
            note: a.note ?? '',
            evidence: a.evidence,
            declaredPoints: a.score?.points ?? null,
            declaredMax: a.score?.max ?? null,
            declaredExplanation: a.score?.explanation ?? '',
          })),
          evidence: evidence.map((f) => {
            const e = listed.get(f.path);
            return {
              path: f.path,
              originalName: e?.originalName ?? f.path,
              mediaType: e?.mediaType ?? 'application/octet-stream',
              size: f.size,
              sha256: f.sha256,
              metadata: e?.metadata ?? {},
            };
          }),
        });
      });
    } catch (e) {
      for (const sha of created) deleteBlobIfUnreferenced(ctx.db, ctx.dataDir, sha);
      throw e;
    }
    ctx.logger.info('inbox: bundle imported', { importId: id, submissionId: s.submissionId, revision: s.revision, evidence: evidence.length });
    return {
      importId: id,
      unitName: unit.name,
      unitType,
      year: yearNum,
      revision: s.revision,
      status: v.status,
      code: v.code,
      message: v.message,
      supersededImportId,
      evidenceCount: evidence.length,
      newFiles: created.length,
    };
  } catch (e) {
    if (e instanceof AppFailure || e instanceof ReusedFileGone) throw e;
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('E_')) throw refusal(code as BundleCode);
    throw e;
  } finally {
    reader?.close();
    for (const t of temps) discardTemp(t.tmpPath);
  }
};

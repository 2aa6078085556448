import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { BundleCode } from '../../../../shared/domain/bundle-codes';
import { MAX_EXPLANATION_EVIDENCE } from '../../../../shared/schemas/explanation';
import type { Explanation } from '../../../../shared/schemas/explanation';
import { EVIDENCE_PATH_RE } from '../../../../shared/schemas/submission';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { ExplanationImportResult } from '../../../../shared/ipc/channels/decisions';
import { AppFailure } from '../../../../shared/ipc/result';
import type { BackendContext } from '../../context';
import { insertExplanation } from '../../db/repos/decisions-repo';
import { inTransaction } from '../../db/transaction';
import type { VerifyLimits } from '../bundle/constants';
import { DEFAULT_LIMITS } from '../bundle/constants';
import type { TrustStore } from '../bundle/verify/trust';
import { verifyPackage } from '../bundle/verify/verify-bundle';
import { verifyInWorker } from '../bundle/verify/verify-process';
import { EXPLANATION_PROFILE } from '../bundle/verify/profile';
import { BundleZipReader } from '../bundle/verify/zip-reader';
import { deleteBlobIfUnreferenced, registerEvidenceReference } from '../evidence/gc';
import { commitTemp, discardTemp } from '../evidence/store';
import type { TempCopy } from '../evidence/store';
import { entryToTemp } from '../inbox/evidence-copy';
import { sha256OfFile } from '../../storage/file-digest';
import { refusal, trustOf } from '../inbox/import-bundle';
import { checkExplanationRules } from './explanation-rules';

// New evidence of a giải trình is never garbage-collected while its row exists.
registerEvidenceReference({ table: 'received_explanation_evidence', column: 'sha256' });

/** A giải trình carries at most MAX_EXPLANATION_EVIDENCE files: far below a submission's limits, checked first. */
export const MAX_EXPLANATION_PACKAGE_BYTES = 2 * 1024 ** 3;
export const EXPLANATION_LIMITS: Partial<VerifyLimits> = {
  maxBundleBytes: MAX_EXPLANATION_PACKAGE_BYTES,
  maxEntries: MAX_EXPLANATION_EVIDENCE + 8,
  maxEntryBytes: 512 * 1024 ** 2,
  maxTotalBytes: 4 * 1024 ** 3,
};

export type Progress = (done: number, total: number, label: string) => void;
type Verify = (file: string, trust: TrustStore) => Promise<VerifyResult>;

/** Sở's anchors only: a giải trình never falls back to the signer's own chain. */
const strictTrust = (ctx: BackendContext): TrustStore => ({ ...trustOf(ctx.dataDir), selfCheckWhenEmpty: false });

const inWorker = (ctx: BackendContext, signal?: AbortSignal): Verify => (file, trust) =>
  verifyInWorker(file, { trust, checkSets: false, knownSets: [], imported: [], anyKind: true, expectKind: 'explanation', limits: EXPLANATION_LIMITS, launcher: ctx.workerLauncher, ...(signal ? { signal } : {}) });

/**
 * Sở Nội vụ imports one giải trình package (docs/package-formats.md §5): the size is checked before a byte is
 * read, the file copied to a private temp file, verified there in the isolated worker as an `explanation`
 * against Sở's anchors, read again in process for its content, then the rules (explanation-rules.ts). Only
 * then are the evidence entries streamed through SHA-256 into the store's temps, and in one synchronous step
 * renamed into the store and the giải trình inserted in one transaction. A refusal stores nothing.
 */
export const importExplanation = async (ctx: BackendContext, source: string, o: { signal?: AbortSignal; onProgress?: Progress; verify?: Verify } = {}): Promise<ExplanationImportResult> => {
  const progress: Progress = o.onProgress ?? (() => {});
  const size = statSync(source).size;
  if (size > MAX_EXPLANATION_PACKAGE_BYTES) throw refusal('E_LIMIT', `${size} bytes`);
  const tmpDir = join(ctx.dataDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const file = join(tmpDir, `explanation-${randomBytes(8).toString('hex')}.asice`);
  const temps: TempCopy[] = [];
  let reader: BundleZipReader | null = null;
  try {
    copyFileSync(source, file);
    if (statSync(file).size !== size) throw refusal('E_IO');
    progress(0, size, 'Đang tính mã băm của gói giải trình');
    const packageSha256 = await sha256OfFile(file, o.signal);
    progress(0, size, 'Đang kiểm tra chữ ký và các tệp');
    const trust = strictTrust(ctx);
    const v = await (o.verify ?? inWorker(ctx, o.signal))(file, trust);
    if (o.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
    if (v.status === 'INVALID') throw refusal(v.code, v.detail);
    // Same clock as the worker's check (the signing time and certificates are judged against real time).
    const again = await verifyPackage(file, { trust, limits: EXPLANATION_LIMITS, expectKind: 'explanation' });
    if (again.result.status === 'INVALID' || again.exchange?.kind !== 'explanation') throw refusal(again.result.code, again.result.detail);
    const x: Explanation = again.exchange.content;
    const signedAt = v.signingTime ? new Date(v.signingTime) : ctx.now();
    const accepted = checkExplanationRules(ctx, x, v.signer, signedAt);

    reader = await BundleZipReader.open(file, DEFAULT_LIMITS);
    const entries = new Map((await reader.readEntries(DEFAULT_LIMITS, EXPLANATION_PROFILE)).map((e) => [e.name, e]));
    const evidence = again.result.files.filter((f) => EVIDENCE_PATH_RE.test(f.path));
    const total = evidence.reduce((n, f) => n + f.size, 0);
    let done = 0;
    for (const f of evidence) {
      progress(done, total, `Đang chép tài liệu kiểm chứng ${f.path}`);
      const entry = entries.get(f.path);
      if (!entry) throw refusal('E_MISSING_ENTRY', f.path);
      temps.push(await entryToTemp(ctx.dataDir, (await reader.stream(entry)) as AsyncIterable<Buffer>, { size: f.size, sha256: f.sha256, name: f.path }, o.signal));
      done += f.size;
    }
    reader.close();
    reader = null;
    progress(total, total, 'Đang lưu giải trình');

    const id = randomUUID();
    const listed = new Map(x.evidence.map((e) => [e.path, e]));
    // From here to the end of the transaction everything is synchronous: GC cannot run in between.
    const created: string[] = [];
    for (const t of temps) if (commitTemp(ctx.dataDir, t).created) created.push(t.sha256);
    temps.length = 0;
    try {
      inTransaction(ctx.db, () => {
        // Re-checked under the write lock: a concurrent import of the same revision loses here.
        checkExplanationRules(ctx, x, v.signer, signedAt);
        insertExplanation(
          ctx.db,
          {
            id,
            explanationId: x.explanationId,
            revision: x.revision,
            year: x.year,
            unitCode: accepted.unit.code,
            unitName: accepted.unit.name,
            unitType: accepted.unit.block,
            resultId: x.answers.resultId,
            resultRevision: x.answers.resultRevision,
            packageSha256,
            packageSize: size,
            signerSubject: v.signer?.subject ?? '',
            signerSha256: v.signer?.sha256 ?? '',
            receivedOn: accepted.receivedOn,
            explanationJson: JSON.stringify(x),
            verificationJson: JSON.stringify({ ...v, bundleSha256: packageSha256 }),
            importedAt: ctx.now().toISOString(),
          },
          x.items.map((i) => ({ nodeId: i.nodeId, code: i.code, text: i.text, requestedMilli: i.requested, evidence: i.evidence })),
          evidence.map((f) => {
            const e = listed.get(f.path)!;
            return { path: f.path, originalName: e.originalName, mediaType: e.mediaType, size: f.size, sha256: f.sha256 };
          }),
        );
      });
    } catch (e) {
      for (const sha of created) deleteBlobIfUnreferenced(ctx.db, ctx.dataDir, sha);
      throw e;
    }
    ctx.logger.info('decisions: explanation imported', { id, explanationId: x.explanationId, revision: x.revision, evidence: evidence.length });
    return {
      explanationRowId: id,
      unitCode: accepted.unit.code,
      unitName: accepted.unit.name,
      year: x.year,
      revision: x.revision,
      supersededRevision: accepted.previous?.revision ?? null,
      items: x.items.length,
      evidenceCount: evidence.length,
      status: v.status,
    };
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('E_')) throw refusal(code as BundleCode);
    throw e;
  } finally {
    reader?.close();
    for (const t of temps) discardTemp(t.tmpPath);
    rmSync(file, { force: true });
  }
};

import { createHash } from 'node:crypto';

import { bundleMessage } from '../../../../../shared/domain/bundle-codes';
import type { BundleCode, BundleWarningCode } from '../../../../../shared/domain/bundle-codes';
import type { SignerDetails, Submission, VerifiedFile, VerifyResult } from '../../../../../shared/schemas/submission';
import { certDetails } from '../../signing/pki';
import { DEFAULT_LIMITS, MANIFEST_PATH, SIGNATURE_PATH, SUBMISSION_PATH } from '../constants';
import type { VerifyLimits } from '../constants';
import { checkCertificatePolicy } from './cert-policy';
import { checkCms } from './cms-verify';
import { BundleFailure, fail } from './failure';
import { parseManifest } from './manifest-parse';
import { checkSemantics } from './semantics';
import type { SemanticHooks } from './semantics';
import type { TrustStore } from './trust';
import { BundleZipReader } from './zip-reader';
import type { ZipEntryInfo } from './zip-reader';

export type VerifyOptions = SemanticHooks & {
  trust: TrustStore;
  now?: Date;
  limits?: Partial<VerifyLimits>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
};

/**
 * The receiver-side procedure of docs/submission-format.md §5, steps 1–9, stopping at the first failure.
 * Shared by the app (run in a child process, electron/workers/verify-worker.ts) and the CLI; a plain
 * function for tests. Never writes anything: entries are only streamed through SHA-256.
 */
export const verifyBundle = async (file: string, o: VerifyOptions): Promise<VerifyResult> => {
  const now = o.now ?? new Date();
  const limits: VerifyLimits = { ...DEFAULT_LIMITS, ...o.limits };
  const deadline = Date.now() + limits.timeoutMs;
  const state: {
    signer: SignerDetails | null;
    chain: string[];
    signingTime: string | null;
    files: VerifiedFile[];
    submission: Submission | null;
  } = { signer: null, chain: [], signingTime: null, files: [], submission: null };
  const tick = (): void => {
    if (o.signal?.aborted) fail('E_TIMEOUT', 'cancelled');
    if (Date.now() > deadline) fail('E_TIMEOUT', `more than ${limits.timeoutMs} ms`);
  };
  const result = (status: VerifyResult['status'], code: BundleCode, detail: string | undefined, warnings: BundleWarningCode[]): VerifyResult => ({
    status,
    code,
    message: bundleMessage(code),
    ...(detail ? { detail } : {}),
    warnings: warnings.map((w) => ({ code: w, message: bundleMessage(w) })),
    signer: state.signer,
    chain: state.chain,
    signingTime: state.signingTime,
    files: state.files,
    submission: state.submission
      ? {
          submissionId: state.submission.submissionId,
          revision: state.submission.revision,
          agency: { code: state.submission.agency.code, name: state.submission.agency.name },
          period: state.submission.period,
          indicatorSet: state.submission.indicatorSet,
        }
      : null,
    bundleSha256: null,
    checkedAt: now.toISOString(),
  });

  let reader: BundleZipReader | null = null;
  try {
    // 1-2. File level and entry table.
    reader = await BundleZipReader.open(file, limits);
    const entries = await reader.readEntries(limits);
    await reader.checkMimetype(entries[0]!);
    tick();
    const byName = new Map<string, ZipEntryInfo>(entries.filter((e) => !e.isDir).map((e) => [e.name, e]));
    // 3. Metadata.
    const manifestEntry = byName.get(MANIFEST_PATH);
    const sigEntry = byName.get(SIGNATURE_PATH);
    if (!manifestEntry || !sigEntry) fail('E_UNSIGNED', !manifestEntry ? MANIFEST_PATH : SIGNATURE_PATH);
    const manifest = await reader.readSmall(manifestEntry!, limits.maxMetaBytes, 'E_META_TOO_LARGE');
    const p7s = await reader.readSmall(sigEntry!, limits.maxMetaBytes, 'E_META_TOO_LARGE');
    const subEntry = byName.get(SUBMISSION_PATH);
    if (subEntry && subEntry.entry.uncompressedSize > limits.maxMetaBytes) fail('E_META_TOO_LARGE', SUBMISSION_PATH);
    // 4. Manifest.
    const refs = parseManifest(manifest);
    // 5. CMS.
    const cms = checkCms(p7s, manifest);
    state.signer = certDetails(cms.signerCert);
    state.signingTime = cms.signingTime?.toISOString() ?? null;
    // 6. Certificate policy.
    const policy = await checkCertificatePolicy(cms, o.trust, manifest, now);
    state.chain = policy.chain;
    tick();
    // 7. Coverage and digests.
    const listed = new Map(refs.map((r) => [r.uri, r]));
    for (const e of entries) {
      if (e.isDir || e.name === 'mimetype' || e.name.startsWith('META-INF/')) continue;
      if (!listed.has(e.name)) fail('E_UNLISTED_ENTRY', e.name);
    }
    for (const r of refs) if (!byName.has(r.uri)) fail('E_MISSING_ENTRY', r.uri);
    if (!listed.has(SUBMISSION_PATH)) fail('E_MISSING_ENTRY', SUBMISSION_PATH);
    const total = refs.reduce((s, r) => s + byName.get(r.uri)!.entry.uncompressedSize, 0);
    let done = 0;
    let readTotal = 0;
    const actual = new Map<string, { size: number; sha256: string }>();
    let submissionJson: Buffer | null = null;
    for (const r of refs) {
      tick();
      o.onProgress?.(done, total, r.uri);
      const info = byName.get(r.uri)!;
      const hash = createHash('sha256');
      let size = 0;
      const keep = r.uri === SUBMISSION_PATH ? ([] as Buffer[]) : null;
      try {
        const rs = await reader.stream(info);
        for await (const chunk of rs as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          readTotal += chunk.length;
          done += chunk.length;
          if (readTotal > limits.maxTotalBytes) fail('E_LIMIT', 'bytes read exceed the total cap');
          if (keep) {
            if (size > limits.maxMetaBytes) fail('E_META_TOO_LARGE', SUBMISSION_PATH);
            keep.push(chunk);
          }
        }
      } catch (e) {
        throw reader.classifyError(e);
      }
      const sha = hash.digest('hex');
      if (sha !== r.sha256) fail('E_DIGEST_MISMATCH', r.uri);
      if (keep) submissionJson = Buffer.concat(keep);
      actual.set(r.uri, { size, sha256: sha });
    }
    o.onProgress?.(done, total, '');
    // 8-9. Semantics and signer ↔ agency.
    const sem = checkSemantics(submissionJson!, actual, state.signer, o);
    state.submission = sem.submission;
    const names = new Map(sem.submission.evidence.map((e) => [e.path, e.originalName]));
    state.files = refs.map((r) => {
      const a = actual.get(r.uri)!;
      const originalName = names.get(r.uri);
      return { path: r.uri, size: a.size, sha256: a.sha256, ...(originalName !== undefined ? { originalName } : {}) };
    });
    const warnings = [...policy.warnings, ...sem.warnings];
    return warnings.length
      ? result('VALID_WITH_WARNINGS', warnings[0]!, undefined, warnings)
      : result('VALID', 'OK', undefined, []);
  } catch (e) {
    if (e instanceof BundleFailure) return result('INVALID', e.code, e.detail, []);
    return result('INVALID', 'E_IO', e instanceof Error ? e.message.slice(0, 300) : String(e), []);
  } finally {
    reader?.close();
  }
};

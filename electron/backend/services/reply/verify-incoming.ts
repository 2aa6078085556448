import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BundleCode } from '../../../../shared/domain/bundle-codes';
import { AppFailure } from '../../../../shared/ipc/result';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { BackendContext } from '../../context';
import type { VerifyLimits } from '../bundle/constants';
import type { ExchangeContent } from '../bundle/verify/exchange-semantics';
import { BundleFailure } from '../bundle/verify/failure';
import type { TrustStore } from '../bundle/verify/trust';
import { checkedExchange, checkInWorker } from '../bundle/verify/verify-process';
import { trustOf } from '../trust/verify';

/** A result package is one JSON of < 2000 criteria (a few hundred KB): far below these, checked first. */
export const MAX_RESULT_PACKAGE_BYTES = 8 * 1_048_576;
export const RESULT_LIMITS: Partial<VerifyLimits> = { maxBundleBytes: MAX_RESULT_PACKAGE_BYTES, maxEntries: 8, maxTotalBytes: 32 * 1_048_576, timeoutMs: 120_000 };

export type IncomingKind = 'appraisal-result' | 'final-result';
export type Incoming<K extends IncomingKind> = { content: ExchangeContent<K>; verification: VerifyResult; sha256: string; size: number };

export const refused = (code: BundleCode, detail?: string): AppFailure => AppFailure.of('REPLY_REFUSED', { check: code }, { bundleCode: code, ...(detail ? { detail } : {}) });

/**
 * Sở Nội vụ's package: size checked before anything else (the caller's readSingleFile already refused a bigger
 * file), the bytes written to a private temp file, verified there in the isolated worker as exactly this kind
 * against the unit's own trust anchors — no fallback to the signer's own chain, so an untrusted signer is
 * E_UNTRUSTED. The worker returns the content file's checked bytes; this process only runs the kind's step 8
 * on them again for the typed content (pure, a few hundred KB at most) and never parses the package itself.
 * The temp copy is always removed.
 */
export const verifyIncoming = async <K extends IncomingKind>(ctx: BackendContext, data: Buffer, kind: K, o: { signal?: AbortSignal } = {}): Promise<Incoming<K>> => {
  if (data.length > MAX_RESULT_PACKAGE_BYTES) throw refused('E_LIMIT', `${data.length} bytes`);
  const tmpDir = join(ctx.dataDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const file = join(tmpDir, `${kind}-${randomBytes(8).toString('hex')}.asice`);
  try {
    writeFileSync(file, data, { flag: 'wx' });
    const trust: TrustStore = { ...trustOf(ctx), selfCheckWhenEmpty: false };
    const verdict = await checkInWorker(file, {
      trust,
      checkSets: false,
      knownSets: [],
      imported: [],
      anyKind: true,
      expectKind: kind,
      limits: RESULT_LIMITS,
      withContent: true,
      launcher: ctx.workerLauncher,
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const v = verdict.result;
    if (o.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
    if (v.status === 'INVALID') throw refused(v.code, v.detail);
    const content = checkedExchange(verdict, kind);
    return { content, verification: v, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
  } catch (e) {
    throw e instanceof BundleFailure ? refused(e.code, e.detail) : e;
  } finally {
    rmSync(file, { force: true });
  }
};

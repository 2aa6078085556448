import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BundleCode } from '../../../../shared/domain/bundle-codes';
import { AppFailure } from '../../../../shared/ipc/result';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { BackendContext } from '../../context';
import type { VerifyLimits } from '../bundle/constants';
import type { CheckedExchange } from '../bundle/verify/exchange-semantics';
import type { TrustStore } from '../bundle/verify/trust';
import { verifyPackage } from '../bundle/verify/verify-bundle';
import { verifyInWorker } from '../bundle/verify/verify-process';
import { trustOf } from '../trust/verify';

/** A result package is one JSON of < 2000 criteria (a few hundred KB): far below these, checked first. */
export const MAX_RESULT_PACKAGE_BYTES = 8 * 1_048_576;
export const RESULT_LIMITS: Partial<VerifyLimits> = { maxBundleBytes: MAX_RESULT_PACKAGE_BYTES, maxEntries: 8, maxTotalBytes: 32 * 1_048_576, timeoutMs: 120_000 };

export type IncomingKind = 'appraisal-result' | 'final-result';
export type VerifyFn = (file: string, trust: TrustStore) => Promise<VerifyResult>;
export type Incoming<K extends IncomingKind> = { content: Extract<CheckedExchange, { kind: K }>['content']; verification: VerifyResult; sha256: string; size: number };

export const refused = (code: BundleCode, detail?: string): AppFailure => AppFailure.of('ANSWER_REFUSED', { check: code }, { bundleCode: code, ...(detail ? { detail } : {}) });

/**
 * Sở Nội vụ's package, as services/round/import-round.ts reads a round: size checked before anything else
 * (the caller's readSingleFile already refused a bigger file), the bytes written to a private temp file,
 * verified there in the isolated worker as exactly this kind against the unit's own trust anchors — no
 * fallback to the signer's own chain, so an untrusted signer is E_UNTRUSTED — then read again in process from
 * the same private copy to get the checked content. The temp copy is always removed.
 */
export const verifyIncoming = async <K extends IncomingKind>(
  ctx: BackendContext,
  data: Buffer,
  kind: K,
  o: { signal?: AbortSignal; verify?: VerifyFn } = {},
): Promise<Incoming<K>> => {
  if (data.length > MAX_RESULT_PACKAGE_BYTES) throw refused('E_LIMIT', `${data.length} bytes`);
  const tmpDir = join(ctx.dataDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const file = join(tmpDir, `${kind}-${randomBytes(8).toString('hex')}.asice`);
  try {
    writeFileSync(file, data, { flag: 'wx' });
    const trust: TrustStore = { ...trustOf(ctx), selfCheckWhenEmpty: false };
    const v = await (o.verify
      ? o.verify(file, trust)
      : verifyInWorker(file, {
          trust,
          checkSets: false,
          knownSets: [],
          imported: [],
          anyKind: true,
          expectKind: kind,
          limits: RESULT_LIMITS,
          launcher: ctx.workerLauncher,
          ...(o.signal ? { signal: o.signal } : {}),
        }));
    if (o.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
    if (v.status === 'INVALID') throw refused(v.code, v.detail);
    const again = await verifyPackage(file, { trust, now: ctx.now(), limits: RESULT_LIMITS, expectKind: kind });
    if (again.result.status === 'INVALID' || again.exchange?.kind !== kind) throw refused(again.result.code === 'OK' ? 'E_WRONG_KIND' : again.result.code, again.result.detail);
    const content = again.exchange.content as Incoming<K>['content'];
    return { content, verification: v, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
  } finally {
    rmSync(file, { force: true });
  }
};

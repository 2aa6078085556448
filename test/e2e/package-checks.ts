import { execFileSync } from 'node:child_process';

import { loadTrustStore } from '../../electron/backend/services/bundle/verify/trust';
import { verifyPackage } from '../../electron/backend/services/bundle/verify/verify-bundle';
import type { PackageKind } from '../../shared/schemas/package-kind';
import { opensslCmsVerify } from '../helpers/openssl-cms';
import { rewriteEntry } from '../backend/round/fixtures';

/** The signed content file of each kind (docs/package-formats.md §1). */
export const CONTENT_FILE: Record<PackageKind, string> = {
  submission: 'submission.json',
  round: 'round.json',
  'appraisal-result': 'result.json',
  explanation: 'explanation.json',
  'final-result': 'final.json',
};

/** A copy whose content file gained one byte after signing: a well-formed zip, the signature itself intact. */
export const tamperedCopy = (file: string, kind: PackageKind): string => {
  const entry = CONTENT_FILE[kind];
  return rewriteEntry(file, entry, Buffer.concat([execFileSync('unzip', ['-p', file, entry]), Buffer.from(' ')]));
};

export type PackageCheck = { kind: string; status: string; warnings: string[]; openssl: number; tampered: string };

/**
 * What an outsider can check of one package: the app's verifier with the kind expected ("cchc verify"), with the
 * trust (root + CRLs) of `trustDir`, on the run's calendar; `openssl cms -verify` against the CA alone; and the
 * verdict on a tampered copy (`tamperedCopy`).
 */
export const checkPackage = async (file: string, kind: PackageKind, o: { trustDir: string; caFile: string; now: Date }): Promise<PackageCheck> => {
  const trust = loadTrustStore(o.trustDir);
  const v = await verifyPackage(file, { trust, expectKind: kind, now: o.now });
  const t = await verifyPackage(tamperedCopy(file, kind), { trust, expectKind: kind, now: o.now });
  return { kind: v.result.kind ?? '', status: v.result.status, warnings: v.result.warnings.map((w) => w.code), openssl: opensslCmsVerify(file, o.caFile), tampered: `${t.result.status} ${t.result.code}` };
};

/** The outcome every package of the run must have. */
export const sound = (kind: PackageKind): PackageCheck => ({ kind, status: 'VALID', warnings: [], openssl: 0, tampered: 'INVALID E_DIGEST_MISMATCH' });

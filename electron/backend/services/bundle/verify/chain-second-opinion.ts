import * as pkijs from 'pkijs';

import { ensurePkiEngine, isSigningCa, parseCertificate, sha256 } from '../../signing/pki';

/**
 * pkijs's own chain validation (CertificateChainValidationEngine, as SignedData.verify with checkChain runs it:
 * the CA certificates carried in the package, then the signer; only the configured anchors trusted), a second
 * opinion next to our own walk in cert-policy.ts. The signature itself is checked once, with Node's crypto, in
 * cms-verify.ts.
 *
 * The verdict depends only on those certificates and the date, so it is remembered per set of certificates and
 * minute: a batch import verifies hundreds of packages signed under the same CA, and this engine cost about a
 * fifth of each package's verification (docs/performance.md, "Batch import"). Our own checks of validity at the
 * exact time run for every package regardless.
 */
const MAX_REMEMBERED = 64;
const remembered = new Map<string, Promise<boolean>>();
const fp = (der: Uint8Array): string => sha256(der).toString('hex');

const run = async (leaf: Uint8Array, pool: readonly Uint8Array[], anchors: readonly Uint8Array[], now: Date): Promise<boolean> => {
  ensurePkiEngine();
  const engine = new pkijs.CertificateChainValidationEngine({
    certs: [...pool.filter(isSigningCa).map(parseCertificate), parseCertificate(leaf)],
    trustedCerts: anchors.map(parseCertificate),
    checkDate: now,
  });
  try {
    return (await engine.verify()).result;
  } catch {
    return false;
  }
};

/** True when pkijs finds a valid path from `leaf` to one of `anchors` at `now` through the `pool` certificates. */
export const pkijsChainValid = (leaf: Uint8Array, pool: readonly Uint8Array[], anchors: readonly Uint8Array[], now: Date): Promise<boolean> => {
  const key = [fp(leaf), [...pool].map(fp).sort().join(','), [...anchors].map(fp).sort().join(','), Math.floor(now.getTime() / 60_000)].join('|');
  const hit = remembered.get(key);
  if (hit) return hit;
  const verdict = run(leaf, pool, anchors, now);
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, verdict);
  return verdict;
};

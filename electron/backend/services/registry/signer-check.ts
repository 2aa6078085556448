import type { SignerDetails } from '../../../../shared/schemas/submission';
import type { Db } from '../../db/connection';
import { findActiveSigner } from '../../db/repos/registry-repo';
import type { RegistrySignerRow } from '../../db/repos/registry-repo';

/**
 * A registration lets a bundle in only while not revoked and with `at` inside its registered validity; the
 * importer passes the signing time (which the verifier already checked lies inside the certificate's own
 * validity and not in the future), so a registration covers what was signed while it was valid.
 */
export const isActiveAt = (s: Pick<RegistrySignerRow, 'revokedAt' | 'notBefore' | 'notAfter'>, at: Date): boolean => {
  if (s.revokedAt !== null) return false;
  const t = at.getTime();
  return t >= Date.parse(s.notBefore) && t <= Date.parse(s.notAfter);
};

/** What the register page calls active: not revoked and not yet expired "today". */
export const isListedActive = (s: Pick<RegistrySignerRow, 'revokedAt' | 'notAfter'>, today: Date): boolean =>
  s.revokedAt === null && today.getTime() <= Date.parse(s.notAfter);

/**
 * Whether this certificate may sign for the unit in that year: matched by the SHA-256 fingerprint of the
 * signer's DER certificate (never by names, which anyone can put in a certificate request).
 */
export const isRegisteredSigner = (db: Db, year: number, unitCode: string, signer: SignerDetails, at: Date): boolean => {
  const row = findActiveSigner(db, year, unitCode, signer.sha256.toLowerCase());
  return !!row && isActiveAt(row, at);
};

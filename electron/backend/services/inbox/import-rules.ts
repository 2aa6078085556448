import type { BundleErrorCode } from '../../../../shared/domain/bundle-codes';
import { escapeForDisplay } from '../../../../shared/domain/display-text';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SignerDetails, Submission } from '../../../../shared/schemas/submission';
import type { UnitType } from '../../../../shared/schemas/unit';
import type { Db } from '../../db/connection';
import { highestRevision, ownerOfSubmission } from '../../db/repos/inbox-repo';
import type { ImportedSubmissionRow } from '../../db/repos/inbox-repo';
import { findRegistryUnit, isYearOpen } from '../../db/repos/registry-repo';
import type { RegistryUnitRow } from '../../db/repos/registry-repo';
import { isRegisteredSigner } from '../registry/signer-check';

/**
 * Sở Nội vụ's import rules (docs/submission-format.md §5 "Quy tắc tiếp nhận"), checked with the receiver's own data after the
 * bundle verified and before anything is copied or written. Each refusal has its own code
 * (shared/domain/bundle-codes.ts §9) and nothing is stored:
 *  - `period` must be a year opened in the register (E_PERIOD_NOT_OPEN: no 1900 or 9999 year buckets);
 *  - the unit code must be in that year's list (E_UNIT_UNKNOWN);
 *  - the signing certificate must be an active registration for THAT unit (E_SIGNER_NOT_REGISTERED);
 *  - the block is the register's, and a bundle declaring another, or using a set not meant for it, is refused
 *    (E_BLOCK_MISMATCH);
 *  - a submissionId belongs to the unit and year that first used it (E_SUBMISSION_OWNER);
 *  - a revision already received, or an older one, is a replay (E_REPLAY), decided here from the database and
 *    not only by the verifier's replay list: a batch verifies files ahead of their import (verify-ahead.ts);
 *  - revisions go up by exactly one from what was received, the first is 1 (E_REVISION_SEQUENCE), so
 *    nobody can jump to 10000 and lock the owner out.
 * `checkImportRules` runs once before the copy and again inside the write transaction (a concurrent import
 * of the same submission loses there).
 */

export const ruleRefusal = (check: BundleErrorCode, detail: string): AppFailure =>
  AppFailure.of('BUNDLE_REFUSED_DETAIL', { check, detail }, { bundleCode: check, detail });

/**
 * The register's part of the rules, shared by every package a unit sends (a submission here, a giải trình in
 * services/decisions/import-explanation.ts): the year is open, the unit is in its list, the signing
 * certificate is an active registration for THAT unit, and a declared block is the register's.
 */
export const checkRegisteredSender = (
  db: Db,
  sender: { year: number; unitCode: string; declaredBlock: UnitType | undefined; periodText?: string },
  signer: SignerDetails | null,
  signedAt: Date,
): RegistryUnitRow => {
  const { year } = sender;
  if (!Number.isInteger(year) || !isYearOpen(db, year)) throw ruleRefusal('E_PERIOD_NOT_OPEN', escapeForDisplay(sender.periodText ?? String(year)).slice(0, 40));
  const unit = findRegistryUnit(db, year, sender.unitCode);
  if (!unit) throw ruleRefusal('E_UNIT_UNKNOWN', `${sender.unitCode} / ${year}`);
  if (!signer || !isRegisteredSigner(db, year, unit.code, signer, signedAt)) {
    throw ruleRefusal('E_SIGNER_NOT_REGISTERED', `${unit.code} / ${year}; SHA-256 ${signer?.sha256.slice(0, 16) ?? '-'}…`);
  }
  if (sender.declaredBlock !== undefined && sender.declaredBlock !== unit.block) {
    throw ruleRefusal('E_BLOCK_MISMATCH', `${unit.code}: ${sender.declaredBlock} / ${unit.block}`);
  }
  return unit;
};

export type Accepted = { unit: RegistryUnitRow; year: number; previous: ImportedSubmissionRow | null };

export const checkImportRules = (
  db: Db,
  s: Submission,
  signer: SignerDetails | null,
  setUnitTypes: readonly UnitType[],
  /** The verified signing time (else the import time): when the registration must have covered the signer. */
  signedAt: Date,
): Accepted => {
  const year = /^\d{4}$/.test(s.period) ? Number(s.period) : NaN;
  const unit = checkRegisteredSender(db, { year, unitCode: s.agency.code, declaredBlock: s.agency.type, periodText: s.period }, signer, signedAt);
  const declared = s.agency.type;
  if (!setUnitTypes.includes(unit.block)) {
    throw ruleRefusal('E_BLOCK_MISMATCH', `${unit.code}: ${declared ?? '-'} / ${unit.block}; ${s.indicatorSet.id}`);
  }
  const owner = ownerOfSubmission(db, s.submissionId);
  if (owner && (owner.unitCode !== unit.code || owner.year !== year)) {
    throw ruleRefusal('E_SUBMISSION_OWNER', `${s.submissionId} → ${owner.unitCode} / ${owner.year}`);
  }
  const previous = highestRevision(db, s.submissionId);
  if (previous && s.revision <= previous.revision) throw ruleRefusal('E_REPLAY', `${s.submissionId}: ${s.revision} ≤ ${previous.revision}`);
  const expected = previous ? previous.revision + 1 : 1;
  const supersedesOk = previous ? s.supersedes === previous.revision : s.supersedes === null;
  if (s.revision !== expected || !supersedesOk) {
    throw ruleRefusal('E_REVISION_SEQUENCE', `${s.submissionId}: ${s.revision} (${s.supersedes ?? '-'}) ≠ ${expected} (${previous?.revision ?? '-'})`);
  }
  return { unit, year, previous };
};

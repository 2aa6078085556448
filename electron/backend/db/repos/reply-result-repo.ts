import type { Db } from '../connection';

/**
 * The appraisal results and final results a unit imported (migration 0250): every revision kept, the older
 * ones marked superseded when a higher revision of the same result arrives.
 */

export type ReplyPackageRow = {
  resultId: string;
  revision: number;
  roundId: string;
  year: number;
  packageSha256: string;
  packageSize: number;
  signerSubject: string;
  json: string;
  importedAt: string;
  supersededAt: string | null;
};
export type ReplyResultRow = ReplyPackageRow & { assessmentId: string; submissionId: string; submissionRevision: number };

type Raw = {
  result_id: string;
  revision: number;
  round_id: string;
  year: number;
  package_sha256: string;
  package_size: number;
  signer_subject: string;
  imported_at: string;
  superseded_at: string | null;
};
type RawResult = Raw & { result_json: string; assessment_id: string; submission_id: string; submission_revision: number };
type RawFinal = Raw & { final_json: string };

const base = (r: Raw, json: string): ReplyPackageRow => ({
  resultId: r.result_id,
  revision: r.revision,
  roundId: r.round_id,
  year: r.year,
  packageSha256: r.package_sha256,
  packageSize: r.package_size,
  signerSubject: r.signer_subject,
  json,
  importedAt: r.imported_at,
  supersededAt: r.superseded_at,
});
const fromResult = (r: RawResult): ReplyResultRow => ({ ...base(r, r.result_json), assessmentId: r.assessment_id, submissionId: r.submission_id, submissionRevision: r.submission_revision });

/** The highest revision held of a result (null: none). */
export const latestResult = (db: Db, resultId: string): ReplyResultRow | null => {
  const r = db.prepare('SELECT * FROM reply_result WHERE result_id = ? ORDER BY revision DESC LIMIT 1').get(resultId) as RawResult | undefined;
  return r ? fromResult(r) : null;
};

/** Every result revision held, newest year first, highest revision first. */
export const listResults = (db: Db): ReplyResultRow[] =>
  (db.prepare('SELECT * FROM reply_result ORDER BY year DESC, result_id, revision DESC').all() as RawResult[]).map(fromResult);

/** Stores a result revision and marks every lower revision of it superseded. Call inside inTransaction. */
export const saveResult = (db: Db, r: Omit<ReplyResultRow, 'supersededAt'>): void => {
  db.prepare('UPDATE reply_result SET superseded_at = ? WHERE result_id = ? AND revision < ? AND superseded_at IS NULL').run(r.importedAt, r.resultId, r.revision);
  db.prepare(
    `INSERT INTO reply_result (result_id, revision, round_id, year, assessment_id, submission_id, submission_revision,
       package_sha256, package_size, signer_subject, result_json, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.resultId, r.revision, r.roundId, r.year, r.assessmentId, r.submissionId, r.submissionRevision, r.packageSha256, r.packageSize, r.signerSubject, r.json, r.importedAt);
};

export const latestFinal = (db: Db, resultId: string): ReplyPackageRow | null => {
  const r = db.prepare('SELECT * FROM reply_final WHERE result_id = ? ORDER BY revision DESC LIMIT 1').get(resultId) as RawFinal | undefined;
  return r ? base(r, r.final_json) : null;
};

/** Stores a final-result revision and marks every lower revision superseded. Call inside inTransaction. */
export const saveFinal = (db: Db, r: Omit<ReplyPackageRow, 'supersededAt'>): void => {
  db.prepare('UPDATE reply_final SET superseded_at = ? WHERE result_id = ? AND revision < ? AND superseded_at IS NULL').run(r.importedAt, r.resultId, r.revision);
  db.prepare(
    `INSERT INTO reply_final (result_id, revision, round_id, year, package_sha256, package_size, signer_subject, final_json, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.resultId, r.revision, r.roundId, r.year, r.packageSha256, r.packageSize, r.signerSubject, r.json, r.importedAt);
};

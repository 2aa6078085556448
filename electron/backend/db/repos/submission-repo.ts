import type { Db } from '../connection';

export type SubmissionRow = {
  id: string;
  assessmentId: string;
  submissionId: string;
  revision: number;
  supersedes: number | null;
  bundleSha256: string;
  bundleSize: number;
  path: string;
  signerSubject: string;
  signerSha256: string;
  verificationCode: string;
  createdAt: string;
  /** The unit's score of each leaf in this bundle, milli-points (migration 0270); null for older records. */
  selfScores: Record<string, number> | null;
};

type Raw = {
  id: string;
  assessment_id: string;
  submission_id: string;
  revision: number;
  supersedes: number | null;
  bundle_sha256: string;
  bundle_size: number;
  path: string;
  signer_subject: string;
  signer_sha256: string;
  verification_code: string;
  created_at: string;
  self_scores: string | null;
};

/** A restored backup is outside data: a record that is not {nodeId: integer} counts as no record, not as scores. */
const selfScoresOf = (text: string | null): Record<string, number> | null => {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    const ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => Number.isSafeInteger(v));
    return ok ? (parsed as Record<string, number>) : null;
  } catch {
    return null;
  }
};

const fromRaw = (r: Raw): SubmissionRow => ({
  id: r.id,
  assessmentId: r.assessment_id,
  submissionId: r.submission_id,
  revision: r.revision,
  supersedes: r.supersedes,
  bundleSha256: r.bundle_sha256,
  bundleSize: r.bundle_size,
  path: r.path,
  signerSubject: r.signer_subject,
  signerSha256: r.signer_sha256,
  verificationCode: r.verification_code,
  createdAt: r.created_at,
  selfScores: selfScoresOf(r.self_scores),
});

export const listSubmissions = (db: Db, assessmentId: string): SubmissionRow[] =>
  (db.prepare('SELECT * FROM submission WHERE assessment_id = ? ORDER BY revision, created_at').all(assessmentId) as Raw[]).map(fromRaw);

/** The submission id of an assessment's earlier bundles: every revision of one assessment shares it. */
export const submissionIdOf = (db: Db, assessmentId: string): string | null => {
  const r = db.prepare('SELECT submission_id FROM submission WHERE assessment_id = ? ORDER BY created_at LIMIT 1').get(assessmentId) as
    | { submission_id: string }
    | undefined;
  return r?.submission_id ?? null;
};

export const findSubmissionRevision = (db: Db, submissionId: string, revision: number): SubmissionRow | null => {
  const r = db.prepare('SELECT * FROM submission WHERE submission_id = ? AND revision = ?').get(submissionId, revision) as Raw | undefined;
  return r ? fromRaw(r) : null;
};

/** Records a produced bundle and locks the assessment, in one transaction. */
export const recordSubmissionAndLock = (db: Db, row: SubmissionRow): void => {
  db.transaction(() => {
    // A re-export of the same revision (e.g. after a lost file) replaces the earlier record.
    db.prepare('DELETE FROM submission WHERE submission_id = ? AND revision = ?').run(row.submissionId, row.revision);
    db.prepare(
      `INSERT INTO submission (id, assessment_id, submission_id, revision, supersedes, bundle_sha256, bundle_size, path,
         signer_subject, signer_sha256, verification_code, created_at, self_scores)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.assessmentId,
      row.submissionId,
      row.revision,
      row.supersedes,
      row.bundleSha256,
      row.bundleSize,
      row.path,
      row.signerSubject,
      row.signerSha256,
      row.verificationCode,
      row.createdAt,
      row.selfScores === null ? null : JSON.stringify(row.selfScores),
    );
    db.prepare("UPDATE assessment SET status = 'locked', updated_at = ? WHERE id = ?").run(row.createdAt, row.assessmentId);
  })();
};

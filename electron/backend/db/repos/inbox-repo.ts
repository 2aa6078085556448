import type { UnitType } from '../../../../shared/schemas/unit';
import type { Db } from '../connection';

/** Rows of Sở Nội vụ's inbox (migration 0080): imported submissions, their answers, evidence and appraisal. */

export type ImportedSubmissionRow = {
  id: string;
  submissionId: string;
  revision: number;
  supersedes: number | null;
  unitCode: string;
  unitName: string;
  unitType: UnitType;
  year: number;
  setId: string;
  setVersion: string;
  setSha256: string;
  bundleSha256: string;
  bundleSize: number;
  signerSubject: string;
  signerSha256: string;
  status: 'VALID' | 'VALID_WITH_WARNINGS';
  verificationJson: string;
  submissionJson: string;
  importedAt: string;
};

export type ImportedAnswerRow = {
  nodeId: string;
  valueJson: string;
  note: string;
  evidence: string[];
  declaredPoints: number | null;
  declaredMax: number | null;
  declaredExplanation: string;
};

export type ImportedEvidenceRow = {
  path: string;
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
  metadata: Record<string, string>;
};

export type AppraisalRow = { nodeId: string; appraisedMilli: number | null; comment: string; updatedAt: string };

type RawSub = {
  id: string;
  submission_id: string;
  revision: number;
  supersedes: number | null;
  unit_code: string;
  unit_name: string;
  unit_type: UnitType;
  year: number;
  set_id: string;
  set_version: string;
  set_sha256: string;
  bundle_sha256: string;
  bundle_size: number;
  signer_subject: string;
  signer_sha256: string;
  status: 'VALID' | 'VALID_WITH_WARNINGS';
  verification_json: string;
  submission_json: string;
  imported_at: string;
};

const subFromRaw = (r: RawSub): ImportedSubmissionRow => ({
  id: r.id,
  submissionId: r.submission_id,
  revision: r.revision,
  supersedes: r.supersedes,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  unitType: r.unit_type,
  year: r.year,
  setId: r.set_id,
  setVersion: r.set_version,
  setSha256: r.set_sha256,
  bundleSha256: r.bundle_sha256,
  bundleSize: r.bundle_size,
  signerSubject: r.signer_subject,
  signerSha256: r.signer_sha256,
  status: r.status,
  verificationJson: r.verification_json,
  submissionJson: r.submission_json,
  importedAt: r.imported_at,
});

/** For replay detection: every submission id with the highest revision imported so far. */
export const importedRevisions = (db: Db): { submissionId: string; revision: number }[] =>
  (db.prepare('SELECT submission_id AS submissionId, MAX(revision) AS revision FROM imported_submission GROUP BY submission_id').all() as {
    submissionId: string;
    revision: number;
  }[]);

export const highestRevision = (db: Db, submissionId: string): ImportedSubmissionRow | null => {
  const r = db.prepare('SELECT * FROM imported_submission WHERE submission_id = ? ORDER BY revision DESC LIMIT 1').get(submissionId) as RawSub | undefined;
  return r ? subFromRaw(r) : null;
};

export const findImported = (db: Db, id: string): ImportedSubmissionRow | null => {
  const r = db.prepare('SELECT * FROM imported_submission WHERE id = ?').get(id) as RawSub | undefined;
  return r ? subFromRaw(r) : null;
};

/** Who first used a submission id (its first revision): the unit and year it belongs to. */
export const ownerOfSubmission = (db: Db, submissionId: string): { unitCode: string; year: number } | null =>
  (db
    .prepare('SELECT unit_code AS unitCode, year FROM imported_submission WHERE submission_id = ? ORDER BY revision ASC, rowid ASC LIMIT 1')
    .get(submissionId) as { unitCode: string; year: number } | undefined) ?? null;

/** The newest import of a unit in a year: its active submission (older ones are history). */
const ACTIVE = `s.rowid = (SELECT t.rowid FROM imported_submission t WHERE t.unit_code = s.unit_code AND t.year = s.year ORDER BY t.rowid DESC LIMIT 1)`;

export const activeImportOf = (db: Db, unitCode: string, year: number): ImportedSubmissionRow | null => {
  const r = db.prepare(`SELECT s.* FROM imported_submission s WHERE s.unit_code = ? AND s.year = ? AND ${ACTIVE}`).get(unitCode, year) as RawSub | undefined;
  return r ? subFromRaw(r) : null;
};

/** The active submission of every unit, optionally of one year. Earlier imports are kept but not listed. */
export const listCurrentImports = (db: Db, year?: number): ImportedSubmissionRow[] => {
  const sql = `SELECT s.* FROM imported_submission s WHERE ${ACTIVE} ${year === undefined ? '' : 'AND s.year = ?'} ORDER BY s.unit_name, s.imported_at`;
  const rows = (year === undefined ? db.prepare(sql).all() : db.prepare(sql).all(year)) as RawSub[];
  return rows.map(subFromRaw);
};

export const importedYears = (db: Db): number[] =>
  (db.prepare('SELECT DISTINCT year FROM imported_submission ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);

/** Every import of one unit in one year, newest first: the visible history of the detail page. */
export const listUnitHistory = (db: Db, unitCode: string, year: number): { id: string; submissionId: string; revision: number; importedAt: string }[] =>
  db
    .prepare(
      'SELECT id, submission_id AS submissionId, revision, imported_at AS importedAt FROM imported_submission WHERE unit_code = ? AND year = ? ORDER BY rowid DESC',
    )
    .all(unitCode, year) as { id: string; submissionId: string; revision: number; importedAt: string }[];

export type NewImport = { submission: ImportedSubmissionRow; answers: ImportedAnswerRow[]; evidence: ImportedEvidenceRow[] };

/** One import, all rows or none. Caller runs it inside db.transaction (with its replay re-check). */
export const insertImport = (db: Db, n: NewImport): void => {
  const s = n.submission;
  db.prepare(
    `INSERT INTO imported_submission (id, submission_id, revision, supersedes, unit_code, unit_name, unit_type, year, set_id, set_version,
      set_sha256, bundle_sha256, bundle_size, signer_subject, signer_sha256, status, verification_json, submission_json, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.id,
    s.submissionId,
    s.revision,
    s.supersedes,
    s.unitCode,
    s.unitName,
    s.unitType,
    s.year,
    s.setId,
    s.setVersion,
    s.setSha256,
    s.bundleSha256,
    s.bundleSize,
    s.signerSubject,
    s.signerSha256,
    s.status,
    s.verificationJson,
    s.submissionJson,
    s.importedAt,
  );
  const ans = db.prepare(
    `INSERT INTO imported_answer (import_id, node_id, value_json, note, evidence_json, declared_points, declared_max, declared_explanation)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of n.answers) ans.run(s.id, a.nodeId, a.valueJson, a.note, JSON.stringify(a.evidence), a.declaredPoints, a.declaredMax, a.declaredExplanation);
  const ev = db.prepare(
    'INSERT INTO imported_evidence (import_id, path, original_name, media_type, size, sha256, metadata_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const e of n.evidence) ev.run(s.id, e.path, e.originalName, e.mediaType, e.size, e.sha256, JSON.stringify(e.metadata));
};

export const listImportedAnswers = (db: Db, importId: string): ImportedAnswerRow[] =>
  (
    db.prepare('SELECT * FROM imported_answer WHERE import_id = ?').all(importId) as {
      node_id: string;
      value_json: string;
      note: string;
      evidence_json: string;
      declared_points: number | null;
      declared_max: number | null;
      declared_explanation: string;
    }[]
  ).map((r) => ({
    nodeId: r.node_id,
    valueJson: r.value_json,
    note: r.note,
    evidence: JSON.parse(r.evidence_json) as string[],
    declaredPoints: r.declared_points,
    declaredMax: r.declared_max,
    declaredExplanation: r.declared_explanation,
  }));

export const listImportedEvidence = (db: Db, importId: string): ImportedEvidenceRow[] =>
  (
    db.prepare('SELECT * FROM imported_evidence WHERE import_id = ? ORDER BY path').all(importId) as {
      path: string;
      original_name: string;
      media_type: string;
      size: number;
      sha256: string;
      metadata_json: string;
    }[]
  ).map((r) => ({
    path: r.path,
    originalName: r.original_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    metadata: JSON.parse(r.metadata_json) as Record<string, string>,
  }));

export const listAppraisals = (db: Db, importId: string): AppraisalRow[] =>
  db
    .prepare('SELECT node_id AS nodeId, appraised_milli AS appraisedMilli, comment, updated_at AS updatedAt FROM appraisal WHERE import_id = ?')
    .all(importId) as AppraisalRow[];

/** A null value with an empty comment removes the row (the self score is accepted without remark). */
export const saveAppraisal = (db: Db, importId: string, row: AppraisalRow): void => {
  if (row.appraisedMilli === null && row.comment === '') {
    db.prepare('DELETE FROM appraisal WHERE import_id = ? AND node_id = ?').run(importId, row.nodeId);
    return;
  }
  db.prepare(
    `INSERT INTO appraisal (import_id, node_id, appraised_milli, comment, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (import_id, node_id) DO UPDATE SET appraised_milli = excluded.appraised_milli, comment = excluded.comment, updated_at = excluded.updated_at`,
  ).run(importId, row.nodeId, row.appraisedMilli, row.comment, row.updatedAt);
};

import type { Assessment } from '../../../../shared/schemas/assessment';
import type { Db } from '../connection';

type Row = {
  id: string;
  year: number;
  indicator_set_id: string;
  indicator_set_version: string;
  indicator_set_name: string;
  indicator_set_sha256: string;
  revision: number;
  supersedes_revision: number | null;
  status: Assessment['status'];
  deadline: string | null;
  created_at: string;
  updated_at: string;
  duplicate_of: string | null;
};

const fromRow = (r: Row): Assessment => ({
  id: r.id,
  year: r.year,
  indicatorSetId: r.indicator_set_id,
  indicatorSetVersion: r.indicator_set_version,
  indicatorSetName: r.indicator_set_name,
  indicatorSetSha256: r.indicator_set_sha256,
  revision: r.revision,
  supersedesRevision: r.supersedes_revision,
  status: r.status,
  deadline: r.deadline,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ...(r.duplicate_of ? { duplicateOf: r.duplicate_of } : {}),
});

export const listAssessments = (db: Db): Assessment[] =>
  (db.prepare('SELECT * FROM assessment ORDER BY year DESC, created_at DESC').all() as Row[]).map(fromRow);

export const findAssessment = (db: Db, id: string): Assessment | null => {
  const row = db.prepare('SELECT * FROM assessment WHERE id = ?').get(id) as Row | undefined;
  return row ? fromRow(row) : null;
};

/** The assessment of this year on this set (one at most: unique index of migration 0160), marked twins aside. */
export const findAssessmentOfYear = (db: Db, year: number, indicatorSetId: string, indicatorSetVersion: string): Assessment | null => {
  const row = db
    .prepare('SELECT * FROM assessment WHERE year = ? AND indicator_set_id = ? AND indicator_set_version = ? AND duplicate_of IS NULL')
    .get(year, indicatorSetId, indicatorSetVersion) as
    | Row
    | undefined;
  return row ? fromRow(row) : null;
};

export const insertAssessment = (db: Db, a: Assessment): Assessment => {
  db.prepare(
    `INSERT INTO assessment (id, year, indicator_set_id, indicator_set_version, indicator_set_name,
       indicator_set_sha256, revision, supersedes_revision, status, deadline, created_at, updated_at)
     VALUES (@id, @year, @indicatorSetId, @indicatorSetVersion, @indicatorSetName, @indicatorSetSha256,
       @revision, @supersedesRevision, @status, @deadline, @createdAt, @updatedAt)`,
  ).run(a);
  return a;
};

/** Bumps updated_at; every write to an assessment's answers/evidence calls this in the same transaction. */
export const touchAssessment = (db: Db, id: string, now: string): void => {
  db.prepare('UPDATE assessment SET updated_at = ? WHERE id = ?').run(now, id);
};

export const countAssessments = (db: Db): number => db.prepare('SELECT count(*) FROM assessment').pluck().get() as number;

export const setAssessmentDeadline = (db: Db, id: string, deadline: string | null, now: string): void => {
  db.prepare('UPDATE assessment SET deadline = ?, updated_at = ? WHERE id = ?').run(deadline, now, id);
};

/** Reopens a locked assessment as the draft of its next revision and records the revision (one transaction). */
export const reopenAsRevision = (db: Db, id: string, revision: number, supersedes: number, now: string): void => {
  db.prepare("UPDATE assessment SET status = 'draft', revision = ?, supersedes_revision = ?, updated_at = ? WHERE id = ?").run(
    revision,
    supersedes,
    now,
    id,
  );
  db.prepare('INSERT INTO assessment_revision (assessment_id, revision, supersedes, created_at) VALUES (?, ?, ?, ?)').run(
    id,
    revision,
    supersedes,
    now,
  );
};

export type RevisionRow = { revision: number; supersedes: number | null; createdAt: string };

/** The recorded revisions (migration 0060), oldest first; revision 1 has a row only in older databases. */
export const listRevisions = (db: Db, id: string): RevisionRow[] =>
  (
    db
      .prepare('SELECT revision, supersedes, created_at FROM assessment_revision WHERE assessment_id = ? ORDER BY revision')
      .all(id) as { revision: number; supersedes: number | null; created_at: string }[]
  ).map((r) => ({ revision: r.revision, supersedes: r.supersedes, createdAt: r.created_at }));

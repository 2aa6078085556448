import type { RoundDeadlines, RoundUnit } from '../../../../shared/schemas/round';
import type { UnitType } from '../../../../shared/schemas/unit';
import type { Db } from '../connection';

/** Sở Nội vụ's rounds (migration 0200): one per year, its official sets and its unit list. */

export type RoundSetRow = { block: UnitType; setId: string; setVersion: string; setSha256: string };

export type RoundRow = {
  id: string;
  year: number;
  revision: number;
  deadlines: RoundDeadlines;
  exportedRevision: number | null;
  exportedSha256: string | null;
  exportedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

type Raw = {
  id: string;
  year: number;
  revision: number;
  self_assessment_due: string;
  explanation_start: string;
  explanation_end: string;
  exported_revision: number | null;
  exported_sha256: string | null;
  exported_at: string | null;
  created_at: string;
  updated_at: string;
};

const fromRaw = (r: Raw): RoundRow => ({
  id: r.id,
  year: r.year,
  revision: r.revision,
  deadlines: { selfAssessmentDue: r.self_assessment_due, explanationStart: r.explanation_start, explanationEnd: r.explanation_end },
  exportedRevision: r.exported_revision,
  exportedSha256: r.exported_sha256,
  exportedAt: r.exported_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const listRounds = (db: Db): RoundRow[] => (db.prepare('SELECT * FROM round ORDER BY year DESC').all() as Raw[]).map(fromRaw);

export const findRound = (db: Db, id: string): RoundRow | null => {
  const r = db.prepare('SELECT * FROM round WHERE id = ?').get(id) as Raw | undefined;
  return r ? fromRaw(r) : null;
};

export const findRoundByYear = (db: Db, year: number): RoundRow | null => {
  const r = db.prepare('SELECT * FROM round WHERE year = ?').get(year) as Raw | undefined;
  return r ? fromRaw(r) : null;
};

export const roundSets = (db: Db, roundId: string): RoundSetRow[] =>
  db
    .prepare('SELECT block, set_id AS setId, set_version AS setVersion, set_sha256 AS setSha256 FROM round_set WHERE round_id = ? ORDER BY block')
    .all(roundId) as RoundSetRow[];

export const roundUnits = (db: Db, roundId: string): RoundUnit[] =>
  db.prepare('SELECT code, name, block FROM round_unit WHERE round_id = ? ORDER BY position').all(roundId) as RoundUnit[];

/** Writes a round with its sets and units (replacing both lists). Call inside inTransaction. */
export const saveRound = (db: Db, r: Omit<RoundRow, 'exportedRevision' | 'exportedSha256' | 'exportedAt'>, sets: RoundSetRow[], units: RoundUnit[]): void => {
  db.prepare(
    `INSERT INTO round (id, year, revision, self_assessment_due, explanation_start, explanation_end, created_at, updated_at)
     VALUES (@id, @year, @revision, @due, @start, @end, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET year = excluded.year, revision = excluded.revision,
       self_assessment_due = excluded.self_assessment_due, explanation_start = excluded.explanation_start,
       explanation_end = excluded.explanation_end, updated_at = excluded.updated_at`,
  ).run({
    id: r.id,
    year: r.year,
    revision: r.revision,
    due: r.deadlines.selfAssessmentDue,
    start: r.deadlines.explanationStart,
    end: r.deadlines.explanationEnd,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
  db.prepare('DELETE FROM round_set WHERE round_id = ?').run(r.id);
  const addSet = db.prepare('INSERT INTO round_set (round_id, block, set_id, set_version, set_sha256) VALUES (?, ?, ?, ?, ?)');
  for (const s of sets) addSet.run(r.id, s.block, s.setId, s.setVersion, s.setSha256);
  db.prepare('DELETE FROM round_unit WHERE round_id = ?').run(r.id);
  const addUnit = db.prepare('INSERT INTO round_unit (round_id, position, code, name, block) VALUES (?, ?, ?, ?, ?)');
  units.forEach((u, i) => addUnit.run(r.id, i, u.code, u.name, u.block));
};

export const markRoundExported = (db: Db, id: string, revision: number, sha256: string, at: string): void => {
  db.prepare('UPDATE round SET exported_revision = ?, exported_sha256 = ?, exported_at = ? WHERE id = ?').run(revision, sha256, at, id);
};

import type { UnitType } from '../../../../shared/schemas/unit';
import type { Db } from '../connection';

/**
 * Sở Nội vụ's record of each appraisal-result package it signed (migration 0230): one row per written
 * package, inserted in the step that writes it (services/results/export-results.ts). `result_id` is fixed for
 * one unit in one round; each re-issue is the next revision.
 */
export type IssuedResultRow = {
  resultId: string;
  revision: number;
  importId: string;
  roundId: string;
  year: number;
  unitCode: string;
  unitType: UnitType;
  packageSha256: string;
  packageSize: number;
  fileName: string;
  resultJson: string;
  issuedAt: string;
};

type Raw = {
  result_id: string;
  revision: number;
  import_id: string;
  round_id: string;
  year: number;
  unit_code: string;
  unit_type: UnitType;
  package_sha256: string;
  package_size: number;
  file_name: string;
  result_json: string;
  issued_at: string;
};

const fromRaw = (r: Raw): IssuedResultRow => ({
  resultId: r.result_id,
  revision: r.revision,
  importId: r.import_id,
  roundId: r.round_id,
  year: r.year,
  unitCode: r.unit_code,
  unitType: r.unit_type,
  packageSha256: r.package_sha256,
  packageSize: r.package_size,
  fileName: r.file_name,
  resultJson: r.result_json,
  issuedAt: r.issued_at,
});

export const insertIssuedResult = (db: Db, r: IssuedResultRow): void => {
  db.prepare(
    `INSERT INTO issued_result (result_id, revision, import_id, round_id, year, unit_code, unit_type, package_sha256, package_size, file_name, result_json, issued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.resultId, r.revision, r.importId, r.roundId, r.year, r.unitCode, r.unitType, r.packageSha256, r.packageSize, r.fileName, r.resultJson, r.issuedAt);
};

/** The highest revision issued to a unit in a round (null: none yet). */
export const latestIssuedResult = (db: Db, roundId: string, unitCode: string): IssuedResultRow | null => {
  const r = db
    .prepare('SELECT * FROM issued_result WHERE round_id = ? AND unit_code = ? ORDER BY revision DESC LIMIT 1')
    .get(roundId, unitCode) as Raw | undefined;
  return r ? fromRaw(r) : null;
};

/** The latest revision per unit of a year (whatever round), for the inbox list. */
export const latestIssuedByYear = (db: Db, year: number): IssuedResultRow[] =>
  (
    db
      .prepare(
        `SELECT i.* FROM issued_result i
         WHERE i.year = ? AND i.revision = (SELECT MAX(j.revision) FROM issued_result j WHERE j.result_id = i.result_id)
         ORDER BY i.unit_code`,
      )
      .all(year) as Raw[]
  ).map(fromRaw);

export const listIssuedResults = (db: Db, resultId: string): IssuedResultRow[] =>
  (db.prepare('SELECT * FROM issued_result WHERE result_id = ? ORDER BY revision').all(resultId) as Raw[]).map(fromRaw);

import type { UnitType } from '../../../../shared/schemas/unit';
import type { Db } from '../connection';

/**
 * The facts behind each unit's round state (shared/domain/round-state.ts) for one year, from the tables that
 * record them today. The units are the round's list when the year has a round (migration 0200), otherwise the
 * register's (0140).
 */

export type UnitRoundFactsRow = {
  code: string;
  name: string;
  block: UnitType;
  /** The active submission (the one imported last, as inbox-repo.ts's ACTIVE), if any. */
  importId: string | null;
  revision: number | null;
  importedAt: string | null;
  submitted: boolean;
  appraisalStarted: boolean;
  resultSent: boolean;
  explanationReceived: boolean;
  closed: boolean;
};

type Raw = { code: string; name: string; block: UnitType; import_id: string | null; revision: number | null; imported_at: string | null; appraised: number; result_sent: number; explained: number; closed: number };

/** Years the dashboard can show: any year with a register or a round. */
export const roundStateYears = (db: Db): number[] =>
  (db.prepare('SELECT year FROM registry_year UNION SELECT year FROM round ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);

export const unitRoundFacts = (db: Db, year: number): UnitRoundFactsRow[] => {
  const round = db.prepare('SELECT id FROM round WHERE year = ?').get(year) as { id: string } | undefined;
  const units = round
    ? 'SELECT code, name, block, position AS ord FROM round_unit WHERE round_id = @roundId'
    : 'SELECT code, name, block, ROW_NUMBER() OVER (ORDER BY block, code) AS ord FROM registry_unit WHERE year = @year';
  const rows = db
    .prepare(
      `WITH units AS (${units}),
       active AS (
         SELECT s.id, s.unit_code, s.revision, s.imported_at,
                ROW_NUMBER() OVER (PARTITION BY s.unit_code ORDER BY s.rowid DESC) AS n
         FROM imported_submission s WHERE s.year = @year
       )
       SELECT u.code, u.name, u.block, a.id AS import_id, a.revision, a.imported_at,
              CASE WHEN EXISTS (SELECT 1 FROM appraisal p JOIN imported_submission s ON s.id = p.import_id
                                WHERE s.unit_code = u.code AND s.year = @year)
                     OR EXISTS (SELECT 1 FROM received_survey r WHERE r.unit_code = u.code AND r.year = @year)
                   THEN 1 ELSE 0 END AS appraised,
              EXISTS (SELECT 1 FROM issued_result r WHERE r.unit_code = u.code AND r.year = @year) AS result_sent,
              EXISTS (SELECT 1 FROM received_explanation x WHERE x.unit_code = u.code AND x.year = @year) AS explained,
              EXISTS (SELECT 1 FROM closed_unit c WHERE c.unit_code = u.code AND c.year = @year) AS closed
       FROM units u LEFT JOIN active a ON a.unit_code = u.code AND a.n = 1
       ORDER BY u.ord`,
    )
    .all({ year, roundId: round?.id ?? null }) as Raw[];
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    block: r.block,
    importId: r.import_id,
    revision: r.revision,
    importedAt: r.imported_at,
    submitted: r.import_id !== null,
    appraisalStarted: r.appraised === 1,
    // A signed appraisal-result package was written for the unit (migration 0230, services/results).
    resultSent: r.result_sent === 1,
    // A giải trình package of the unit was imported, and the year was closed with the unit's final result (migration 0240, services/decisions).
    explanationReceived: r.explained === 1,
    closed: r.closed === 1,
  }));
};

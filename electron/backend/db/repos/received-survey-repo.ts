import type { Db } from '../connection';

/** Survey / external-index values Sở Nội vụ entered for a unit and year (migration 0150), thousandths of the node's measure. */

export type ReceivedSurveyRow = { nodeId: string; value: number; updatedAt: string; updatedBy: string };

export const listReceivedSurvey = (db: Db, year: number, unitCode: string): ReceivedSurveyRow[] =>
  db
    .prepare('SELECT node_id AS nodeId, value, updated_at AS updatedAt, updated_by AS updatedBy FROM received_survey WHERE year = ? AND unit_code = ? ORDER BY node_id')
    .all(year, unitCode) as ReceivedSurveyRow[];

/** A null value removes the entry (the node scores 0 again). */
export const saveReceivedSurvey = (db: Db, year: number, unitCode: string, nodeId: string, value: number | null, at: string, by: string): void => {
  if (value === null) {
    db.prepare('DELETE FROM received_survey WHERE year = ? AND unit_code = ? AND node_id = ?').run(year, unitCode, nodeId);
    return;
  }
  db.prepare(
    `INSERT INTO received_survey (year, unit_code, node_id, value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (year, unit_code, node_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(year, unitCode, nodeId, value, at, by);
};

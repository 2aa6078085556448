import type { Db } from '../connection';

/** Provenance of a survey result (the value is in the answer table, see migration 0070). */
export type SurveyProvenance = {
  nodeId: string;
  sourceNote: string;
  origin: 'manual' | 'import';
  fileName: string;
  updatedAt: string;
};

type Row = { node_id: string; source_note: string; origin: 'manual' | 'import'; file_name: string; updated_at: string };

export const listSurveyProvenance = (db: Db, assessmentId: string): Map<string, SurveyProvenance> => {
  const rows = db
    .prepare('SELECT node_id, source_note, origin, file_name, updated_at FROM survey_result WHERE assessment_id = ?')
    .all(assessmentId) as Row[];
  return new Map(
    rows.map((r) => [
      r.node_id,
      { nodeId: r.node_id, sourceNote: r.source_note, origin: r.origin, fileName: r.file_name, updatedAt: r.updated_at },
    ]),
  );
};

export const upsertSurveyProvenance = (db: Db, assessmentId: string, p: SurveyProvenance): void => {
  db.prepare(
    `INSERT INTO survey_result (assessment_id, node_id, source_note, origin, file_name, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (assessment_id, node_id) DO UPDATE SET source_note = excluded.source_note,
       origin = excluded.origin, file_name = excluded.file_name, updated_at = excluded.updated_at`,
  ).run(assessmentId, p.nodeId, p.sourceNote, p.origin, p.fileName, p.updatedAt);
};

/** Clears a survey result: its answer row and its provenance. Call inside a transaction. */
export const deleteSurveyResult = (db: Db, assessmentId: string, nodeId: string): void => {
  db.prepare('DELETE FROM survey_result WHERE assessment_id = ? AND node_id = ?').run(assessmentId, nodeId);
  db.prepare('DELETE FROM answer WHERE assessment_id = ? AND node_id = ?').run(assessmentId, nodeId);
};

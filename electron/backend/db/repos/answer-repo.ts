import type { Answer } from '../../../../shared/schemas/answers';
import { answerInputsSchema } from '../../../../shared/schemas/answers';
import type { Db } from '../connection';

/** Answers without evidence (evidence links belong to the evidence store); no waiver given = none. */
export type StoredAnswer = Omit<Answer, 'evidenceIds' | 'evidenceWaiver'> & Partial<Pick<Answer, 'evidenceWaiver'>>;
/** An answer as read back: the waiver always present (null = none). */
export type ReadAnswer = Omit<Answer, 'evidenceIds'>;

type Row = {
  node_id: string;
  inputs_json: string;
  is_na: number;
  na_reason: string;
  explanation: string;
  evidence_waiver: string | null;
};

/** How many undo steps are kept per assessment. */
export const HISTORY_LIMIT = 50;

const fromRow = (r: Row): ReadAnswer => ({
  nodeId: r.node_id,
  // Re-parse: a row written by an older build still yields a well-formed answer (unknown keys dropped).
  inputs: answerInputsSchema.strip().parse(JSON.parse(r.inputs_json)),
  notApplicable: r.is_na ? { reason: r.na_reason } : null,
  explanation: r.explanation,
  evidenceWaiver: r.evidence_waiver === null ? null : { reason: r.evidence_waiver },
});

const hasEvidenceLinks = (db: Db): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'evidence_link'").get() !== undefined;

/** Evidence document ids per node, from the evidence store's link table (empty if it does not exist). */
const evidenceByNode = (db: Db, assessmentId: string): Map<string, string[]> => {
  const map = new Map<string, string[]>();
  if (!hasEvidenceLinks(db)) return map;
  const rows = db
    .prepare('SELECT node_id, document_id FROM evidence_link WHERE assessment_id = ? ORDER BY created_at, document_id')
    .all(assessmentId) as { node_id: string; document_id: string }[];
  for (const r of rows) {
    const list = map.get(r.node_id) ?? [];
    list.push(r.document_id);
    map.set(r.node_id, list);
  }
  return map;
};

export const listAnswers = (db: Db, assessmentId: string): Answer[] => {
  const rows = db
    .prepare('SELECT node_id, inputs_json, is_na, na_reason, explanation, evidence_waiver FROM answer WHERE assessment_id = ? ORDER BY node_id')
    .all(assessmentId) as Row[];
  const ev = evidenceByNode(db, assessmentId);
  return rows.map((r) => ({ ...fromRow(r), evidenceIds: ev.get(r.node_id) ?? [] }));
};

export const findAnswer = (db: Db, assessmentId: string, nodeId: string): ReadAnswer | null => {
  const row = db
    .prepare('SELECT node_id, inputs_json, is_na, na_reason, explanation, evidence_waiver FROM answer WHERE assessment_id = ? AND node_id = ?')
    .get(assessmentId, nodeId) as Row | undefined;
  return row ? fromRow(row) : null;
};

export const evidenceIdsOf = (db: Db, assessmentId: string, nodeId: string): string[] =>
  evidenceByNode(db, assessmentId).get(nodeId) ?? [];

const write = (db: Db, assessmentId: string, a: StoredAnswer, now: string): void => {
  db.prepare(
    `INSERT INTO answer (assessment_id, node_id, inputs_json, is_na, na_reason, explanation, evidence_waiver, updated_at)
     VALUES (@assessmentId, @nodeId, @inputs, @isNa, @naReason, @explanation, @waiver, @now)
     ON CONFLICT (assessment_id, node_id) DO UPDATE SET inputs_json = excluded.inputs_json,
       is_na = excluded.is_na, na_reason = excluded.na_reason, explanation = excluded.explanation,
       evidence_waiver = excluded.evidence_waiver, updated_at = excluded.updated_at`,
  ).run({
    assessmentId,
    nodeId: a.nodeId,
    inputs: JSON.stringify(a.inputs),
    isNa: a.notApplicable ? 1 : 0,
    naReason: a.notApplicable?.reason ?? '',
    explanation: a.explanation,
    // Undo steps recorded before 0260 have no waiver field: none.
    waiver: a.evidenceWaiver?.reason ?? null,
    now,
  });
};

/** Upserts an answer and records the previous value for undo. Call inside a transaction. */
export const saveAnswer = (db: Db, assessmentId: string, a: StoredAnswer, now: string): void => {
  const previous = findAnswer(db, assessmentId, a.nodeId);
  db.prepare(
    'INSERT INTO answer_history (assessment_id, node_id, previous_json, changed_at) VALUES (?, ?, ?, ?)',
  ).run(assessmentId, a.nodeId, JSON.stringify(previous), now);
  db.prepare(
    `DELETE FROM answer_history WHERE assessment_id = ? AND id NOT IN
       (SELECT id FROM answer_history WHERE assessment_id = ? ORDER BY id DESC LIMIT ?)`,
  ).run(assessmentId, assessmentId, HISTORY_LIMIT);
  write(db, assessmentId, a, now);
};

/**
 * Restores the value a node had before the last change and forgets that change. Returns the node id and
 * the restored answer (null: the node had no answer before), or null when there is nothing to undo.
 * Call inside a transaction.
 */
export const undoLastChange = (
  db: Db,
  assessmentId: string,
  now: string,
): { nodeId: string; restored: StoredAnswer | null } | null => {
  const last = db
    .prepare('SELECT id, node_id, previous_json FROM answer_history WHERE assessment_id = ? ORDER BY id DESC LIMIT 1')
    .get(assessmentId) as { id: number; node_id: string; previous_json: string } | undefined;
  if (!last) return null;
  const previous = JSON.parse(last.previous_json) as StoredAnswer | null;
  if (previous) write(db, assessmentId, previous, now);
  else db.prepare('DELETE FROM answer WHERE assessment_id = ? AND node_id = ?').run(assessmentId, last.node_id);
  db.prepare('DELETE FROM answer_history WHERE id = ?').run(last.id);
  return { nodeId: last.node_id, restored: previous };
};

/** Writes many answers at once (carry-forward, import); records no undo history. Call inside a transaction. */
export const replaceAnswers = (db: Db, assessmentId: string, answers: readonly StoredAnswer[], now: string): void => {
  for (const a of answers) write(db, assessmentId, a, now);
};

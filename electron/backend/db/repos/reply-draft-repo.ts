import type { Db } from '../connection';

/** The giải trình draft of one result and the explanation packages sent for it (migration 0250). */

export type DraftEvidenceRef = { source: 'DOCUMENT' | 'NEW'; refId: string };
export type DraftItemRow = { nodeId: string; text: string; requested: number | null; evidence: DraftEvidenceRef[]; updatedAt: string };
export type ReplyEvidenceRow = { id: string; resultId: string; sha256: string; size: number; fileKind: string; mediaType: string; originalName: string; createdAt: string };
export type SentRow = {
  explanationId: string;
  revision: number;
  resultId: string;
  resultRevision: number;
  resultSha256: string;
  packageSha256: string;
  packageSize: number;
  fileName: string;
  explanationJson: string;
  sentAt: string;
};

export const draftItems = (db: Db, resultId: string): DraftItemRow[] => {
  const items = db.prepare('SELECT node_id AS nodeId, text, requested, updated_at AS updatedAt FROM reply_item WHERE result_id = ? ORDER BY node_id').all(resultId) as Omit<DraftItemRow, 'evidence'>[];
  const ev = db.prepare('SELECT source, ref_id AS refId FROM reply_item_evidence WHERE result_id = ? AND node_id = ? ORDER BY position');
  return items.map((i) => ({ ...i, evidence: ev.all(resultId, i.nodeId) as DraftEvidenceRef[] }));
};

/** Replaces the whole draft of a result (items not given are removed). Call inside inTransaction. */
export const replaceDraft = (db: Db, resultId: string, items: Omit<DraftItemRow, 'updatedAt'>[], now: string): void => {
  db.prepare('DELETE FROM reply_item WHERE result_id = ?').run(resultId);
  const add = db.prepare('INSERT INTO reply_item (result_id, node_id, text, requested, updated_at) VALUES (?, ?, ?, ?, ?)');
  const addEv = db.prepare('INSERT INTO reply_item_evidence (result_id, node_id, position, source, ref_id) VALUES (?, ?, ?, ?, ?)');
  for (const it of items) {
    add.run(resultId, it.nodeId, it.text, it.requested, now);
    it.evidence.forEach((e, i) => addEv.run(resultId, it.nodeId, i, e.source, e.refId));
  }
};

export const insertReplyEvidence = (db: Db, e: ReplyEvidenceRow): void => {
  db.prepare(
    'INSERT INTO reply_evidence (id, result_id, sha256, size, file_kind, media_type, original_name, created_at) VALUES (@id, @resultId, @sha256, @size, @fileKind, @mediaType, @originalName, @createdAt)',
  ).run(e);
};

export const replyEvidenceOf = (db: Db, resultId: string): ReplyEvidenceRow[] =>
  db
    .prepare(
      'SELECT id, result_id AS resultId, sha256, size, file_kind AS fileKind, media_type AS mediaType, original_name AS originalName, created_at AS createdAt FROM reply_evidence WHERE result_id = ? ORDER BY created_at, id',
    )
    .all(resultId) as ReplyEvidenceRow[];

export const sentFor = (db: Db, resultId: string): SentRow[] =>
  db
    .prepare(
      `SELECT explanation_id AS explanationId, revision, result_id AS resultId, result_revision AS resultRevision, result_sha256 AS resultSha256,
         package_sha256 AS packageSha256, package_size AS packageSize, file_name AS fileName, explanation_json AS explanationJson, sent_at AS sentAt
       FROM reply_sent WHERE result_id = ? ORDER BY revision`,
    )
    .all(resultId) as SentRow[];

export const recordSent = (db: Db, s: SentRow): void => {
  db.prepare(
    `INSERT INTO reply_sent (explanation_id, revision, result_id, result_revision, result_sha256, package_sha256, package_size, file_name, explanation_json, sent_at)
     VALUES (@explanationId, @revision, @resultId, @resultRevision, @resultSha256, @packageSha256, @packageSize, @fileName, @explanationJson, @sentAt)`,
  ).run(s);
};

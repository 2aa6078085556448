import type { EvidenceFileKind, EvidenceMeta } from '../../../../shared/schemas/evidence';
import type { Db } from '../connection';

/** A document row as stored (usage and warnings are added by the service). */
export type EvidenceRow = {
  id: string;
  assessmentId: string;
  sha256: string;
  size: number;
  fileKind: EvidenceFileKind;
  mediaType: string;
  originalName: string;
  meta: EvidenceMeta;
  createdAt: string;
  updatedAt: string;
};

type Raw = {
  id: string;
  assessment_id: string;
  sha256: string;
  size: number;
  file_kind: EvidenceFileKind;
  media_type: string;
  original_name: string;
  doc_type: string;
  doc_number: string;
  issued_on: string;
  summary: string;
  issuer: string;
  note: string;
  created_at: string;
  updated_at: string;
};

const fromRaw = (r: Raw): EvidenceRow => ({
  id: r.id,
  assessmentId: r.assessment_id,
  sha256: r.sha256,
  size: r.size,
  fileKind: r.file_kind,
  mediaType: r.media_type,
  originalName: r.original_name,
  meta: {
    docType: r.doc_type,
    docNumber: r.doc_number,
    issuedOn: r.issued_on,
    summary: r.summary,
    issuer: r.issuer,
    note: r.note,
  },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const findDocument = (db: Db, id: string): EvidenceRow | null => {
  const r = db.prepare('SELECT * FROM evidence_document WHERE id = ?').get(id) as Raw | undefined;
  return r ? fromRaw(r) : null;
};

export const findDocumentByHash = (db: Db, assessmentId: string, sha256: string): EvidenceRow | null => {
  const r = db
    .prepare('SELECT * FROM evidence_document WHERE assessment_id = ? AND sha256 = ?')
    .get(assessmentId, sha256) as Raw | undefined;
  return r ? fromRaw(r) : null;
};

export const listDocumentRows = (db: Db, assessmentId: string): EvidenceRow[] =>
  (
    db
      .prepare('SELECT * FROM evidence_document WHERE assessment_id = ? ORDER BY created_at DESC, id')
      .all(assessmentId) as Raw[]
  ).map(fromRaw);

export const listDocumentRowsForNode = (db: Db, assessmentId: string, nodeId: string): EvidenceRow[] =>
  (
    db
      .prepare(
        `SELECT d.* FROM evidence_document d JOIN evidence_link l ON l.document_id = d.id
         WHERE l.assessment_id = ? AND l.node_id = ? ORDER BY l.created_at, d.id`,
      )
      .all(assessmentId, nodeId) as Raw[]
  ).map(fromRaw);

export const insertDocument = (db: Db, d: EvidenceRow): void => {
  db.prepare(
    `INSERT INTO evidence_document (id, assessment_id, sha256, size, file_kind, media_type, original_name,
       doc_type, doc_number, issued_on, summary, issuer, note, created_at, updated_at)
     VALUES (@id, @assessmentId, @sha256, @size, @fileKind, @mediaType, @originalName,
       @docType, @docNumber, @issuedOn, @summary, @issuer, @note, @createdAt, @updatedAt)`,
  ).run({ ...d, ...d.meta, meta: undefined });
};

export const updateDocumentMeta = (db: Db, id: string, meta: EvidenceMeta, now: string): void => {
  db.prepare(
    `UPDATE evidence_document SET doc_type = @docType, doc_number = @docNumber, issued_on = @issuedOn,
       summary = @summary, issuer = @issuer, note = @note, updated_at = @now WHERE id = @id`,
  ).run({ ...meta, id, now });
};

export const deleteDocument = (db: Db, id: string): void => {
  db.prepare('DELETE FROM evidence_document WHERE id = ?').run(id);
};

/** Node ids a document is linked to, in link order. */
export const linksOfDocument = (db: Db, documentId: string): string[] =>
  (
    db.prepare('SELECT node_id FROM evidence_link WHERE document_id = ? ORDER BY created_at, node_id').all(documentId) as {
      node_id: string;
    }[]
  ).map((r) => r.node_id);

/** All links of an assessment, grouped by document id. */
export const linksByDocument = (db: Db, assessmentId: string): Map<string, string[]> => {
  const rows = db
    .prepare('SELECT document_id, node_id FROM evidence_link WHERE assessment_id = ? ORDER BY created_at, node_id')
    .all(assessmentId) as { document_id: string; node_id: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.document_id) ?? [];
    list.push(r.node_id);
    out.set(r.document_id, list);
  }
  return out;
};

/** Idempotent: linking twice is not an error. Returns true if a new link was made. */
export const insertLink = (db: Db, assessmentId: string, nodeId: string, documentId: string, now: string): boolean =>
  db
    .prepare(
      `INSERT INTO evidence_link (assessment_id, node_id, document_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    )
    .run(assessmentId, nodeId, documentId, now).changes > 0;

export const deleteLink = (db: Db, assessmentId: string, nodeId: string, documentId: string): boolean =>
  db
    .prepare('DELETE FROM evidence_link WHERE assessment_id = ? AND node_id = ? AND document_id = ?')
    .run(assessmentId, nodeId, documentId).changes > 0;


/** Linked evidence documents per node id (the dashboard's and the preflight's evidence counts). */
export const evidenceCountsOf = (db: Db, assessmentId: string): Record<string, number> => {
  const rows = db
    .prepare('SELECT node_id, COUNT(*) AS n FROM evidence_link WHERE assessment_id = ? GROUP BY node_id')
    .all(assessmentId) as { node_id: string; n: number }[];
  const out: Record<string, number> = {};
  for (const r of rows) out[r.node_id] = r.n;
  return out;
};

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * True when any row of `table` has `sha256` in `column` (the evidence store's garbage collector asks this
 * for every table that points at stored files). A table or column that does not exist, or a name that is
 * not a plain identifier, counts as a reference: when in doubt, the file is kept.
 */
export const hasBlobReference = (db: Db, ref: { table: string; column: string }, sha256: string): boolean => {
  if (!IDENT.test(ref.table) || !IDENT.test(ref.column)) return true;
  try {
    return db.prepare(`SELECT 1 FROM "${ref.table}" WHERE "${ref.column}" = ? LIMIT 1`).get(sha256) !== undefined;
  } catch {
    return true;
  }
};

import type { UnitType } from '../../../../shared/schemas/unit';
import type { Db } from '../connection';

/**
 * Sở Nội vụ's giải trình, decisions and closing (migration 0240), plus the one read of `issued_result`
 * (migration 0230) the giải trình import needs: which result a unit was last sent.
 */

export type IssuedResultRef = { resultId: string; revision: number; importId: string; roundId: string; year: number; unitCode: string; unitType: UnitType; packageSha256: string; resultJson: string };

const ISSUED_COLS = `result_id AS resultId, revision, import_id AS importId, round_id AS roundId, year, unit_code AS unitCode,
  unit_type AS unitType, package_sha256 AS packageSha256, result_json AS resultJson`;

export const findIssuedResult = (db: Db, resultId: string, revision: number): IssuedResultRef | null =>
  (db.prepare(`SELECT ${ISSUED_COLS} FROM issued_result WHERE result_id = ? AND revision = ?`).get(resultId, revision) as IssuedResultRef | undefined) ?? null;

/** The result most recently issued to a unit for a year (highest revision of its newest result id). */
export const latestIssuedResult = (db: Db, year: number, unitCode: string): IssuedResultRef | null =>
  (db.prepare(`SELECT ${ISSUED_COLS} FROM issued_result WHERE year = ? AND unit_code = ? ORDER BY issued_at DESC, revision DESC LIMIT 1`).get(year, unitCode) as
    | IssuedResultRef
    | undefined) ?? null;

export type ExplanationRow = {
  id: string;
  explanationId: string;
  revision: number;
  year: number;
  unitCode: string;
  unitName: string;
  unitType: UnitType;
  resultId: string;
  resultRevision: number;
  packageSha256: string;
  packageSize: number;
  signerSubject: string;
  signerSha256: string;
  receivedOn: string;
  explanationJson: string;
  verificationJson: string;
  importedAt: string;
};
export type ExplanationItemRow = { nodeId: string; code: string; text: string; requestedMilli: number | null; evidence: string[] };
export type ExplanationEvidenceRow = { path: string; originalName: string; mediaType: string; size: number; sha256: string };

const EXPL_COLS = `id, explanation_id AS explanationId, revision, year, unit_code AS unitCode, unit_name AS unitName, unit_type AS unitType,
  result_id AS resultId, result_revision AS resultRevision, package_sha256 AS packageSha256, package_size AS packageSize,
  signer_subject AS signerSubject, signer_sha256 AS signerSha256, received_on AS receivedOn, explanation_json AS explanationJson,
  verification_json AS verificationJson, imported_at AS importedAt`;

export const highestExplanation = (db: Db, explanationId: string): ExplanationRow | null =>
  (db.prepare(`SELECT ${EXPL_COLS} FROM received_explanation WHERE explanation_id = ? ORDER BY revision DESC LIMIT 1`).get(explanationId) as ExplanationRow | undefined) ?? null;

export const findExplanation = (db: Db, id: string): ExplanationRow | null =>
  (db.prepare(`SELECT ${EXPL_COLS} FROM received_explanation WHERE id = ?`).get(id) as ExplanationRow | undefined) ?? null;

/** The giải trình decided for a unit and year: the one imported last (a higher revision supersedes). */
export const activeExplanation = (db: Db, year: number, unitCode: string): ExplanationRow | null =>
  (db.prepare(`SELECT ${EXPL_COLS} FROM received_explanation WHERE year = ? AND unit_code = ? ORDER BY imported_at DESC, revision DESC LIMIT 1`).get(year, unitCode) as
    | ExplanationRow
    | undefined) ?? null;

export const countExplanations = (db: Db, year: number, unitCode: string): number =>
  (db.prepare('SELECT COUNT(*) AS n FROM received_explanation WHERE year = ? AND unit_code = ?').get(year, unitCode) as { n: number }).n;

export const insertExplanation = (db: Db, row: ExplanationRow, items: readonly ExplanationItemRow[], evidence: readonly ExplanationEvidenceRow[]): void => {
  db.prepare(
    `INSERT INTO received_explanation (id, explanation_id, revision, year, unit_code, unit_name, unit_type, result_id, result_revision,
       package_sha256, package_size, signer_subject, signer_sha256, received_on, explanation_json, verification_json, imported_at)
     VALUES (@id, @explanationId, @revision, @year, @unitCode, @unitName, @unitType, @resultId, @resultRevision,
       @packageSha256, @packageSize, @signerSubject, @signerSha256, @receivedOn, @explanationJson, @verificationJson, @importedAt)`,
  ).run(row);
  const item = db.prepare('INSERT INTO received_explanation_item (explanation_row, node_id, code, text, requested_milli, evidence_json) VALUES (?, ?, ?, ?, ?, ?)');
  for (const i of items) item.run(row.id, i.nodeId, i.code, i.text, i.requestedMilli, JSON.stringify(i.evidence));
  const ev = db.prepare('INSERT INTO received_explanation_evidence (explanation_row, path, original_name, media_type, size, sha256) VALUES (?, ?, ?, ?, ?, ?)');
  for (const e of evidence) ev.run(row.id, e.path, e.originalName, e.mediaType, e.size, e.sha256);
};

export const listExplanationItems = (db: Db, rowId: string): ExplanationItemRow[] =>
  (
    db
      .prepare('SELECT node_id AS nodeId, code, text, requested_milli AS requestedMilli, evidence_json AS evidenceJson FROM received_explanation_item WHERE explanation_row = ? ORDER BY rowid')
      .all(rowId) as (Omit<ExplanationItemRow, 'evidence'> & { evidenceJson: string })[]
  ).map(({ evidenceJson, ...r }) => ({ ...r, evidence: JSON.parse(evidenceJson) as string[] }));

export const listExplanationEvidence = (db: Db, rowId: string): ExplanationEvidenceRow[] =>
  db
    .prepare('SELECT path, original_name AS originalName, media_type AS mediaType, size, sha256 FROM received_explanation_evidence WHERE explanation_row = ? ORDER BY path')
    .all(rowId) as ExplanationEvidenceRow[];

export type DecisionRow = { nodeId: string; decision: 'ACCEPTED' | 'KEPT'; finalMilli: number; reasonCode: string; reason: string; decidedAt: string };

export const listDecisions = (db: Db, rowId: string): DecisionRow[] =>
  db
    .prepare('SELECT node_id AS nodeId, decision, final_milli AS finalMilli, reason_code AS reasonCode, reason, decided_at AS decidedAt FROM explanation_decision WHERE explanation_row = ?')
    .all(rowId) as DecisionRow[];

export const saveDecision = (db: Db, rowId: string, d: DecisionRow): void => {
  db.prepare(
    `INSERT INTO explanation_decision (explanation_row, node_id, decision, final_milli, reason_code, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (explanation_row, node_id) DO UPDATE SET decision = excluded.decision, final_milli = excluded.final_milli,
       reason_code = excluded.reason_code, reason = excluded.reason, decided_at = excluded.decided_at`,
  ).run(rowId, d.nodeId, d.decision, d.finalMilli, d.reasonCode, d.reason, d.decidedAt);
};

export const deleteDecision = (db: Db, rowId: string, nodeId: string): void => {
  db.prepare('DELETE FROM explanation_decision WHERE explanation_row = ? AND node_id = ?').run(rowId, nodeId);
};

export type ClosingRow = { year: number; roundId: string; closedAt: string };
export type ClosedUnitRow = {
  year: number;
  unitCode: string;
  unitName: string;
  unitType: UnitType;
  importId: string;
  resultId: string | null;
  explanationRow: string | null;
  finalMilli: number;
  rank: number | null;
  rankOf: number;
  finalJson: string;
};

export const findClosing = (db: Db, year: number): ClosingRow | null =>
  (db.prepare('SELECT year, round_id AS roundId, closed_at AS closedAt FROM round_closing WHERE year = ?').get(year) as ClosingRow | undefined) ?? null;

export const insertClosing = (db: Db, c: ClosingRow, units: readonly ClosedUnitRow[]): void => {
  db.prepare('INSERT INTO round_closing (year, round_id, closed_at) VALUES (?, ?, ?)').run(c.year, c.roundId, c.closedAt);
  const ins = db.prepare(
    `INSERT INTO closed_unit (year, unit_code, unit_name, unit_type, import_id, result_id, explanation_row, final_milli, rank, rank_of, final_json)
     VALUES (@year, @unitCode, @unitName, @unitType, @importId, @resultId, @explanationRow, @finalMilli, @rank, @rankOf, @finalJson)`,
  );
  for (const u of units) ins.run(u);
};

const CLOSED_COLS = `year, unit_code AS unitCode, unit_name AS unitName, unit_type AS unitType, import_id AS importId, result_id AS resultId,
  explanation_row AS explanationRow, final_milli AS finalMilli, rank, rank_of AS rankOf, final_json AS finalJson`;

export const listClosedUnits = (db: Db, year: number): ClosedUnitRow[] =>
  db.prepare(`SELECT ${CLOSED_COLS} FROM closed_unit WHERE year = ? ORDER BY rowid`).all(year) as ClosedUnitRow[];

export type IssuedFinalRow = { resultId: string; revision: number; year: number; unitCode: string; packageSha256: string; packageSize: number; fileName: string; issuedAt: string };

export const highestFinalRevision = (db: Db, resultId: string): number =>
  (db.prepare('SELECT MAX(revision) AS r FROM issued_final WHERE result_id = ?').get(resultId) as { r: number | null }).r ?? 0;

export const insertIssuedFinal = (db: Db, r: IssuedFinalRow): void => {
  db.prepare(
    `INSERT INTO issued_final (result_id, revision, year, unit_code, package_sha256, package_size, file_name, issued_at)
     VALUES (@resultId, @revision, @year, @unitCode, @packageSha256, @packageSize, @fileName, @issuedAt)`,
  ).run(r);
};

export const listUnitExplanations = (db: Db, year: number, unitCode: string): { id: string; revision: number; importedAt: string }[] =>
  db
    .prepare('SELECT id, revision, imported_at AS importedAt FROM received_explanation WHERE year = ? AND unit_code = ? ORDER BY imported_at DESC, revision DESC')
    .all(year, unitCode) as { id: string; revision: number; importedAt: string }[];

import type { RoundDeadlines } from '../../../../shared/schemas/round';
import type { Db } from '../connection';
import type { RoundSetRow } from './round-repo';

/** The round packages a unit imported (migration 0200): one per year, the highest revision kept. */

export type ReceivedRoundRow = {
  roundId: string;
  year: number;
  revision: number;
  issuerCode: string;
  issuerName: string;
  signerSubject: string;
  signerSha256: string;
  packageSha256: string;
  deadlines: RoundDeadlines;
  roundJson: string;
  verificationJson: string;
  importedAt: string;
};

type Raw = {
  round_id: string;
  year: number;
  revision: number;
  issuer_code: string;
  issuer_name: string;
  signer_subject: string;
  signer_sha256: string;
  package_sha256: string;
  self_assessment_due: string;
  explanation_start: string;
  explanation_end: string;
  round_json: string;
  verification_json: string;
  imported_at: string;
};

const fromRaw = (r: Raw): ReceivedRoundRow => ({
  roundId: r.round_id,
  year: r.year,
  revision: r.revision,
  issuerCode: r.issuer_code,
  issuerName: r.issuer_name,
  signerSubject: r.signer_subject,
  signerSha256: r.signer_sha256,
  packageSha256: r.package_sha256,
  deadlines: { selfAssessmentDue: r.self_assessment_due, explanationStart: r.explanation_start, explanationEnd: r.explanation_end },
  roundJson: r.round_json,
  verificationJson: r.verification_json,
  importedAt: r.imported_at,
});

export const listReceivedRounds = (db: Db): ReceivedRoundRow[] =>
  (db.prepare('SELECT * FROM received_round ORDER BY year DESC').all() as Raw[]).map(fromRaw);

export const receivedRoundForYear = (db: Db, year: number): ReceivedRoundRow | null => {
  const r = db.prepare('SELECT * FROM received_round WHERE year = ?').get(year) as Raw | undefined;
  return r ? fromRaw(r) : null;
};

/** (roundId, revision) pairs already imported: the verifier's replay list. */
export const receivedRevisions = (db: Db): { roundId: string; revision: number }[] =>
  db.prepare('SELECT round_id AS roundId, revision FROM received_round').all() as { roundId: string; revision: number }[];

export const receivedRoundSets = (db: Db, roundId: string): RoundSetRow[] =>
  db
    .prepare('SELECT block, set_id AS setId, set_version AS setVersion, set_sha256 AS setSha256 FROM received_round_set WHERE round_id = ? ORDER BY block')
    .all(roundId) as RoundSetRow[];

/** Every official set hash this unit holds (any year): the sets the UI does not mark "không chính thức". */
export const officialSetShas = (db: Db): string[] =>
  (db.prepare('SELECT DISTINCT set_sha256 AS sha FROM received_round_set UNION SELECT DISTINCT set_sha256 FROM round_set').all() as { sha: string }[]).map((r) => r.sha);

/** Stores (or replaces by a higher revision) the round of its year with its sets. Call inside inTransaction. */
export const saveReceivedRound = (db: Db, r: ReceivedRoundRow, sets: RoundSetRow[]): void => {
  const { deadlines, ...rest } = r;
  db.prepare(
    `INSERT INTO received_round (round_id, year, revision, issuer_code, issuer_name, signer_subject, signer_sha256,
       package_sha256, self_assessment_due, explanation_start, explanation_end, round_json, verification_json, imported_at)
     VALUES (@roundId, @year, @revision, @issuerCode, @issuerName, @signerSubject, @signerSha256, @packageSha256,
       @due, @start, @end, @roundJson, @verificationJson, @importedAt)
     ON CONFLICT(round_id) DO UPDATE SET revision = excluded.revision, issuer_code = excluded.issuer_code,
       issuer_name = excluded.issuer_name, signer_subject = excluded.signer_subject, signer_sha256 = excluded.signer_sha256,
       package_sha256 = excluded.package_sha256, self_assessment_due = excluded.self_assessment_due,
       explanation_start = excluded.explanation_start, explanation_end = excluded.explanation_end,
       round_json = excluded.round_json, verification_json = excluded.verification_json, imported_at = excluded.imported_at`,
  ).run({ ...rest, due: deadlines.selfAssessmentDue, start: deadlines.explanationStart, end: deadlines.explanationEnd });
  db.prepare('DELETE FROM received_round_set WHERE round_id = ?').run(r.roundId);
  const add = db.prepare('INSERT INTO received_round_set (round_id, block, set_id, set_version, set_sha256) VALUES (?, ?, ?, ?, ?)');
  for (const s of sets) add.run(r.roundId, s.block, s.setId, s.setVersion, s.setSha256);
};

/**
 * Binds the year's assessments on the official set (by SHA-256) to the round and its deadline; unbinds those
 * of that year on another set (a new revision may have changed the set). The deadline is planning data (it
 * may change after the lock, handlers/assessments.ts), so locked assessments are bound too.
 */
export const bindAssessmentsToRound = (db: Db, p: { roundId: string; year: number; setSha256: string; deadline: string; now: string }): { bound: string[]; other: string[] } => {
  const rows = db.prepare('SELECT id, indicator_set_sha256 AS sha FROM assessment WHERE year = ? ORDER BY created_at').all(p.year) as { id: string; sha: string }[];
  const bound = rows.filter((r) => r.sha === p.setSha256).map((r) => r.id);
  const other = rows.filter((r) => r.sha !== p.setSha256).map((r) => r.id);
  const bind = db.prepare('UPDATE assessment SET round_id = ?, deadline = ?, updated_at = ? WHERE id = ?');
  for (const id of bound) bind.run(p.roundId, p.deadline, p.now, id);
  const unbind = db.prepare('UPDATE assessment SET round_id = NULL, updated_at = ? WHERE id = ? AND round_id IS NOT NULL');
  for (const id of other) unbind.run(p.now, id);
  return { bound, other };
};

/** The round an assessment is bound to (null: none). */
export const assessmentRoundId = (db: Db, assessmentId: string): string | null =>
  (db.prepare('SELECT round_id AS id FROM assessment WHERE id = ?').get(assessmentId) as { id: string | null } | undefined)?.id ?? null;

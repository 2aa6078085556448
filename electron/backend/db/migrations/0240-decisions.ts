import type { Migration } from './types';

/**
 * Sở Nội vụ's side of the giải trình and the closing of a round (docs/package-formats.md §5–6, services/decisions):
 * - `received_explanation`: each giải trình package imported (every revision kept; the highest revision of a
 *   unit and year is the one decided), with the result it answers and the package as verified;
 * - `received_explanation_item` / `received_explanation_evidence`: its criteria and new evidence files (bytes
 *   in the content-addressed store, registered with its GC);
 * - `explanation_decision`: Sở's decision per disputed criterion of one imported revision (ACCEPTED with a new
 *   score, or KEPT with a reason code and text);
 * - `round_closing` / `closed_unit`: the closing of a year, with each unit's final scores, totals and rank as
 *   computed then (what the final results and packages show, so they never change after closing);
 * - `issued_final`: each signed final-result package written.
 */
export const m0240Decisions: Migration = {
  version: 240,
  name: 'decisions',
  up: (db) => {
    db.exec(`
      CREATE TABLE received_explanation (
        id TEXT PRIMARY KEY,
        explanation_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        year INTEGER NOT NULL,
        unit_code TEXT NOT NULL COLLATE NOCASE,
        unit_name TEXT NOT NULL,
        unit_type TEXT NOT NULL CHECK (unit_type IN ('SO','PHUONG','XA_DAC_KHU')),
        result_id TEXT NOT NULL,
        result_revision INTEGER NOT NULL,
        package_sha256 TEXT NOT NULL,
        package_size INTEGER NOT NULL,
        signer_subject TEXT NOT NULL,
        signer_sha256 TEXT NOT NULL,
        received_on TEXT NOT NULL,
        explanation_json TEXT NOT NULL,
        verification_json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (explanation_id, revision)
      ) STRICT;
      CREATE INDEX received_explanation_by_unit ON received_explanation(year, unit_code);

      CREATE TABLE received_explanation_item (
        explanation_row TEXT NOT NULL REFERENCES received_explanation(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        requested_milli INTEGER,
        evidence_json TEXT NOT NULL,
        PRIMARY KEY (explanation_row, node_id)
      ) STRICT;

      CREATE TABLE received_explanation_evidence (
        explanation_row TEXT NOT NULL REFERENCES received_explanation(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        original_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (explanation_row, path)
      ) STRICT;
      CREATE INDEX received_explanation_evidence_by_sha ON received_explanation_evidence(sha256);

      CREATE TABLE explanation_decision (
        explanation_row TEXT NOT NULL REFERENCES received_explanation(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('ACCEPTED','KEPT')),
        final_milli INTEGER NOT NULL CHECK (final_milli >= 0),
        reason_code TEXT NOT NULL,
        reason TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (explanation_row, node_id)
      ) STRICT;

      CREATE TABLE round_closing (
        year INTEGER PRIMARY KEY,
        round_id TEXT NOT NULL,
        closed_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE closed_unit (
        year INTEGER NOT NULL REFERENCES round_closing(year) ON DELETE CASCADE,
        unit_code TEXT NOT NULL COLLATE NOCASE,
        unit_name TEXT NOT NULL,
        unit_type TEXT NOT NULL CHECK (unit_type IN ('SO','PHUONG','XA_DAC_KHU')),
        import_id TEXT NOT NULL REFERENCES imported_submission(id),
        result_id TEXT,
        explanation_row TEXT,
        final_milli INTEGER NOT NULL,
        rank INTEGER,
        rank_of INTEGER NOT NULL,
        final_json TEXT NOT NULL,
        PRIMARY KEY (year, unit_code)
      ) STRICT;

      CREATE TABLE issued_final (
        result_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        year INTEGER NOT NULL,
        unit_code TEXT NOT NULL COLLATE NOCASE,
        package_sha256 TEXT NOT NULL,
        package_size INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        PRIMARY KEY (result_id, revision)
      ) STRICT;
    `);
  },
};

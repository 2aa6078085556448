import type { Migration } from './types';

/**
 * The unit's side of the round after its submission (docs/package-formats.md §4–6, "unit side"):
 * - `answer_result`: each appraisal-result package imported (every revision kept; an older one is marked
 *   superseded when a higher revision arrives), with the package's SHA-256 a giải trình must quote;
 * - `answer_item`, `answer_item_evidence`, `answer_evidence`: the giải trình draft per disputed criterion —
 *   explanation, requested score, and evidence either from the assessment's library (DOCUMENT) or added for
 *   the giải trình alone (NEW, a file of the content-addressed store recorded here: the assessment is
 *   locked after its submission, so nothing is written into its library);
 * - `answer_sent`: each signed explanation package written (explanation id fixed per result, revision raised
 *   by each re-export);
 * - `answer_final`: each final-result package imported (read-only, superseded like the results).
 */
export const m0250Answer: Migration = {
  version: 250,
  name: 'answer',
  up: (db) => {
    db.exec(`
      CREATE TABLE answer_result (
        result_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        round_id TEXT NOT NULL REFERENCES received_round(round_id),
        year INTEGER NOT NULL,
        assessment_id TEXT NOT NULL REFERENCES assessment(id),
        submission_id TEXT NOT NULL,
        submission_revision INTEGER NOT NULL,
        package_sha256 TEXT NOT NULL,
        package_size INTEGER NOT NULL,
        signer_subject TEXT NOT NULL,
        result_json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        superseded_at TEXT,
        PRIMARY KEY (result_id, revision)
      ) STRICT;
      CREATE INDEX answer_result_by_year ON answer_result(year);

      CREATE TABLE answer_item (
        result_id TEXT NOT NULL,
        node_id TEXT NOT NULL,
        text TEXT NOT NULL,
        requested INTEGER CHECK (requested IS NULL OR requested >= 0),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (result_id, node_id)
      ) STRICT;

      CREATE TABLE answer_evidence (
        id TEXT PRIMARY KEY,
        result_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        file_kind TEXT NOT NULL,
        media_type TEXT NOT NULL,
        original_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX answer_evidence_by_sha ON answer_evidence(sha256);

      CREATE TABLE answer_item_evidence (
        result_id TEXT NOT NULL,
        node_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('DOCUMENT','NEW')),
        ref_id TEXT NOT NULL,
        PRIMARY KEY (result_id, node_id, source, ref_id),
        FOREIGN KEY (result_id, node_id) REFERENCES answer_item(result_id, node_id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE answer_sent (
        explanation_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        result_id TEXT NOT NULL,
        result_revision INTEGER NOT NULL,
        result_sha256 TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        package_size INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        explanation_json TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (explanation_id, revision)
      ) STRICT;
      CREATE INDEX answer_sent_by_result ON answer_sent(result_id);

      CREATE TABLE answer_final (
        result_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        round_id TEXT NOT NULL REFERENCES received_round(round_id),
        year INTEGER NOT NULL,
        package_sha256 TEXT NOT NULL,
        package_size INTEGER NOT NULL,
        signer_subject TEXT NOT NULL,
        final_json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        superseded_at TEXT,
        PRIMARY KEY (result_id, revision)
      ) STRICT;
    `);
  },
};

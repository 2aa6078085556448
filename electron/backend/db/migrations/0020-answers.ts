import type { Migration } from './types';

/**
 * Answers (one row per assessment × leaf node: the declared inputs, N/A + reason, explanation) and a small
 * change history that backs "undo". Scores are never stored: they are recomputed from the set + inputs.
 * Evidence links live in evidence_link (migration 0030), not here.
 */
export const m0020Answers: Migration = {
  version: 20,
  name: 'answers',
  up: (db) => {
    db.exec(`
      CREATE TABLE answer (
        assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        inputs_json TEXT NOT NULL CHECK (json_valid(inputs_json)),
        is_na INTEGER NOT NULL DEFAULT 0 CHECK (is_na IN (0, 1)),
        na_reason TEXT NOT NULL DEFAULT '',
        explanation TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, node_id)
      ) STRICT;

      -- previous_json is the whole previous answer as JSON, or the JSON literal null when there was none.
      CREATE TABLE answer_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        previous_json TEXT NOT NULL CHECK (json_valid(previous_json)),
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX answer_history_assessment ON answer_history(assessment_id, id);
    `);
  },
};

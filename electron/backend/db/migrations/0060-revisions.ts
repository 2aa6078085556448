import type { Migration } from './types';

/**
 * History of an assessment's submissions ("lần nộp"). The assessment row keeps the current revision number;
 * each time a locked assessment is reopened for a new submission a row is added here, so the sequence
 * 1 → 2 → 3 and when each started stays visible (the signed bundles themselves are the snapshots).
 */
export const m0060Revisions: Migration = {
  version: 60,
  name: 'revisions',
  up: (db) => {
    db.exec(`
      CREATE TABLE assessment_revision (
        assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        supersedes INTEGER,
        created_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, revision)
      ) STRICT;
      INSERT INTO assessment_revision (assessment_id, revision, supersedes, created_at)
        SELECT id, revision, supersedes_revision, created_at FROM assessment;
    `);
  },
};

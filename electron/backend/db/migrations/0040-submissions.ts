import type { Migration } from './types';

/**
 * Signed submission bundles produced by this installation (one row per export). The (submission_id,
 * revision) pair is what Sở Nội vụ's replay check keys on; the bundle's SHA-256 identifies the exact file.
 */
export const m0040Submissions: Migration = {
  version: 40,
  name: 'submissions',
  up: (db) => {
    db.exec(`
      CREATE TABLE submission (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        submission_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        supersedes INTEGER,
        bundle_sha256 TEXT NOT NULL,
        bundle_size INTEGER NOT NULL,
        path TEXT NOT NULL,
        signer_subject TEXT NOT NULL,
        signer_sha256 TEXT NOT NULL,
        verification_code TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (submission_id, revision)
      ) STRICT;
      CREATE INDEX submission_by_assessment ON submission(assessment_id, revision);
    `);
  },
};

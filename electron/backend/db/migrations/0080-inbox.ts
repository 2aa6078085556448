import type { Migration } from './types';

/**
 * Sở Nội vụ's inbox: bundles received from units, verified and imported (docs/submission-format.md §5, steps 7–9),
 * and the appraisal (thẩm định) of each. Imported submissions belong to OTHER units, so they do not hang off
 * assessment(id); their answers, evidence and appraisal rows hang off imported_submission(id).
 *
 * Every revision is kept: a newer revision of the same submission_id supersedes the older one in listings,
 * and (submission_id, revision) is unique, the database side of the replay rule. The full verification
 * report and submission.json are stored as received, so the record can be re-checked later.
 * Evidence bytes live in the content-addressed store; imported_evidence.sha256 is registered with its GC.
 */
export const m0080Inbox: Migration = {
  version: 80,
  name: 'inbox',
  up: (db) => {
    db.exec(`
      CREATE TABLE imported_submission (
        id TEXT PRIMARY KEY,
        submission_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        supersedes INTEGER,
        unit_code TEXT NOT NULL,
        unit_name TEXT NOT NULL,
        unit_type TEXT NOT NULL CHECK (unit_type IN ('SO','PHUONG','XA_DAC_KHU')),
        year INTEGER NOT NULL,
        set_id TEXT NOT NULL,
        set_version TEXT NOT NULL,
        set_sha256 TEXT NOT NULL,
        bundle_sha256 TEXT NOT NULL,
        bundle_size INTEGER NOT NULL,
        signer_subject TEXT NOT NULL,
        signer_sha256 TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('VALID','VALID_WITH_WARNINGS')),
        verification_json TEXT NOT NULL,
        submission_json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (submission_id, revision)
      ) STRICT;
      CREATE INDEX imported_submission_by_year ON imported_submission(year, unit_type);

      CREATE TABLE imported_answer (
        import_id TEXT NOT NULL REFERENCES imported_submission(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        value_json TEXT NOT NULL,
        note TEXT NOT NULL,
        evidence_json TEXT NOT NULL,
        declared_points INTEGER,
        declared_max INTEGER,
        declared_explanation TEXT NOT NULL,
        PRIMARY KEY (import_id, node_id)
      ) STRICT;

      CREATE TABLE imported_evidence (
        import_id TEXT NOT NULL REFERENCES imported_submission(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        original_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        metadata_json TEXT NOT NULL,
        PRIMARY KEY (import_id, path)
      ) STRICT;
      CREATE INDEX imported_evidence_by_sha ON imported_evidence(sha256);

      CREATE TABLE appraisal (
        import_id TEXT NOT NULL REFERENCES imported_submission(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        appraised_milli INTEGER,
        comment TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (import_id, node_id)
      ) STRICT;
    `);
  },
};

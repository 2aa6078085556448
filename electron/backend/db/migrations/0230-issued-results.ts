import type { Migration } from './types';

/**
 * Sở Nội vụ's record of the appraisal results it issued (docs/package-formats.md §4): one row per signed
 * result package written, so that a later giải trình can be matched to the result it answers (by result id,
 * revision and the SHA-256 of the package file) and the round dashboard knows whom results were sent to.
 * `result_id` is fixed for one unit in one round; each re-issue after a correction is a new revision. The
 * content JSON is kept as issued, so what the unit received can be shown and compared later.
 */
export const m0230IssuedResults: Migration = {
  version: 230,
  name: 'issued-results',
  up: (db) => {
    db.exec(`
      CREATE TABLE issued_result (
        result_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        import_id TEXT NOT NULL REFERENCES imported_submission(id),
        round_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        unit_code TEXT NOT NULL COLLATE NOCASE,
        unit_type TEXT NOT NULL CHECK (unit_type IN ('SO','PHUONG','XA_DAC_KHU')),
        package_sha256 TEXT NOT NULL,
        package_size INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        result_json TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        PRIMARY KEY (result_id, revision)
      ) STRICT;
      CREATE INDEX issued_result_by_unit ON issued_result(year, unit_code);
    `);
  },
};

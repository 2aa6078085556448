import type { Migration } from './types';

/** Unit profile (one row) and assessments. */
export const m0010Initial: Migration = {
  version: 10,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE unit_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('SO','PHUONG','XA_DAC_KHU')),
        focal_point_json TEXT NOT NULL,
        head_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE assessment (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        indicator_set_id TEXT NOT NULL,
        indicator_set_version TEXT NOT NULL,
        indicator_set_name TEXT NOT NULL,
        indicator_set_sha256 TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        supersedes_revision INTEGER,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','locked')),
        deadline TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assessment_year ON assessment(year);
    `);
  },
};

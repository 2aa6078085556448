import type { Migration } from './types';

/**
 * The annual round (docs/package-formats.md, round package). On Sở Nội vụ's side: the rounds it publishes
 * (`round`), each block's official set (`round_set`) and the unit list (`round_unit` — kept in the round
 * until the signer/unit registry exists, then filled from it). On a unit's side: the round packages it
 * imported (`received_round`, one per year, the highest revision kept) with their official sets, and the
 * binding of an assessment to its year's round (`assessment.round_id`, NULL = not bound).
 */
export const m0200Rounds: Migration = {
  version: 200,
  name: 'rounds',
  up: (db) => {
    db.exec(`
      CREATE TABLE round (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        revision INTEGER NOT NULL DEFAULT 1,
        self_assessment_due TEXT NOT NULL,
        explanation_start TEXT NOT NULL,
        explanation_end TEXT NOT NULL,
        exported_revision INTEGER,
        exported_sha256 TEXT,
        exported_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE round_set (
        round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
        block TEXT NOT NULL CHECK (block IN ('SO','PHUONG','XA_DAC_KHU')),
        set_id TEXT NOT NULL,
        set_version TEXT NOT NULL,
        set_sha256 TEXT NOT NULL,
        PRIMARY KEY (round_id, block)
      ) STRICT;

      CREATE TABLE round_unit (
        round_id TEXT NOT NULL REFERENCES round(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL,
        block TEXT NOT NULL CHECK (block IN ('SO','PHUONG','XA_DAC_KHU')),
        PRIMARY KEY (round_id, code)
      ) STRICT;

      CREATE TABLE received_round (
        round_id TEXT PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        revision INTEGER NOT NULL,
        issuer_code TEXT NOT NULL,
        issuer_name TEXT NOT NULL,
        signer_subject TEXT NOT NULL,
        signer_sha256 TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        self_assessment_due TEXT NOT NULL,
        explanation_start TEXT NOT NULL,
        explanation_end TEXT NOT NULL,
        round_json TEXT NOT NULL,
        verification_json TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE received_round_set (
        round_id TEXT NOT NULL REFERENCES received_round(round_id) ON DELETE CASCADE,
        block TEXT NOT NULL CHECK (block IN ('SO','PHUONG','XA_DAC_KHU')),
        set_id TEXT NOT NULL,
        set_version TEXT NOT NULL,
        set_sha256 TEXT NOT NULL,
        PRIMARY KEY (round_id, block)
      ) STRICT;

      ALTER TABLE assessment ADD COLUMN round_id TEXT REFERENCES received_round(round_id);
    `);
  },
};

import type { Migration } from './types';

/**
 * Sở Nội vụ's register of units and signers (Sổ đăng ký chứng thư), per year (issue 13, docs/submission-format.md §5 "Quy tắc tiếp nhận").
 * A year exists once the receiver opens it: a bundle whose `period` names no opened year is refused. Each
 * unit has its official code, name and block for that year (the block of a submission comes from here, never
 * from the bundle). A signer is a certificate (SHA-256 fingerprint of the DER) allowed to sign for one unit;
 * revoking keeps the row with revoked_at, so what was trusted when stays visible. Every change is audited:
 * who (the appraiser's name from the settings), when, what, which certificate.
 */
export const m0140Registry: Migration = {
  version: 140,
  name: 'registry',
  up: (db) => {
    db.exec(`
      CREATE TABLE registry_year (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE registry_unit (
        year INTEGER NOT NULL REFERENCES registry_year(year) ON DELETE CASCADE,
        code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        block TEXT NOT NULL CHECK (block IN ('SO','PHUONG','XA_DAC_KHU')),
        added_at TEXT NOT NULL,
        PRIMARY KEY (year, code)
      ) STRICT;

      CREATE TABLE registry_signer (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        unit_code TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        subject TEXT NOT NULL,
        issuer TEXT NOT NULL,
        serial TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('template','bundle')),
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT,
        FOREIGN KEY (year, unit_code) REFERENCES registry_unit(year, code) ON DELETE CASCADE
      ) STRICT;
      CREATE UNIQUE INDEX registry_signer_active ON registry_signer(year, unit_code, sha256) WHERE revoked_at IS NULL;
      CREATE INDEX registry_signer_by_cert ON registry_signer(sha256);

      CREATE TABLE registry_audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('OPEN_YEAR','IMPORT_TEMPLATE','ADD_UNIT','TRUST_BUNDLE_SIGNER','REVOKE_SIGNER')),
        year INTEGER NOT NULL,
        unit_code TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
    `);
  },
};

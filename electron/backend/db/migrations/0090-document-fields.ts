import type { Migration } from './types';

/**
 * The fields around a report's body (Nghị định 30/2020/NĐ-CP, Phụ lục I): the unit's defaults (governing
 * body, place, ký hiệu, recipients, signing authority) as JSON on the profile, NULL until the unit saves them
 * (the defaults for its type apply); and per report its number and date plus overrides, where NULL means
 * "the unit's default".
 */
export const m0090DocumentFields: Migration = {
  version: 90,
  name: 'document-fields',
  up: (db) => {
    db.exec(`
      ALTER TABLE unit_profile ADD COLUMN letterhead_json TEXT;

      CREATE TABLE report_document (
        assessment_id TEXT PRIMARY KEY REFERENCES assessment(id) ON DELETE CASCADE,
        number TEXT NOT NULL,
        issued_on TEXT,
        symbol TEXT,
        place TEXT,
        governing_body TEXT,
        recipients_json TEXT,
        signer_authority TEXT,
        signer_title TEXT,
        signer_name TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

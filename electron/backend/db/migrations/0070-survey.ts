import type { Migration } from './types';

/**
 * Where each survey (XHH) result came from. The value itself is stored as the node's answer (inputs.percent
 * for SURVEY nodes, inputs.externalValue for survey nodes converted from another index such as SIPAS), so the
 * scoring engine, totals, reports and bundles see it with no special case; this table keeps the provenance
 * the appraiser asks about: the source note, typed by hand or imported, and from which file.
 */
export const m0070Survey: Migration = {
  version: 70,
  name: 'survey',
  up: (db) => {
    db.exec(`
      CREATE TABLE survey_result (
        assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        source_note TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'import')),
        file_name TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, node_id)
      ) STRICT;
    `);
  },
};

import type { Migration } from './types';

/**
 * Survey (XHH) and external-index (SIPAS) results on the receiving side. A unit's bundle never supplies them
 * (services/inbox/import-bundle.ts drops those answers): Sở Nội vụ enters them per unit and year, and the
 * appraisal model scores the survey nodes from here. `value` is the node's measure in thousandths (a percent
 * for SURVEY nodes, the other index's value for EXTERNAL ones), so 91,25 % is 91250.
 */
export const m0150ReceivedSurvey: Migration = {
  version: 150,
  name: 'received-survey',
  up: (db) => {
    db.exec(`
      CREATE TABLE received_survey (
        year INTEGER NOT NULL,
        unit_code TEXT NOT NULL,
        node_id TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value >= 0),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (year, unit_code, node_id)
      ) STRICT;
    `);
  },
};

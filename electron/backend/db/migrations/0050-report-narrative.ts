import type { Migration } from './types';

/** The report's free text (căn cứ, ưu điểm, hạn chế, nguyên nhân, kiến nghị), one row per assessment. */
export const m0050ReportNarrative: Migration = {
  version: 50,
  name: 'report-narrative',
  up: (db) => {
    db.exec(`
      CREATE TABLE report_narrative (
        assessment_id TEXT PRIMARY KEY REFERENCES assessment(id) ON DELETE CASCADE,
        basis TEXT NOT NULL,
        strengths TEXT NOT NULL,
        weaknesses TEXT NOT NULL,
        causes TEXT NOT NULL,
        recommendations TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

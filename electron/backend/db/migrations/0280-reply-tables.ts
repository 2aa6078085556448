import type { Migration } from './types';

/**
 * The unit's side of the round after its submission is the `reply` capability (services/reply/): its tables
 * take its name. Migration 0250 created them as `answer_*`, one letter away from the `answers` capability's
 * `answer` table (the scores of a self-assessment), which read as one concept in two places. SQLite carries a
 * rename into the foreign key of `reply_item_evidence`; indexes keep their table but not their name, so they
 * are made again under the new one.
 */
export const m0280ReplyTables: Migration = {
  version: 280,
  name: 'reply-tables',
  up: (db) => {
    db.exec(`
      ALTER TABLE answer_result RENAME TO reply_result;
      ALTER TABLE answer_item RENAME TO reply_item;
      ALTER TABLE answer_evidence RENAME TO reply_evidence;
      ALTER TABLE answer_item_evidence RENAME TO reply_item_evidence;
      ALTER TABLE answer_sent RENAME TO reply_sent;
      ALTER TABLE answer_final RENAME TO reply_final;
      DROP INDEX answer_result_by_year;
      CREATE INDEX reply_result_by_year ON reply_result(year);
      DROP INDEX answer_evidence_by_sha;
      CREATE INDEX reply_evidence_by_sha ON reply_evidence(sha256);
      DROP INDEX answer_sent_by_result;
      CREATE INDEX reply_sent_by_result ON reply_sent(result_id);
    `);
  },
};

import type { Migration } from './types';

/**
 * The unit's own score of every leaf (milli-points, JSON {nodeId: points}) as it stood in each bundle it
 * exported. An appraisal result repeats the unit's self score next to each appraised one; with this record the
 * unit sees at once when Sở Nội vụ's "self" column is not what it sent (services/reply/self-check.ts).
 * NULL for bundles exported before this step: their results are shown without that check.
 */
export const m0270SubmissionSelfScores: Migration = {
  version: 270,
  name: 'submission-self-scores',
  up: (db) => {
    db.exec(`ALTER TABLE submission ADD COLUMN self_scores TEXT
      CHECK (self_scores IS NULL OR (json_valid(self_scores) AND json_type(self_scores) = 'object'))`);
  },
};

import type { Migration } from './types';

/**
 * One assessment per year and indicator set (the unit is the database's one profile): a second one for the
 * same year was indistinguishable in the list and split the unit's work; a new revision is the way to start
 * again. Databases made before this step may already hold such twins. None is deleted: per year and set the
 * one to keep working on stays as it is (the highest revision, then the latest edited, then the oldest),
 * every other one is marked `duplicate_of` that one, stays openable with all its answers and evidence, and
 * is labelled in the list. The unique index covers only rows that are not marked. A set is its id AND
 * version: the official set a round brings (services/round) keeps the sample's id under a new version, and the
 * unit starts its year again on it while the sample-set assessment stays.
 */
export const m0160OneAssessmentPerYear: Migration = {
  version: 160,
  name: 'one-assessment-per-year',
  up: (db) => {
    db.exec(`
      ALTER TABLE assessment ADD COLUMN duplicate_of TEXT REFERENCES assessment(id) ON DELETE SET NULL;

      UPDATE assessment SET duplicate_of = (
        SELECT keep.id FROM assessment AS keep
        WHERE keep.year = assessment.year AND keep.indicator_set_id = assessment.indicator_set_id
          AND keep.indicator_set_version = assessment.indicator_set_version
        ORDER BY keep.revision DESC, keep.updated_at DESC, keep.created_at ASC, keep.id ASC
        LIMIT 1
      );
      UPDATE assessment SET duplicate_of = NULL WHERE duplicate_of = id;

      CREATE UNIQUE INDEX assessment_one_per_year_set ON assessment(year, indicator_set_id, indicator_set_version) WHERE duplicate_of IS NULL;
    `);
  },
};

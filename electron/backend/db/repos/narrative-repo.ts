import { EMPTY_NARRATIVE } from '../../../../shared/domain/report/model';
import type { ReportNarrative } from '../../../../shared/domain/report/model';
import type { StoredNarrative } from '../../../../shared/schemas/report-narrative';
import type { Db } from '../connection';

type Row = ReportNarrative & { updated_at: string };

export const getNarrative = (db: Db, assessmentId: string): StoredNarrative => {
  const row = db
    .prepare(
      'SELECT basis, strengths, weaknesses, causes, recommendations, updated_at FROM report_narrative WHERE assessment_id = ?',
    )
    .get(assessmentId) as Row | undefined;
  if (!row) return { narrative: { ...EMPTY_NARRATIVE }, updatedAt: null };
  const { updated_at, ...narrative } = row;
  return { narrative, updatedAt: updated_at };
};

export const saveNarrative = (db: Db, assessmentId: string, n: ReportNarrative, now: string): StoredNarrative => {
  db.prepare(
    `INSERT INTO report_narrative (assessment_id, basis, strengths, weaknesses, causes, recommendations, updated_at)
     VALUES (@assessmentId, @basis, @strengths, @weaknesses, @causes, @recommendations, @now)
     ON CONFLICT(assessment_id) DO UPDATE SET basis = @basis, strengths = @strengths, weaknesses = @weaknesses,
       causes = @causes, recommendations = @recommendations, updated_at = @now`,
  ).run({ assessmentId, ...n, now });
  return { narrative: { ...n }, updatedAt: now };
};

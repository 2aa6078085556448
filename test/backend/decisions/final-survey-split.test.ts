import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findImported } from '../../../electron/backend/db/repos/inbox-repo';
import { finalScoresOf } from '../../../electron/backend/services/decisions/final-scores';
import { buildResult } from '../../../electron/backend/services/results/build-result';
import { createWorld, HA } from './world';
import type { World } from './world';

/**
 * The unit reads its appraisal result and later its final result side by side: a leaf Sở Nội vụ measured and
 * entered (a survey, or a criterion scored from an external index such as 8.1 "Điểm Bộ chỉ số 766") is listed
 * apart from the unit's own criteria in BOTH packages, never in one list in the first and the other in the second.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 300_000);
afterAll(() => w?.b.cleanup());

describe('survey and external-index leaves in the result and the final result', () => {
  it('the same leaves in the survey list of both packages, 8.1 among them; none of them among the criteria', () => {
    const row = findImported(w.b.ctx.db, w.imports.get(HA.code)!.importId)!;
    const result = buildResult(w.b.ctx, row).content;
    const final = finalScoresOf(w.b.ctx, row, null, w.round.id);
    const surveyIds = result.survey.map((s) => s.nodeId);
    expect(surveyIds).toContain('xa25-8.1');
    expect(final.survey.map((s) => s.nodeId)).toEqual(surveyIds);
    expect(final.criteria.map((c) => c.nodeId).filter((id) => surveyIds.includes(id))).toEqual([]);
    expect(result.criteria.map((c) => c.nodeId).filter((id) => surveyIds.includes(id))).toEqual([]);
  });
});

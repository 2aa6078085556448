import { describe, expect, it } from 'vitest';

import { appraisalFingerprint, firstMissingReason, linesOf, rankLine, resultFileName, resultIdOf } from '../../electron/backend/services/results/result-content';
import type { LeafFacts } from '../../electron/backend/services/results/result-content';
import { needsReason } from '../../shared/domain/ranking';
import { appraisalResultIssues, appraisalResultSchema } from '../../shared/schemas/appraisal-result';
import { sampleResult } from '../backend/round/exchange-fixtures';

const leaf = (p: Partial<LeafFacts> & Pick<LeafFacts, 'nodeId'>): LeafFacts => ({
  code: p.nodeId,
  title: `Tiêu chí ${p.nodeId}`,
  kind: 'SELF',
  max: 1000,
  self: 1000,
  override: null,
  comment: '',
  receiverMeasured: false,
  surveyEntered: false,
  ...p,
});

describe('appraisal-result content (services/results/result-content.ts), hand-computed', () => {
  it('a changed score needs a non-blank reason; the self score or null needs none', () => {
    expect(needsReason(750, 0, '')).toBe(true);
    expect(needsReason(750, 1000, ' \n\t')).toBe(true);
    expect(needsReason(750, 0, 'Báo cáo gửi chậm')).toBe(false);
    expect(needsReason(750, 750, '')).toBe(false);
    expect(needsReason(750, null, '')).toBe(false);
  });

  it('criteria carry self, appraised (override or self) and the comment as reason; survey lines the points Sở Nội vụ entered', () => {
    const { criteria, survey } = linesOf([
      leaf({ nodeId: '1.1', self: 1000, override: 500, comment: 'Kế hoạch ban hành sau thời hạn.' }),
      leaf({ nodeId: '1.2', self: 750 }),
      leaf({ nodeId: '2.1', kind: 'PENALTY', max: 2000, self: 500, override: 1500, comment: 'Hai lần vi phạm' }),
      leaf({ nodeId: '5.1', kind: 'SURVEY', max: 2500, self: 1875, receiverMeasured: true, surveyEntered: true }),
      leaf({ nodeId: '5.2', kind: 'SURVEY', max: 2500, self: 0, receiverMeasured: true, surveyEntered: false }),
    ]);
    expect(criteria.map((c) => [c.nodeId, c.kind, c.max, c.self, c.appraised, c.reason])).toEqual([
      ['1.1', 'SELF', 1000, 1000, 500, 'Kế hoạch ban hành sau thời hạn.'],
      ['1.2', 'SELF', 1000, 750, 750, ''],
      ['2.1', 'PENALTY', 2000, 500, 1500, 'Hai lần vi phạm'],
    ]);
    expect(survey.map((s) => [s.nodeId, s.max, s.points])).toEqual([
      ['5.1', 2500, 1875],
      ['5.2', 2500, null],
    ]);
  });

  it('old data with a changed score and no reason names the first such criterion by code', () => {
    expect(firstMissingReason([leaf({ nodeId: 'a', code: '1.1', override: 1000 }), leaf({ nodeId: 'b', code: '1.2', override: 250, comment: '  ' }), leaf({ nodeId: 'c', code: '1.3', override: 0 })])).toBe('1.2');
    expect(firstMissingReason([leaf({ nodeId: 'a', override: 0, comment: 'Thiếu' })])).toBeNull();
  });

  it('rank line: the unit\'s shared rank and the block size; null without an index', () => {
    const ranked = [
      { importId: 'x', rank: 1 },
      { importId: 'y', rank: 1 },
      { importId: 'z', rank: 3 },
      { importId: 'w', rank: null },
    ];
    expect(rankLine(ranked, 'y')).toEqual({ rank: 1, of: 4 });
    expect(rankLine(ranked, 'z')).toEqual({ rank: 3, of: 4 });
    expect(rankLine(ranked, 'w')).toEqual({ rank: null, of: 4 });
  });

  it('result id: the same for a round and unit (any letter case), different for another unit or round, a valid UUID', () => {
    const r = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const a = resultIdOf(r, 'P-HA');
    expect(resultIdOf(r, 'p-ha')).toBe(a);
    expect(resultIdOf(r, 'P-DH')).not.toBe(a);
    expect(resultIdOf('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', 'P-HA')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(appraisalResultSchema.safeParse({ ...sampleResult(), resultId: a }).success).toBe(true);
  });

  it('file name and fingerprint: rank and dates do not count as a change; a line or a total does', () => {
    expect(resultFileName('P-HA', 2025, 3)).toBe('P-HA_KetQuaThamDinh_2025_r3.asice');
    const base = sampleResult();
    const f = appraisalFingerprint(base);
    expect(appraisalFingerprint({ ...base, rank: { rank: 1, of: 3 }, createdAt: '2026-01-01T00:00:00Z' } as typeof base)).toBe(f);
    const moved = sampleResult();
    moved.criteria[1]!.reason = 'Đã đối chiếu';
    expect(appraisalFingerprint(moved)).not.toBe(f);
    expect(appraisalResultIssues(base)).toEqual([]);
  });
});

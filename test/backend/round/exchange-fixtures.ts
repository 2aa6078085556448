import type { AppraisalResult } from '../../../shared/schemas/appraisal-result';
import type { Explanation } from '../../../shared/schemas/explanation';
import type { FinalResult } from '../../../shared/schemas/final-result';

/**
 * Hand-written, self-consistent contents (each total is the sum of its column's lines, the index final ÷ 2000) of the three packages after a submission (docs/package-formats.md),
 * for tests of the verifier and of the importers on either side. Points are milli-points. Each call returns
 * a fresh deep copy, so a test may mutate it.
 */
const ROUND_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const RESULT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60';
const SUBMISSION = { submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61', revision: 1, bundleSha256: 'a'.repeat(64) };
const APP = { name: 'CCHC Tự đánh giá', version: '0.1.0' };
const ISSUER = { code: 'SNV-HP', name: 'Sở Nội vụ thành phố Hải Phòng' };
const UNIT = { code: 'P-HONGBANG', name: 'Phường Hồng Bàng', block: 'PHUONG' as const };
/** The shipped ward set as the catalog names it (test/backend/round/exchange-fixtures.test.ts keeps this true). */
export const WARD_SET_REF = { id: 'hp-2025-xa-phuong', version: '2025.0-mau', sha256: 'ff6e108b95c86dca955691a8976578fc1ff15a46601958ac4c644ad1a8fe9cb8' };
const SET = WARD_SET_REF;
const totals = (self: number, final: number) => ({
  self,
  survey: 0,
  bonus: 0,
  penalty: 0,
  final,
  applicableMax: 2000,
  index: Math.round((final * 10_000) / 2000),
  classification: null,
});

export const sampleResult = (): AppraisalResult => structuredClone<AppraisalResult>({
  format: 'SATB/1',
  kind: 'appraisal-result',
  resultId: RESULT_ID,
  revision: 1,
  createdAt: '2025-12-20T08:00:00.000Z',
  app: APP,
  issuer: ISSUER,
  roundId: ROUND_ID,
  year: 2025,
  unit: UNIT,
  submission: SUBMISSION,
  indicatorSet: SET,
  criteria: [
    { nodeId: 'xa25-1.1.1', code: '1.1.1', title: 'Ban hành kế hoạch CCHC năm', kind: 'SELF', max: 1000, self: 1000, appraised: 500, reason: 'Kế hoạch ban hành sau thời hạn.' },
    { nodeId: 'xa25-1.1.2', code: '1.1.2', title: 'Mức độ thực hiện kế hoạch', kind: 'SELF', max: 1000, self: 750, appraised: 750, reason: '' },
  ],
  survey: [],
  totals: { self: totals(1750, 1750), appraised: totals(1250, 1250) },
  rank: { rank: 2, of: 3 },
  explanationWindow: { start: '2026-01-05', end: '2026-01-15' },
});

export const sampleExplanation = (evidence: { path: string; size: number; sha256: string }[] = []): Explanation =>
  structuredClone<Explanation>({
  format: 'SATB/1',
  kind: 'explanation',
  explanationId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a62',
  revision: 1,
  createdAt: '2026-01-06T08:00:00.000Z',
  app: APP,
  roundId: ROUND_ID,
  year: 2025,
  unit: UNIT,
  answers: { resultId: RESULT_ID, resultRevision: 1, resultSha256: 'c'.repeat(64) },
  items: [{ nodeId: 'xa25-1.1.1', code: '1.1.1', text: 'Kế hoạch được ban hành đúng hạn, xem quyết định kèm theo.', requested: 1000, evidence: evidence.map((e) => e.path) }],
  evidence: evidence.map((e) => ({ path: e.path, size: e.size, sha256: e.sha256, originalName: 'Quyết định 12/QĐ-UBND.pdf', mediaType: 'application/pdf' })),
});

export const sampleFinal = (): FinalResult => {
  const r = sampleResult();
  return structuredClone<FinalResult>({
    format: 'SATB/1',
    kind: 'final-result',
    resultId: r.resultId,
    revision: 1,
    createdAt: '2026-01-25T08:00:00.000Z',
    closedAt: '2026-01-25T07:00:00.000Z',
    app: APP,
    issuer: ISSUER,
    roundId: ROUND_ID,
    year: 2025,
    unit: UNIT,
    submission: SUBMISSION,
    indicatorSet: SET,
    criteria: [
      { ...r.criteria[0]!, final: 1000, decision: 'ACCEPTED', decisionReason: 'Chấp nhận giải trình.' },
      { ...r.criteria[1]!, final: 750, decision: 'NOT_DISPUTED', decisionReason: '' },
    ],
    survey: [],
    totals: { self: totals(1750, 1750), appraised: totals(1250, 1250), final: totals(1750, 1750) },
    rank: { rank: 1, of: 3 },
  });
};

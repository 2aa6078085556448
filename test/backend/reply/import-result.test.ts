import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { ReplyView } from '../../../shared/ipc/channels/reply';
import { APPRAISAL_RESULT_PATH } from '../../../shared/schemas/appraisal-result';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { callOk, makeTempDir } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { rewriteEntry } from '../round/fixtures';
import { count, finalFor, importVia, packAs, packFinal, packResult, resultFor, setupUnit } from './reply-setup';
import type { ReplyUnit } from './reply-setup';

let pki: TestPki;
const open: ReplyUnit[] = [];
const unit = async (o?: Parameters<typeof setupUnit>[1]): Promise<ReplyUnit> => {
  const a = await setupUnit(pki, o);
  open.push(a);
  return a;
};
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);
afterEach(() => {
  for (const a of open.splice(0)) a.u.cleanup();
});

/** [reason, check] of a failed job; nothing stored is checked by the caller. */
const refusal = (job: { state: string; error?: { reason?: string; params?: unknown } }): [string, string | undefined, unknown] => [job.state, job.error?.reason, job.error?.params];

describe('reply: importing the appraisal result on the unit side (real SQLite, worker verification)', () => {
  it('imports a result of this unit: self vs appraised with differences first, totals, rank, the window open with days left', async () => {
    const a = await unit();
    const r = resultFor(a);
    r.criteria.push({ nodeId: 'xa25-3.8', code: '3.8', title: 'Xin lỗi khi hồ sơ trễ hạn', kind: 'SELF', max: 500, self: 250, appraised: 500, reason: 'Bổ sung minh chứng.' });
    r.survey = [
      { nodeId: 'xa25-1.6', code: '1.6', title: 'Đánh giá về chỉ đạo, điều hành CCHC', max: 3000, points: 2400 },
      { nodeId: 'xa25-2.4', code: '2.4', title: 'Đánh giá về thực thi pháp luật', max: 2000, points: null },
    ];
    // By hand: criteria self 1000 + 750 + 250 = 2000, appraised 500 + 750 + 500 = 1750; survey 2400 entered;
    // of 1000 + 1000 + 500 + 3000 + 2000 = 7500: 4400 → 58.67 %, 4150 → 55.33 %.
    r.totals.self = { ...r.totals.self, self: 2000, survey: 2400, final: 4400, applicableMax: 7500, index: 5867 };
    r.totals.appraised = { ...r.totals.appraised, self: 1750, survey: 2400, final: 4150, applicableMax: 7500, index: 5533 };
    const job = await importVia(a.u, 'reply.importResult', await packResult(pki, r));
    expect(job.error).toBeUndefined();
    expect(job.result).toEqual({ resultId: r.resultId, revision: 1, year: 2025, superseded: null });
    const list = await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {});
    expect(list.results).toHaveLength(1);
    const v = list.results[0]!;
    expect(v.rows.map((x) => [x.code, x.self, x.appraised, x.difference])).toEqual([
      ['1.1.1', 1000, 500, -500],
      ['3.8', 250, 500, 250],
      ['1.1.2', 750, 750, 0],
    ]);
    expect(v.rows[0]!.reason).toBe('Kế hoạch ban hành sau thời hạn.');
    // The survey lines Sở Nội vụ entered reach the unit's view as they are (the renderer shows them as rows).
    expect(v.survey.map((x) => [x.code, x.max, x.points])).toEqual([
      ['1.6', 3000, 2400],
      ['2.4', 2000, null],
    ]);
    expect([v.totals.self.final, v.totals.appraised.final, v.rank]).toEqual([4400, 4150, { rank: 2, of: 3 }]);
    expect([v.window.state, v.window.daysLeft]).toEqual(['OPEN', 6]);
    expect(v.assessmentId).toBe(a.assessmentId);
    // The submission it appraised is the unit's own last export of that revision.
    expect(v.submission).toMatchObject({ submissionId: r.submission.submissionId, revision: r.submission.revision, sameFile: true, selfDiffers: null });
    expect(v.submission.exportedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(v.packageSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v.library.map((f) => [f.source, f.name])).toEqual([['DOCUMENT', 'Kế hoạch CCHC 2025.pdf']]);
  }, 60_000);

  it('names the lines whose self score is not what the unit\'s record of that export scored; none when they agree', async () => {
    // The sample result's self column: 1.1.1 = 1000, 1.1.2 = 750 (test/backend/round/exchange-fixtures.ts).
    const differs = await unit({ selfScores: { 'xa25-1.1.1': 1000, 'xa25-1.1.2': 500 } });
    await importVia(differs.u, 'reply.importResult', await packResult(pki, resultFor(differs)));
    const v = (await callOk<{ results: ReplyView[] }>(differs.u, 'reply.list', {})).results[0]!;
    expect(v.submission.selfDiffers).toEqual([{ nodeId: 'xa25-1.1.2', code: '1.1.2', submitted: 500, inResult: 750 }]);
    // The final result's lines are compared with the same record.
    expect((await importVia(differs.u, 'reply.importFinal', await packFinal(pki, finalFor()))).state).toBe('done');
    const f = (await callOk<{ results: ReplyView[] }>(differs.u, 'reply.list', {})).results[0]!.final!;
    expect(f.selfDiffers).toEqual([{ nodeId: 'xa25-1.1.2', code: '1.1.2', submitted: 500, inResult: 750 }]);
    // A leaf the record holds as 0 is compared too (the record keeps every leaf; a missing one scored 0).
    const agrees = await unit({ selfScores: { 'xa25-1.1.1': 1000, 'xa25-1.1.2': 750, 'xa25-1.1.3': 0 } });
    await importVia(agrees.u, 'reply.importResult', await packResult(pki, resultFor(agrees)));
    expect((await callOk<{ results: ReplyView[] }>(agrees.u, 'reply.list', {})).results[0]!.submission.selfDiffers).toEqual([]);
  }, 60_000);

  it('a higher revision supersedes the earlier one (kept, marked); the same or a lower revision is a replay, nothing stored', async () => {
    const a = await unit();
    const r1 = await packResult(pki, resultFor(a));
    const r2 = await packResult(pki, resultFor(a, { revision: 2, rank: { rank: 1, of: 3 } }));
    expect((await importVia(a.u, 'reply.importResult', r1)).state).toBe('done');
    expect(refusal(await importVia(a.u, 'reply.importResult', r1))).toEqual(['failed', 'REPLY_REFUSED', { check: 'E_REPLAY' }]);
    const second = await importVia(a.u, 'reply.importResult', r2);
    expect(second.result).toMatchObject({ revision: 2, superseded: 1 });
    expect(refusal(await importVia(a.u, 'reply.importResult', r1))).toEqual(['failed', 'REPLY_REFUSED', { check: 'E_REPLAY' }]);
    const rows = a.u.ctx.db.prepare('SELECT revision, superseded_at IS NOT NULL AS sup FROM reply_result ORDER BY revision').all();
    expect(rows).toEqual([{ revision: 1, sup: 1 }, { revision: 2, sup: 0 }]);
    const v = (await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {})).results;
    expect(v.map((x) => [x.revision, x.supersededRevisions, x.rank.rank])).toEqual([[2, [1], 1]]);
    // Revision 3 names another file of the same submission revision (the unit re-exported it after sending):
    // imported, and the view says the appraised file is not the unit's last export.
    const r3 = resultFor(a, { revision: 3 });
    await importVia(a.u, 'reply.importResult', await packResult(pki, { ...r3, submission: { ...r3.submission, bundleSha256: 'd'.repeat(64) } }));
    const v3 = (await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {})).results[0]!;
    expect([v3.revision, v3.submission.sameFile]).toEqual([3, false]);
  }, 60_000);

  it('refuses, each with its own code and nothing stored: wrong kind, wrong unit, other round, no round, unknown submission, another set, a line not of the set, tampered, untrusted', async () => {
    const a = await unit();
    const cases: [string, string, [string, string | undefined, unknown]][] = [
      ['wrong kind', await packFinal(pki, finalFor()), ['failed', 'REPLY_REFUSED', { check: 'E_WRONG_KIND' }]],
      ['wrong unit', await packResult(pki, resultFor(a, { unit: { code: 'X-CATHAI', name: 'Đặc khu Cát Hải', block: 'XA_DAC_KHU' } })), ['failed', 'REPLY_WRONG_UNIT', { code: 'X-CATHAI', mine: 'P-HONGBANG' }]],
      ['other round', await packResult(pki, resultFor(a, { roundId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4aff' })), ['failed', 'REPLY_OTHER_ROUND', { year: 2025 }]],
      ['no round of that year', await packResult(pki, resultFor(a, { year: 2024 })), ['failed', 'REPLY_ROUND_FIRST', { year: 2024 }]],
      [
        'a submission this unit did not send',
        await packResult(pki, resultFor(a, { submission: { submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61', revision: 2, bundleSha256: 'a'.repeat(64) } })),
        ['failed', 'REPLY_SUBMISSION_UNKNOWN', { submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61', revision: 2 }],
      ],
      [
        'made with another indicator set (the sets differ by their SHA-256)',
        await packResult(pki, resultFor(a, { indicatorSet: { id: 'hp-2025-xa-phuong', version: '2025.1', sha256: 'b'.repeat(64) } })),
        ['failed', 'REPLY_SET_MISMATCH', { set: 'hp-2025-xa-phuong 2025.1', mine: 'hp-2025-xa-phuong 2025.0-mau' }],
      ],
      [
        'a line the set does not describe (a survey criterion, which Sở Nội vụ measures, listed as self-scored)',
        await packResult(pki, resultFor(a, { criteria: resultFor(a).criteria.map((c, i) => (i === 1 ? { ...c, nodeId: 'xa25-1.6' } : c)) })),
        ['failed', 'REPLY_LINE_PART', { line: '1.1.2' }],
      ],
      [
        'tampered',
        rewriteEntry(await packResult(pki, resultFor(a)), APPRAISAL_RESULT_PATH, Buffer.from(`${canonicalJson({ ...resultFor(a), rank: { rank: 1, of: 3 } })}\n`)),
        ['failed', 'REPLY_REFUSED', { check: 'E_DIGEST_MISMATCH' }],
      ],
      ['signed under a root the unit does not trust', await packAs(pki, APPRAISAL_RESULT_PATH, resultFor(a), { cert: pki.foreignLeaf, chain: [] }), ['failed', 'REPLY_REFUSED', { check: 'E_UNTRUSTED' }]],
    ];
    for (const [name, file, expected] of cases) {
      expect(refusal(await importVia(a.u, 'reply.importResult', file)), name).toEqual(expected);
    }
    expect(count(a.u, 'reply_result')).toBe(0);
    // Without any anchor the unit does not fall back to the signer's own chain.
    const bare = await unit({ trust: false });
    expect(refusal(await importVia(bare.u, 'reply.importResult', await packResult(pki, resultFor(bare))))).toEqual(['failed', 'REPLY_REFUSED', { check: 'E_UNTRUSTED' }]);
    expect(count(bare.u, 'reply_result')).toBe(0);
  }, 120_000);

  it('a package over the size limit is refused before it is read', async () => {
    const a = await unit();
    const big = join(makeTempDir('cchc-ans-big-'), 'big.asice');
    writeFileSync(big, Buffer.alloc(8 * 1_048_576 + 1));
    a.u.host.nextPicks.push([big]);
    const res = await a.u.call('reply.importResult', {});
    expect(res.ok ? 'OK' : res.error.reason).toBe('FILE_TOO_LARGE_MAX');
    expect(count(a.u, 'reply_result')).toBe(0);
  }, 60_000);
});

import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InboxDetail } from '../../../shared/ipc/channels/inbox';
import type { RoundDashboard } from '../../../shared/ipc/channels/round';
import type { Job } from '../../../shared/schemas/job';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { makeBundle, registerUnit, SO_UNIT, trustTestPki } from '../inbox/make-bundle';
import { DEADLINES, installOfficialSets, OFFICIAL_SETS, SNV } from './fixtures';

let pki: TestPki;
let b: TestBackend;
const PHUONG = { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const };
const XA = { code: 'X-CH', name: 'Đặc khu Cát Hải', type: 'XA_DAC_KHU' as const };

const dashboard = (year?: number) => callOk<RoundDashboard>(b, 'round.dashboard', year === undefined ? {} : { year });
const brief = (d: RoundDashboard) => d.units.map((u) => [u.code, u.state, u.overdue]);

beforeAll(async () => {
  pki = await createTestPki();
  b = createTestBackend();
  trustTestPki(b.dataDir, pki);
  await callOk(b, 'unit.save', SNV);
  installOfficialSets(b);
}, 60_000);
afterAll(() => b?.cleanup());

describe('round dashboard (Sở Nội vụ): each unit of the year with its state, counts per block, overdue', () => {
  it('no register and no round: no year, nothing to show', async () => {
    expect(await dashboard()).toMatchObject({ years: [], year: null, hasRound: false, units: [] });
  });

  it('from the register (no round yet): everyone chưa nộp, nobody overdue (no due date)', async () => {
    for (const u of [SO_UNIT, PHUONG, XA]) registerUnit(b, u, [pki.leaf]);
    const d = await dashboard();
    expect(d).toMatchObject({ years: [2025], year: 2025, hasRound: false, due: null });
    expect(brief(d)).toEqual([
      ['P-HA', 'NOT_SUBMITTED', false],
      ['STP-HP', 'NOT_SUBMITTED', false],
      ['X-CH', 'NOT_SUBMITTED', false],
    ]);
  });

  it('imports and appraisal move units on; with the round, a unit without a submission after the due day is overdue', async () => {
    const work = makeTempDir('cchc-dash-');
    for (const [i, u] of [SO_UNIT, PHUONG].entries()) {
      b.host.nextPicks.push([await makeBundle(b, pki, join(work, `${u.code}.asice`), { unit: u, submissionId: `0190a1b2-c3d4-7e5f-8a9b-00000000020${i}` })]);
      const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'inbox.import', {})).id);
      expect(job.state).toBe('done');
    }
    // Sở Nội vụ appraises one criterion of the ward: it is "đang thẩm định"; the department only "đã nộp".
    const ward = (await dashboard()).units.find((u) => u.code === 'P-HA')!;
    const detail = await callOk<InboxDetail>(b, 'inbox.get', { importId: ward.importId });
    const leaf = detail.nodes.find((n) => n.isLeaf && n.editable && n.survey === null && n.max > 0)!;
    await callOk(b, 'inbox.appraise', { importId: ward.importId, nodeId: leaf.nodeId, appraisedMilli: 0, comment: 'Thiếu tài liệu kiểm chứng' });

    await callOk(b, 'round.save', { year: 2025, sets: OFFICIAL_SETS, deadlines: DEADLINES });
    b.ctx.now = () => new Date('2025-12-10T03:00:00Z');
    const d = await dashboard(2025);
    expect(d).toMatchObject({ year: 2025, hasRound: true, due: '2025-11-30', today: '2025-12-10' });
    expect(brief(d)).toEqual([
      ['P-HA', 'APPRAISING', false],
      ['STP-HP', 'SUBMITTED', false],
      ['X-CH', 'NOT_SUBMITTED', true],
    ]);
    expect(d.units.find((u) => u.code === 'STP-HP')).toMatchObject({ revision: 1, importId: expect.any(String) });
    expect(d.counts.SO).toEqual({ NOT_SUBMITTED: 0, SUBMITTED: 1, APPRAISING: 0, RESULT_SENT: 0, EXPLANATION_RECEIVED: 0, CLOSED: 0, overdue: 0, total: 1 });
    expect(d.counts.PHUONG).toEqual({ NOT_SUBMITTED: 0, SUBMITTED: 0, APPRAISING: 1, RESULT_SENT: 0, EXPLANATION_RECEIVED: 0, CLOSED: 0, overdue: 0, total: 1 });
    expect(d.counts.XA_DAC_KHU).toEqual({ NOT_SUBMITTED: 1, SUBMITTED: 0, APPRAISING: 0, RESULT_SENT: 0, EXPLANATION_RECEIVED: 0, CLOSED: 0, overdue: 1, total: 1 });

    // On the due day itself nobody is overdue yet.
    b.ctx.now = () => new Date('2025-11-30T03:00:00Z');
    expect((await dashboard(2025)).units.filter((u) => u.overdue)).toEqual([]);
    // A year that has neither register nor round falls back to the newest year.
    expect((await dashboard(2031)).year).toBe(2025);
  }, 120_000);
});

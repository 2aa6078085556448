import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { CarryForwardReport } from '../../../shared/ipc/channels/assessments';
import type { AttachResult } from '../../../shared/schemas/evidence';
import type { Job } from '../../../shared/schemas/job';
import { callOk } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { EVIDENCE, importJson, set2026, setupBackend, upload } from './fixtures';

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

type Answer = { nodeId: string; inputs: Record<string, unknown>; notApplicable: { reason: string } | null; explanation: string; evidenceIds: string[] };

const save = (tb: TestBackend, id: string, nodeId: string, answer: Partial<Answer>) =>
  callOk(tb, 'answers.save', { assessmentId: id, nodeId, answer: { nodeId, ...answer } });

const attach = async (tb: TestBackend, assessmentId: string, nodeId: string, file: string): Promise<string> => {
  const uploadId = upload(tb, file, readFileSync(join(EVIDENCE, file)));
  const job = await callOk<Job>(tb, 'evidence.attach', { assessmentId, nodeId, source: { kind: 'uploads', uploadIds: [uploadId] } });
  const done = await tb.ctx.jobs.wait(job.id);
  expect(done.state).toBe('done');
  return (done.result as AttachResult).documents[0]!.documentId;
};

/** 2025 assessment with answers, explanations, N/A, evidence and a survey value; an empty 2026 one. */
const setup = async () => {
  const tb = await setupBackend();
  b = tb;
  expect((await importJson(tb, set2026())).ok).toBe(true);
  const a25 = (await callOk<{ id: string }>(tb, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' })).id;
  await save(tb, a25, 'so25-3.3', { inputs: { numerator: 20, denominator: 1000 }, explanation: 'Còn 20 hồ sơ trễ hạn' });
  await save(tb, a25, 'so25-1.2', { inputs: { count: 1 }, explanation: 'Một lần chậm báo cáo' });
  await save(tb, a25, 'so25-1.4', { inputs: { levelId: 'du' } });
  await save(tb, a25, 'so25-6.1', { notApplicable: { reason: 'Không được giao vốn đầu tư công' } });
  await save(tb, a25, 'so25-1.3.1', { inputs: { met: true } });
  await callOk(tb, 'survey.save', { assessmentId: a25, nodeId: 'so25-1.7', value: 90 });
  const plan = await attach(tb, a25, 'so25-1.3.1', 'ke-hoach-cchc-2025.pdf');
  const stats = await attach(tb, a25, 'so25-3.3', 'thong-ke-ho-so-tthc-2025.pdf');
  await callOk(tb, 'evidence.link', { documentId: plan, nodeId: 'so25-3.3' });
  const a26 = (await callOk<{ id: string }>(tb, 'assessments.create', { year: 2026, indicatorSetId: 'hp-2026-so' })).id;
  return { tb, a25, a26, plan, stats };
};

describe('assessments.carryForward', () => {
  it('carries answers, explanations, N/A reasons and evidence along continuesFrom; never survey values', async () => {
    const { tb, a25, a26 } = await setup();
    const dry = await callOk<CarryForwardReport>(tb, 'assessments.carryForward', { fromAssessmentId: a25, toAssessmentId: a26, dryRun: true });
    expect(await callOk<Answer[]>(tb, 'answers.list', { assessmentId: a26 })).toEqual([]);

    const r = await callOk<CarryForwardReport>(tb, 'assessments.carryForward', { fromAssessmentId: a25, toAssessmentId: a26 });
    expect({ ...dry, dryRun: false }).toEqual(r);
    expect(r).toMatchObject({ fromSetId: 'hp-2025-so', toSetId: 'hp-2026-so', answersCarried: 4, evidenceLinks: 3, documentsCopied: 2 });
    expect(r.unknownSources).toEqual(['so26-1.6']);
    const byCode = new Map(r.nodes.map((n) => [n.code, n]));
    expect(byCode.get('3.3')).toMatchObject({ fromNodeId: 'so25-3.3', toNodeId: 'so26-3.3', outcome: 'carried', inputsCarried: true, evidenceLinked: 2 });
    expect(byCode.get('1.2')).toMatchObject({ outcome: 'carried', inputsCarried: false }); // method changed
    expect(byCode.get('1.7')).toMatchObject({ outcome: 'survey' });
    expect(byCode.get('2.1')).toMatchObject({ outcome: 'no-answer' });
    expect(byCode.has('1.4')).toBe(false); // no mapping declared

    const answers = new Map((await callOk<Answer[]>(tb, 'answers.list', { assessmentId: a26 })).map((a) => [a.nodeId, a]));
    expect([...answers.keys()].sort()).toEqual(['so26-1.2', 'so26-1.3.1', 'so26-3.3', 'so26-6.1']);
    expect(answers.get('so26-3.3')).toMatchObject({ inputs: { numerator: 20, denominator: 1000 }, explanation: 'Còn 20 hồ sơ trễ hạn' });
    expect(answers.get('so26-3.3')!.evidenceIds).toHaveLength(2);
    expect(answers.get('so26-1.2')).toMatchObject({ inputs: {}, explanation: 'Một lần chậm báo cáo' });
    expect(answers.get('so26-6.1')!.notApplicable).toEqual({ reason: 'Không được giao vốn đầu tư công' });
    // The copied documents belong to the new assessment; last year's stay untouched.
    const docs26 = await callOk<Array<{ id: string; originalName: string }>>(tb, 'evidence.list', { assessmentId: a26 });
    expect(docs26.map((d) => d.originalName).sort()).toEqual(['ke-hoach-cchc-2025.pdf', 'thong-ke-ho-so-tthc-2025.pdf']);
    expect((await callOk<unknown[]>(tb, 'evidence.list', { assessmentId: a25 })).length).toBe(2);
    const check = await callOk<{ ok?: boolean; problems?: unknown[] }>(tb, 'evidence.check', { assessmentId: a26 });
    expect(JSON.stringify(check)).not.toMatch(/MISSING|CHANGED/);

    // Scores follow: 3.3 at 98 % → 2/4 points in the new year too.
    const score = await callOk<{ byId: Record<string, { score: number }>; survey: { score: number } }>(tb, 'scoring.compute', { assessmentId: a26 });
    expect(score.byId['so26-3.3']!.score).toBe(2000);
    expect(score.survey.score).toBe(0);
  });

  it('never overwrites what was already entered this year; a second run carries nothing new', async () => {
    const { tb, a25, a26 } = await setup();
    await save(tb, a26, 'so26-3.3', { inputs: { numerator: 0, denominator: 500 } });
    const r = await callOk<CarryForwardReport>(tb, 'assessments.carryForward', { fromAssessmentId: a25, toAssessmentId: a26 });
    expect(r.nodes.find((n) => n.code === '3.3')).toMatchObject({ outcome: 'already-answered', evidenceLinked: 0 });
    expect(r.answersCarried).toBe(3);
    expect(r.documentsCopied).toBe(1); // only the plan (for 1.3.1)
    const a = (await callOk<Answer[]>(tb, 'answers.list', { assessmentId: a26 })).find((x) => x.nodeId === 'so26-3.3')!;
    expect(a.inputs).toEqual({ numerator: 0, denominator: 500 });
    expect(a.evidenceIds).toEqual([]);
    const again = await callOk<CarryForwardReport>(tb, 'assessments.carryForward', { fromAssessmentId: a25, toAssessmentId: a26 });
    expect(again).toMatchObject({ answersCarried: 0, evidenceLinks: 0, documentsCopied: 0 });
  });

  it('same set on both sides maps every leaf to itself; unrelated sets, same assessment and locked targets are refused', async () => {
    const { tb, a25, a26 } = await setup();
    // One assessment per year and set: the same set again is another year's assessment.
    const again25 = (await callOk<{ id: string }>(tb, 'assessments.create', { year: 2026, indicatorSetId: 'hp-2025-so' })).id;
    const r = await callOk<CarryForwardReport>(tb, 'assessments.carryForward', { fromAssessmentId: a25, toAssessmentId: again25 });
    expect(r.answersCarried).toBe(5); // including 1.4, which the 2026 set does not map
    expect(r.unknownSources).toEqual([]);
    const back = await tb.call('assessments.carryForward', { fromAssessmentId: a26, toAssessmentId: a25 });
    expect(back.ok || back.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('không khai báo kế thừa từ bộ chỉ số'),
    });
    const self = await tb.call('assessments.carryForward', { fromAssessmentId: a25, toAssessmentId: a25 });
    expect(self.ok || self.error).toMatchObject({ code: 'VALIDATION' });
    tb.ctx.db.prepare("UPDATE assessment SET status = 'locked' WHERE id = ?").run(a26);
    const locked = await tb.call('assessments.carryForward', { fromAssessmentId: a25, toAssessmentId: a26 });
    expect(locked.ok || locked.error).toMatchObject({ code: 'LOCKED' });
    const missing = await tb.call('assessments.carryForward', { fromAssessmentId: a25, toAssessmentId: 'khong-co' });
    expect(missing.ok || missing.error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

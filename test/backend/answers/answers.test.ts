import { afterEach, describe, expect, it } from 'vitest';

import { callOk, createTestBackend, seedAssessment } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';

const unit = {
  name: 'Sở Tư pháp thành phố Hải Phòng',
  code: 'STP-HP',
  type: 'SO',
  focalPoint: { name: 'Trần Văn An', title: 'Chuyên viên', phone: '', email: '' },
  head: { name: 'Lê Thị Bình', title: 'Giám đốc', phone: '', email: '' },
};

type Totals = { final: number; index: number | null; applicableMax: number; completeness: { scored: number } };
type SaveOut = { answer: { nodeId: string; inputs: Record<string, unknown> } };
type NodeScore = { score: number; status: string; explanation: string };
type Scores = Totals & { byId: Record<string, NodeScore> };

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const setup = async (): Promise<{ b: TestBackend; id: string }> => {
  b = createTestBackend();
  return { b, id: await seedAssessment(b, unit, 'hp-2025-so') };
};

/** The server's scores after a save: answers.save returns the stored answer only (the renderer scores live). */
const scores = (b: TestBackend, id: string) => callOk<Scores>(b, 'scoring.compute', { assessmentId: id });

describe('answers storage and live scoring (real SQLite)', () => {
  it('saves declared inputs and returns them as stored; scoring gives the node score with its explanation and the new totals', async () => {
    const { b, id } = await setup();
    const out = await callOk<SaveOut>(b, 'answers.save', {
      assessmentId: id,
      nodeId: 'so25-3.3',
      answer: { nodeId: 'so25-3.3', inputs: { numerator: 20, denominator: 1000 } },
    });
    expect(out).toEqual({
      answer: { nodeId: 'so25-3.3', inputs: { numerator: 20, denominator: 1000 }, notApplicable: null, explanation: '', evidenceWaiver: null, evidenceIds: [] },
    });
    const s = await scores(b, id);
    expect(s.byId['so25-3.3']!.score).toBe(2000);
    expect(s.byId['so25-3.3']!.status).toBe('SCORED');
    expect(s.byId['so25-3.3']!.explanation).toBe('20/1000 → tỷ lệ 98 % → mức 98–<100 % → 2/4 điểm');
    expect(s.final).toBe(2000);
    expect(s.index).toBe(200); // 2 / 100 → 2,00 %
    const list = await callOk<Array<{ nodeId: string; inputs: unknown }>>(b, 'answers.list', { assessmentId: id });
    expect(list).toEqual([
      { nodeId: 'so25-3.3', inputs: { numerator: 20, denominator: 1000 }, notApplicable: null, explanation: '', evidenceWaiver: null, evidenceIds: [] },
    ]);
  });

  it('N/A under RESCALE leaves the denominator; N/A where not allowed is refused', async () => {
    const { b, id } = await setup();
    await callOk<SaveOut>(b, 'answers.save', {
      assessmentId: id,
      nodeId: 'so25-6.1',
      answer: { nodeId: 'so25-6.1', notApplicable: { reason: 'Không được giao vốn đầu tư công năm 2025' } },
    });
    const s = await scores(b, id);
    expect(s.byId['so25-6.1']!.status).toBe('NA');
    expect(s.applicableMax).toBe(97_500);
    const bad = await b.call('answers.save', {
      assessmentId: id,
      nodeId: 'so25-3.3',
      answer: { nodeId: 'so25-3.3', notApplicable: { reason: 'x' } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('VALIDATION');
  });

  it('undo restores the previous value, then removes a first answer, then reports nothing to undo', async () => {
    const { b, id } = await setup();
    const save = (met: boolean) =>
      callOk<SaveOut>(b, 'answers.save', { assessmentId: id, nodeId: 'so25-4.2', answer: { nodeId: 'so25-4.2', inputs: { met } } });
    await save(true);
    await save(false);
    const u1 = await callOk<{ undone: boolean; answer: { inputs: { met: boolean } } | null; totals: Totals }>(b, 'answers.undo', { assessmentId: id });
    expect(u1.undone).toBe(true);
    expect(u1.answer?.inputs.met).toBe(true);
    expect(u1.totals.final).toBe(1000);
    const u2 = await callOk<{ undone: boolean; answer: unknown; totals: Totals }>(b, 'answers.undo', { assessmentId: id });
    expect(u2.undone).toBe(true);
    expect(u2.answer).toBeNull();
    expect(u2.totals.final).toBe(0);
    const u3 = await callOk<{ undone: boolean }>(b, 'answers.undo', { assessmentId: id });
    expect(u3.undone).toBe(false);
  });

  it('refuses to save into a locked assessment with LOCKED', async () => {
    const { b, id } = await setup();
    b.ctx.db.prepare("UPDATE assessment SET status = 'locked' WHERE id = ?").run(id);
    const res = await b.call('answers.save', { assessmentId: id, nodeId: 'so25-4.2', answer: { nodeId: 'so25-4.2', inputs: { met: true } } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('LOCKED');
  });

  it('refuses survey nodes, containers and unknown nodes', async () => {
    const { b, id } = await setup();
    for (const nodeId of ['so25-1.7', 'so25-1.1', 'so25-99']) {
      const res = await b.call('answers.save', { assessmentId: id, nodeId, answer: { nodeId, inputs: {} } });
      expect(res.ok).toBe(false);
    }
  });

  it('scoring.compute and indicatorSets.get answer the full result and document', async () => {
    const { b, id } = await setup();
    const r = await callOk<{ nodes: unknown[]; maxTotal: number }>(b, 'scoring.compute', { assessmentId: id });
    expect(r.maxTotal).toBe(100_000);
    expect(r.nodes.length).toBeGreaterThan(80);
    const set = await callOk<{ id: string; nodes: unknown[] }>(b, 'indicatorSets.get', { id: 'hp-2025-so' });
    expect(set.id).toBe('hp-2025-so');
    expect(set.nodes).toHaveLength(9);
  });
});

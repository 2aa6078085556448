import { afterEach, describe, expect, it } from 'vitest';

import type { PreflightReport } from '../../shared/domain/preflight';
import { leaves } from '../../shared/domain/indicator-tree';
import type { Assessment } from '../../shared/schemas/assessment';
import type { IndicatorSet } from '../../shared/schemas/indicator-set';
import { callOk, createTestBackend } from '../helpers/backend';
import type { TestBackend } from '../helpers/backend';

const unit = {
  name: 'Sở Tư pháp thành phố Hải Phòng',
  code: 'STP-HP',
  type: 'SO',
  focalPoint: { name: 'Lê Thị Hoa', title: 'Chuyên viên', phone: '', email: '' },
  head: { name: 'Phạm Văn Đông', title: 'Giám đốc', phone: '', email: '' },
};

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const setup = async () => {
  b = createTestBackend();
  await callOk(b, 'unit.save', unit);
  const a = await callOk<Assessment>(b, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so', deadline: '2025-12-31' });
  const set = await callOk<IndicatorSet>(b, 'indicatorSets.get', { id: 'hp-2025-so' });
  return { b, a, set };
};

describe('assessment flow channels (real SQLite)', () => {
  it('assessments.preflight blocks an empty assessment, naming every unscored self-assessed leaf', async () => {
    const { b, a, set } = await setup();
    const r = await callOk<PreflightReport>(b, 'assessments.preflight', { assessmentId: a.id });
    const self = leaves(set).filter((n) => n.kind !== 'SURVEY' && n.method?.type !== 'SURVEY');
    expect(r.ok).toBe(false);
    expect(r.errors.filter((e) => e.code === 'UNANSWERED')).toHaveLength(self.length);
    expect(r.errors[0]!.message).toMatch(/^Tiêu chí [\d.]+ chưa được chấm/);
    expect(r.warnings.some((w) => w.code === 'SAMPLE_SET')).toBe(true);
  });

  it('setDeadline stores the date; evidenceCounts starts empty', async () => {
    const { b, a } = await setup();
    const u = await callOk<Assessment>(b, 'assessments.setDeadline', { assessmentId: a.id, deadline: '2026-01-15' });
    expect(u.deadline).toBe('2026-01-15');
    const cleared = await callOk<Assessment>(b, 'assessments.setDeadline', { assessmentId: a.id, deadline: null });
    expect(cleared.deadline).toBeNull();
    expect(await callOk(b, 'assessments.evidenceCounts', { assessmentId: a.id })).toEqual({});
  });

  it('a locked assessment refuses edits and reopens only through a numbered new revision', async () => {
    const { b, a, set } = await setup();
    const first = leaves(set).find((n) => n.method?.type === 'BINARY')!;
    const draftRefused = await b.call('assessments.newRevision', { assessmentId: a.id });
    expect(draftRefused.ok).toBe(false);
    if (!draftRefused.ok) expect(draftRefused.error.code).toBe('CONFLICT');

    // What the bundle export does after producing a bundle.
    b.ctx.db.prepare("UPDATE assessment SET status = 'locked' WHERE id = ?").run(a.id);
    const save = await b.call('answers.save', {
      assessmentId: a.id,
      nodeId: first.id,
      answer: { nodeId: first.id, inputs: { met: true } },
    });
    expect(save.ok).toBe(false);
    if (!save.ok) expect(save.error.code).toBe('LOCKED');
    const pf = await callOk<PreflightReport>(b, 'assessments.preflight', { assessmentId: a.id });
    expect(pf.errors[0]!.code).toBe('LOCKED');

    const reopened = await callOk<Assessment>(b, 'assessments.newRevision', { assessmentId: a.id });
    expect(reopened).toMatchObject({ status: 'draft', revision: 2, supersedesRevision: 1 });
    await callOk(b, 'answers.save', { assessmentId: a.id, nodeId: first.id, answer: { nodeId: first.id, inputs: { met: true } } });
    const history = await callOk<{ revision: number; supersedes: number | null }[]>(b, 'assessments.revisions', { assessmentId: a.id });
    expect(history.map((h) => [h.revision, h.supersedes])).toEqual([
      [1, null],
      [2, 1],
    ]);
  });

  it('rejects an unknown assessment with NOT_FOUND', async () => {
    b = createTestBackend();
    const r = await b.call('assessments.preflight', { assessmentId: 'missing' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('NOT_FOUND');
  });
});

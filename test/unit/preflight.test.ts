import { describe, expect, it } from 'vitest';

import { runPreflight } from '../../shared/domain/preflight';
import { computeLeafProgress, summarizeProgress } from '../../shared/domain/progress';
import { daysUntil } from '../../shared/format/index';
import { ans, fullAnswers, miniSet } from '../renderer/fixtures/mini-set';

const withAnswer = (nodeId: string, a: Parameters<typeof ans>[0]) => fullAnswers().map((x) => (x.nodeId === nodeId ? ans(a) : x));

describe('runPreflight', () => {
  it('a complete assessment with evidence passes (survey pending and sample set are only warnings)', () => {
    const r = runPreflight({ set: miniSet, answers: fullAnswers(), evidenceCounts: { 'n1-1': 1 } });
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['SAMPLE_SET', 'SURVEY_PENDING']);
  });

  it('blocks an unanswered node, naming it in Vietnamese with a link target', () => {
    const answers = fullAnswers().filter((a) => a.nodeId !== 'n1-2');
    const r = runPreflight({ set: miniSet, answers, evidenceCounts: { 'n1-1': 1 } });
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'UNANSWERED', nodeId: 'n1-2', nodeCode: '1.2' });
    expect(r.errors[0]!.message).toContain('Tiêu chí 1.2 chưa được chấm');
  });

  it('blocks a missing mandatory explanation below max and clears once it is written', () => {
    const below = withAnswer('n1-1', { nodeId: 'n1-1', inputs: { met: false } });
    const r = runPreflight({ set: miniSet, answers: below, evidenceCounts: { 'n1-1': 1 } });
    expect(r.errors.map((e) => e.code)).toEqual(['EXPLANATION_MISSING']);
    expect(r.errors[0]!.message).toContain('giải trình');
    const fixed = withAnswer('n1-1', { nodeId: 'n1-1', inputs: { met: false }, explanation: 'Kế hoạch ban hành chậm do sáp nhập.' });
    expect(runPreflight({ set: miniSet, answers: fixed, evidenceCounts: { 'n1-1': 1 } }).ok).toBe(true);
  });

  it('below max without a mandatory explanation is only a warning', () => {
    const below = withAnswer('n1-2', { nodeId: 'n1-2', inputs: { levelId: 'half' } });
    const r = runPreflight({ set: miniSet, answers: below, evidenceCounts: { 'n1-1': 1 } });
    expect(r.ok).toBe(true);
    expect(r.warnings.some((w) => w.code === 'EXPLANATION_RECOMMENDED' && w.nodeId === 'n1-2')).toBe(true);
  });

  it('requires evidence where the set asks for it, unless the unit waives it explicitly with a reason (then a warning saying so)', () => {
    const r = runPreflight({ set: miniSet, answers: fullAnswers(), evidenceCounts: {} });
    expect(r.errors.map((e) => [e.code, e.nodeId])).toEqual([['EVIDENCE_MISSING', 'n1-1']]);
    expect(r.errors[0]!.message).toBe('Tiêu chí 1.1 chưa có tài liệu kiểm chứng: hãy đính kèm tài liệu, hoặc chọn "Không có tài liệu kiểm chứng" và ghi lý do.');
    // A giải trình explains the score; it does not waive the evidence any more.
    const explained = withAnswer('n1-1', { nodeId: 'n1-1', inputs: { met: true }, explanation: 'Văn bản mật, không đính kèm.' });
    const r2 = runPreflight({ set: miniSet, answers: explained, evidenceCounts: {} });
    expect(r2.ok).toBe(false);
    expect(r2.errors.map((e) => [e.code, e.nodeId])).toEqual([['EVIDENCE_MISSING', 'n1-1']]);
    // A blank reason is no waiver (the schema refuses one; an answer built by hand still does not count).
    const blank = fullAnswers().map((x) => (x.nodeId === 'n1-1' ? { ...x, evidenceWaiver: { reason: '   ' } } : x));
    expect(runPreflight({ set: miniSet, answers: blank, evidenceCounts: {} }).errors.map((e) => e.code)).toEqual(['EVIDENCE_MISSING']);
    const waived = withAnswer('n1-1', { nodeId: 'n1-1', inputs: { met: true }, evidenceWaiver: { reason: ' Văn bản mật, không đính kèm. ' } });
    const r3 = runPreflight({ set: miniSet, answers: waived, evidenceCounts: {} });
    expect(r3.ok).toBe(true);
    const w = r3.warnings.find((x) => x.code === 'EVIDENCE_WAIVED');
    expect([w?.nodeId, w?.message, w?.params.detail]).toEqual(['n1-1', 'Tiêu chí 1.1 không có tài liệu kiểm chứng — lý do: Văn bản mật, không đính kèm.', 'Văn bản mật, không đính kèm.']);
  });

  it('blocks invalid inputs and N/A where the set does not allow it', () => {
    const bad = withAnswer('n1-3', { nodeId: 'n1-3', inputs: { numerator: 11, denominator: 10 } });
    const r = runPreflight({ set: miniSet, answers: bad, evidenceCounts: { 'n1-1': 1 } });
    expect(r.errors.map((e) => e.code)).toEqual(['INVALID']);
    expect(r.errors[0]!.message).toContain('lớn hơn');
    const naNotAllowed = withAnswer('n1-2', { nodeId: 'n1-2', notApplicable: { reason: 'Không phát sinh' } });
    expect(runPreflight({ set: miniSet, answers: naNotAllowed, evidenceCounts: { 'n1-1': 1 } }).errors[0]!.code).toBe('INVALID');
    const naOk = withAnswer('n1-3', { nodeId: 'n1-3', notApplicable: { reason: 'Không phát sinh hồ sơ' } });
    expect(runPreflight({ set: miniSet, answers: naOk, evidenceCounts: { 'n1-1': 1 } }).ok).toBe(true);
  });

  it('blocks a locked assessment and evidence integrity problems; warns when overdue', () => {
    const r = runPreflight({
      set: miniSet,
      answers: fullAnswers(),
      evidenceCounts: { 'n1-1': 1 },
      assessment: { status: 'locked', deadline: '2025-12-01' },
      today: '2025-12-10',
      evidenceProblems: [{ nodeId: 'n1-1', nodeCode: '1.1', message: 'Tệp "kh.pdf" đã bị thay đổi.' }],
    });
    expect(r.errors.map((e) => e.code)).toEqual(['LOCKED', 'EVIDENCE_PROBLEM']);
    const overdue = r.warnings.find((w) => w.code === 'DEADLINE_PASSED');
    expect(overdue?.params.days).toBe(9);
  });
});

describe('progress', () => {
  it('counts answered, evidence and explanations; survey leaves are excluded', () => {
    const answers = new Map(withAnswer('n1-1', { nodeId: 'n1-1', inputs: { met: false } }).filter((a) => a.nodeId !== 'n2-4').map((a) => [a.nodeId, a]));
    const leaves = computeLeafProgress(miniSet, answers, {});
    expect(leaves.map((l) => l.state)).toEqual([
      'NEEDS_EXPLANATION',
      'ANSWERED',
      'ANSWERED',
      'ANSWERED',
      'ANSWERED',
      'ANSWERED',
      'NOT_STARTED',
      'SURVEY',
    ]);
    expect(summarizeProgress(leaves)).toEqual({
      total: 7,
      answered: 6,
      evidenceRequired: 1,
      evidenceAttached: 0,
      explanationsMissing: 1,
      invalid: 0,
    });
  });

  it('daysUntil counts calendar days', () => {
    expect(daysUntil('2025-12-10', '2025-12-31')).toBe(21);
    expect(daysUntil('2025-12-10', '2025-12-10')).toBe(0);
    expect(daysUntil('2025-12-31', '2026-01-02')).toBe(2);
  });
});

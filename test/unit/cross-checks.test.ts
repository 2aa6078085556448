import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { indicatorSetSha256 } from '../../electron/backend/services/indicator-sets/catalog';
import { exportSetToXlsx, importSetFromXlsx } from '../../electron/backend/services/indicator-sets/excel-template';
import { runPreflight } from '../../shared/domain/preflight';
import { parsePortableAnswers } from '../../electron/backend/services/indicator-sets/answers-file';
import { validateIndicatorSet } from '../../shared/schemas/indicator-set-validate';
import { launchWorker } from '../../electron/workers/launch';

/** Cross-checks between criteria are data in the set, validated with it and evaluated by the preflight. */
const ROOT = join(__dirname, '..', '..');
const rawSet = () => JSON.parse(readFileSync(join(ROOT, 'resources', 'indicator-sets', 'hp-2025-so.json'), 'utf8')) as Record<string, unknown>;
const example = () => {
  const r = parsePortableAnswers(readFileSync(join(ROOT, 'resources', 'examples', 'hp-2025-so-answers.json'), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.file.answers;
};
const CHECKS = [
  {
    id: 'bao-cao-cham',
    kind: 'IMPLIES',
    severity: 'error',
    when: { nodeId: 'so25-1.2', input: 'count', op: 'gt', value: 0 },
    then: { nodeId: 'so25-1.1.1', input: 'levelId', op: 'ne', value: 'dung_han' },
    message: 'có báo cáo gửi chậm nhưng kế hoạch khai "Đúng hạn và đủ nội dung".',
  },
  {
    id: 'ho-so',
    kind: 'NOT_ABOVE',
    severity: 'warning',
    a: { nodeId: 'so25-3.5', input: 'numerator' },
    b: { nodeId: 'so25-1.1.2', input: 'denominator' },
    message: 'số hồ sơ toàn trình lớn hơn tổng số nhiệm vụ.',
  },
  {
    id: 'khong-vi-pham',
    kind: 'NOT_ABOVE',
    severity: 'error',
    a: { nodeId: 'so25-1.1.2', input: 'numerator' },
    b: { nodeId: 'so25-3.5', input: 'denominator' },
    message: 'không bao giờ thấy (46 ≤ 2000).',
  },
];

describe('cross-checks in the indicator set', () => {
  it('the preflight reports each broken check at its severity, naming both criteria; a check that holds says nothing', () => {
    const v = validateIndicatorSet({ ...rawSet(), crossChecks: CHECKS });
    if (!v.ok) throw new Error(v.errors.map((e) => e.message).join('\n'));
    const r = runPreflight({ set: v.set, answers: example(), evidenceCounts: {} });
    const found = [...r.errors, ...r.warnings].filter((i) => i.code === 'CROSS_CHECK').map((i) => ({ severity: i.severity, nodeCode: i.nodeCode, message: i.message }));
    expect(found).toEqual([
      { severity: 'error', nodeCode: '1.2', message: 'Kiểm tra chéo giữa tiêu chí 1.2 và 1.1.1: có báo cáo gửi chậm nhưng kế hoạch khai "Đúng hạn và đủ nội dung".' },
      { severity: 'warning', nodeCode: '3.5', message: 'Kiểm tra chéo giữa tiêu chí 3.5 và 1.1.2: số hồ sơ toàn trình lớn hơn tổng số nhiệm vụ.' },
    ]);
  });

  it('not judged while a value is missing or the criterion is N/A', () => {
    const v = validateIndicatorSet({ ...rawSet(), crossChecks: CHECKS.slice(0, 1) });
    if (!v.ok) throw new Error('set refused');
    const answers = example().map((a) => (a.nodeId === 'so25-1.2' ? { ...a, inputs: {}, notApplicable: { reason: 'Không phát sinh' } } : a));
    expect(runPreflight({ set: v.set, answers, evidenceCounts: {} }).errors.filter((i) => i.code === 'CROSS_CHECK')).toEqual([]);
  });

  it('the set validator refuses a check on an unknown or container node, a duplicate id, an unknown kind', () => {
    const bad = [
      { ...CHECKS[1], a: { nodeId: 'so25-99', input: 'count' } },
      { ...CHECKS[2], id: 'bao-cao-cham', b: { nodeId: 'so25-1.1', input: 'count' } },
      CHECKS[0],
    ];
    const v = validateIndicatorSet({ ...rawSet(), crossChecks: bad });
    expect(v.ok ? [] : v.errors.map((e) => e.message)).toEqual([
      'Bộ chỉ số — crossChecks.0.a.nodeId: "so25-99" không phải tiêu chí lá của bộ chỉ số',
      'Bộ chỉ số — crossChecks.1.b.nodeId: "so25-1.1" không phải tiêu chí lá của bộ chỉ số',
      'Bộ chỉ số — crossChecks.2.id: mã kiểm tra chéo "bao-cao-cham" bị trùng',
    ]);
    expect(validateIndicatorSet({ ...rawSet(), crossChecks: [{ ...CHECKS[0], kind: 'SOMETIMES' }] }).ok).toBe(false);
  });

  it('the Excel template carries them on its own sheet: export → import gives the same set and hash', async () => {
    const v = validateIndicatorSet({ ...rawSet(), crossChecks: CHECKS });
    if (!v.ok) throw new Error('set refused');
    const back = await importSetFromXlsx(await exportSetToXlsx(v.set), launchWorker);
    if (!back.ok) throw new Error(back.errors.map((e) => e.message).join('\n'));
    expect(back.set.crossChecks).toEqual(v.set.crossChecks);
    expect(indicatorSetSha256(back.set)).toBe(indicatorSetSha256(v.set));
  });
});

import { describe, expect, it } from 'vitest';

import { firstLineMismatch } from '../../../electron/backend/services/reply/result-lines';
import type { PackageLines } from '../../../electron/backend/services/reply/result-lines';
import { linesOf } from '../../../electron/backend/services/results/result-content';
import { loadSampleSet } from '../../unit/scoring/fixtures';

const set = loadSampleSet('hp-2025-xa-phuong');

/** The lines Sở Nội vụ's app writes for this set: every leaf, as services/results/result-content.ts linesOf makes them. */
const appLines = (): PackageLines => {
  const leaves = [] as Parameters<typeof linesOf>[0][number][];
  const walk = (nodes: typeof set.nodes): void => {
    for (const n of nodes) {
      if (n.children?.length) walk(n.children);
      else {
        const measured = n.kind === 'SURVEY' || n.method?.type === 'SURVEY' || n.method?.type === 'EXTERNAL';
        leaves.push({ nodeId: n.id, code: n.code, title: n.title, kind: n.kind ?? 'SELF', max: Math.round(n.maxPoints * 1000), self: 0, override: null, comment: '', receiverMeasured: measured, surveyEntered: false });
      }
    }
  };
  walk(set.nodes);
  return linesOf(leaves);
};

describe('a received result line is a leaf of the set the submission used (unit side)', () => {
  it('the lines the app writes for the shipped ward set pass, survey and bonus/penalty lines included', () => {
    const lines = appLines();
    expect(lines.criteria.length).toBeGreaterThan(40);
    expect(lines.survey.map((s) => s.code)).toContain('1.6');
    expect(lines.criteria.map((c) => c.kind)).toEqual(expect.arrayContaining(['SELF', 'BONUS', 'PENALTY']));
    expect(firstLineMismatch(set, lines)).toBeNull();
    expect(firstLineMismatch(set, { criteria: [], survey: [] })).toBeNull();
  });

  it('names the first line that is not: unknown criterion, a container, the wrong part, kind or maximum', () => {
    const ok = appLines();
    const c0 = ok.criteria.find((c) => c.code === '1.1.1')!;
    const bonus = ok.criteria.find((c) => c.kind === 'BONUS')!;
    const s0 = ok.survey[0]!;
    const cases: [string, PackageLines, { line: string; field: string }][] = [
      ['unknown id', { criteria: [{ ...c0, nodeId: '1.1', code: '1.1' }], survey: [] }, { line: '1.1', field: 'nodeId' }],
      ['a container, not a leaf', { criteria: [{ ...c0, nodeId: 'xa25-1.1', code: '1.1' }], survey: [] }, { line: '1.1', field: 'nodeId' }],
      ['a survey leaf as a criterion', { criteria: [{ ...c0, nodeId: s0.nodeId, code: s0.code, max: s0.max }], survey: [] }, { line: s0.code, field: 'survey' }],
      ['a criterion as a survey line', { criteria: [], survey: [{ ...s0, nodeId: c0.nodeId, code: c0.code, max: c0.max }] }, { line: c0.code, field: 'survey' }],
      ['a bonus said to be self-scored', { criteria: [{ ...bonus, kind: 'SELF' }], survey: [] }, { line: bonus.code, field: 'kind' }],
      ['another maximum', { criteria: [{ ...c0, max: c0.max + 1 }], survey: [] }, { line: '1.1.1', field: 'max' }],
      ['a survey line with another maximum', { criteria: [], survey: [{ ...s0, max: s0.max - 1 }] }, { line: s0.code, field: 'max' }],
    ];
    for (const [name, lines, expected] of cases) expect(firstLineMismatch(set, lines), name).toEqual(expected);
  });
});

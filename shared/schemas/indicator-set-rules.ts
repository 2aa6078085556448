import type { z } from 'zod';

import { effectiveKind, isLeaf, walk } from '../domain/indicator-tree';
import { milli, toMilli } from '../domain/points';
import { formatPoints } from '../format/index';
import type { IndicatorNode, IndicatorSet, NodeKind } from './indicator-set';
import type { ScoringMethod } from './indicator-set-methods';

/**
 * Semantic rules of an indicator set. Every message names the node code and the field, in Vietnamese, e.g.
 * "Tiêu chí 3.3 — maxPoints: tổng điểm các tiêu chí con (3,5) khác điểm tối đa (4)".
 */

export type SetProblem = { path: (string | number)[]; nodeId?: string; code?: string; field: string; message: string };

const fp = (points: number): string => formatPoints(milli(points));

/** Methods allowed for each kind of leaf. */
const ALLOWED: Record<NodeKind, ScoringMethod['type'][]> = {
  SELF: ['BINARY', 'LEVELS', 'BANDS', 'LINEAR', 'PIECEWISE', 'COUNT_DEDUCT', 'EXTERNAL', 'MANUAL'],
  SURVEY: ['SURVEY', 'EXTERNAL'],
  BONUS: ['BINARY', 'LEVELS', 'COUNT', 'MANUAL'],
  PENALTY: ['BINARY', 'LEVELS', 'COUNT', 'MANUAL'],
};

const methodProblems = (n: IndicatorNode, m: ScoringMethod, max: number): [string, string][] => {
  const out: [string, string][] = [];
  const pts = (v: number, field: string) => {
    const mv = toMilli(v);
    if (mv === null) out.push([field, `giá trị ${v} có quá 3 chữ số thập phân`]);
    else if (mv > max) out.push([field, `${fp(v)} điểm vượt điểm tối đa ${formatPoints(max)}`]);
  };
  const pctOk = (v: number, field: string) => {
    if (toMilli(v) === null) out.push([field, `tỷ lệ ${v} % có quá 3 chữ số thập phân`]);
  };
  switch (m.type) {
    case 'LEVELS': {
      const ids = new Set<string>();
      m.levels.forEach((l, i) => {
        if (ids.has(l.id)) out.push([`method.levels.${i}.id`, `mức "${l.id}" bị trùng`]);
        ids.add(l.id);
        pts(l.points, `method.levels.${i}.points`);
      });
      const top = Math.max(...m.levels.map((l) => toMilli(l.points) ?? 0));
      if (top !== max) out.push(['method.levels', `không có mức nào đạt điểm tối đa ${formatPoints(max)}`]);
      break;
    }
    case 'BANDS': {
      m.bands.forEach((b, i) => {
        pts(b.points, `method.bands.${i}.points`);
        pctOk(b.min, `method.bands.${i}.min`);
        const prev = m.bands[i - 1];
        if (prev) {
          const ordered = b.min < prev.min || (b.min === prev.min && prev.inclusive === false && b.inclusive);
          if (!ordered) out.push([`method.bands.${i}.min`, 'các khoảng phải xếp từ cao xuống thấp, không trùng nhau']);
          if (b.points > prev.points) out.push([`method.bands.${i}.points`, 'khoảng thấp hơn không được có điểm cao hơn']);
        }
      });
      pts(m.otherwisePoints, 'method.otherwisePoints');
      const last = m.bands.at(-1);
      if (last && m.otherwisePoints > last.points) out.push(['method.otherwisePoints', 'điểm ngoài các khoảng cao hơn khoảng thấp nhất']);
      if (toMilli(m.bands[0]!.points) !== max) out.push(['method.bands', `khoảng cao nhất phải đạt điểm tối đa ${formatPoints(max)}`]);
      break;
    }
    case 'LINEAR':
      if (m.targetPct <= 0) out.push(['method.targetPct', 'tỷ lệ mục tiêu phải lớn hơn 0']);
      pctOk(m.targetPct, 'method.targetPct');
      if (m.capPoints !== null) pts(m.capPoints, 'method.capPoints');
      break;
    case 'PIECEWISE':
      m.points.forEach((p, i) => {
        pts(p.points, `method.points.${i}.points`);
        pctOk(p.pct, `method.points.${i}.pct`);
        const prev = m.points[i - 1];
        if (prev && p.pct <= prev.pct) out.push([`method.points.${i}.pct`, 'các mốc tỷ lệ phải tăng dần']);
        if (prev && p.points < prev.points) out.push([`method.points.${i}.points`, 'điểm không được giảm khi tỷ lệ tăng']);
      });
      pts(m.belowPoints, 'method.belowPoints');
      if (m.belowPoints > m.points[0]!.points) out.push(['method.belowPoints', 'điểm dưới mốc đầu cao hơn điểm tại mốc đầu']);
      if (toMilli(m.points.at(-1)!.points) !== max) out.push(['method.points', `mốc cuối phải đạt điểm tối đa ${formatPoints(max)}`]);
      break;
    case 'COUNT_DEDUCT':
    case 'COUNT':
      pts(m.perEvent, 'method.perEvent');
      break;
    case 'MANUAL': {
      const step = toMilli(m.step);
      if (step === null || step <= 0) out.push(['method.step', 'bước điểm không hợp lệ']);
      else if (max % step !== 0) out.push(['method.step', `điểm tối đa ${formatPoints(max)} không chia hết cho bước ${fp(m.step)}`]);
      break;
    }
    default:
      break;
  }
  void n;
  return out;
};

/** Every semantic problem of a structurally valid set. */
export const collectSetProblems = (set: Omit<IndicatorSet, never>): SetProblem[] => {
  const problems: SetProblem[] = [];
  const ids = new Map<string, string>();
  const codes = new Set<string>();
  let totalSx = 0;
  let totalBonus = 0;
  let totalPenalty = 0;

  walk(set.nodes, ({ node, parent, indexPath }) => {
    const base: (string | number)[] = ['nodes'];
    indexPath.forEach((ix, i) => base.push(...(i === 0 ? [ix] : ['children', ix])));
    const add = (field: string, message: string) =>
      problems.push({
        path: [...base, ...field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))],
        nodeId: node.id,
        code: node.code,
        field,
        message: `Tiêu chí ${node.code} — ${field}: ${message}`,
      });

    if (ids.has(node.id)) add('id', `mã định danh "${node.id}" trùng với tiêu chí ${ids.get(node.id)}`);
    ids.set(node.id, node.code);
    if (codes.has(node.code)) add('code', `mã "${node.code}" bị trùng`);
    codes.add(node.code);
    if (parent && !node.code.startsWith(`${parent.code}.`)) add('code', `mã phải bắt đầu bằng "${parent.code}."`);
    if (!parent && node.code.includes('.')) add('code', 'lĩnh vực (cấp 1) phải có mã một số, ví dụ "3"');

    const max = toMilli(node.maxPoints);
    if (max === null) {
      add('maxPoints', `điểm tối đa ${node.maxPoints} có quá 3 chữ số thập phân`);
      return;
    }
    if (isLeaf(node)) {
      if (!node.kind) add('kind', 'tiêu chí lá phải có loại (SELF, SURVEY, BONUS, PENALTY)');
      if (!node.method) add('method', 'tiêu chí lá phải có phương pháp chấm điểm');
      if (max <= 0) add('maxPoints', 'điểm tối đa phải lớn hơn 0');
      if (node.kind && node.method && !ALLOWED[node.kind].includes(node.method.type)) {
        add('method', `phương pháp ${node.method.type} không dùng được cho loại ${node.kind}`);
      }
      if (node.method) for (const [f, msg] of methodProblems(node, node.method, max)) add(f, msg);
      if (node.kind === 'SELF' || node.kind === 'SURVEY') totalSx += max;
      else if (node.kind === 'BONUS') totalBonus += max;
      else if (node.kind === 'PENALTY') totalPenalty += max;
      return;
    }
    if (node.method) add('method', 'tiêu chí có tiêu chí con không được có phương pháp chấm riêng');
    const ek = effectiveKind(node);
    if (node.kind && ek !== node.kind) add('kind', `loại ${node.kind} khác loại của các tiêu chí con (${ek ?? '?'})`);
    // Penalty children are deductions, so they are summed apart: a container's max is the sum of its
    // non-penalty children, or of its penalty children when it holds nothing else (block 9 "+3 / −5").
    const children = node.children ?? [];
    const positive = children.filter((c) => effectiveKind(c) !== 'PENALTY');
    const counted = positive.length > 0 ? positive : children;
    let sum = 0;
    for (const c of counted) sum += toMilli(c.maxPoints) ?? 0;
    if (sum !== max) {
      add('maxPoints', `tổng điểm các tiêu chí con (${formatPoints(sum)}) khác điểm tối đa (${formatPoints(max)})`);
    }
  });

  const setAdd = (field: string, message: string) =>
    problems.push({ path: [field], field, message: `Bộ chỉ số — ${field}: ${message}` });
  const maxTotal = toMilli(set.maxTotal);
  if (maxTotal === null) setAdd('maxTotal', 'quá 3 chữ số thập phân');
  else if (totalSx !== maxTotal) {
    setAdd('maxTotal', `tổng điểm tự đánh giá và điều tra (${formatPoints(totalSx)}) khác tổng điểm tối đa (${formatPoints(maxTotal)})`);
  }
  const bonusCap = toMilli(set.bonusCap);
  const penaltyCap = toMilli(set.penaltyCap);
  if (bonusCap === null) setAdd('bonusCap', 'quá 3 chữ số thập phân');
  else if (bonusCap > 0 && totalBonus === 0) setAdd('bonusCap', 'có trần điểm thưởng nhưng không có tiêu chí thưởng');
  if (penaltyCap === null) setAdd('penaltyCap', 'quá 3 chữ số thập phân');
  if (totalBonus > 0 && bonusCap === 0) setAdd('bonusCap', 'có tiêu chí thưởng nhưng trần điểm thưởng bằng 0');
  if (totalPenalty > 0 && penaltyCap === 0) setAdd('penaltyCap', 'có tiêu chí trừ điểm nhưng trần điểm trừ bằng 0');

  set.classification.forEach((b, i) => {
    const prev = set.classification[i - 1];
    if (prev && b.minIndex >= prev.minIndex) setAdd(`classification.${i}.minIndex`, 'các mức xếp loại phải giảm dần');
    if (Math.round(b.minIndex * 100) !== b.minIndex * 100) setAdd(`classification.${i}.minIndex`, 'tối đa 2 chữ số thập phân');
  });
  if (set.classification.at(-1)?.minIndex !== 0) setAdd('classification', 'mức xếp loại thấp nhất phải bắt đầu từ 0');
  if (set.isSample && !set.sampleNotice) setAdd('sampleNotice', 'bộ chỉ số mẫu phải có dòng ghi chú "mẫu"');
  // Cross-checks name leaves of this set, each check once.
  const leafIds = new Set<string>();
  walk(set.nodes, ({ node }) => {
    if (isLeaf(node)) leafIds.add(node.id);
  });
  const checkIds = new Set<string>();
  (set.crossChecks ?? []).forEach((c, i) => {
    if (checkIds.has(c.id)) setAdd(`crossChecks.${i}.id`, `mã kiểm tra chéo "${c.id}" bị trùng`);
    checkIds.add(c.id);
    const operands = c.kind === 'IMPLIES' ? ([['when', c.when], ['then', c.then]] as const) : ([['a', c.a], ['b', c.b]] as const);
    for (const [f, o] of operands) {
      if (!leafIds.has(o.nodeId)) setAdd(`crossChecks.${i}.${f}.nodeId`, `"${o.nodeId}" không phải tiêu chí lá của bộ chỉ số`);
    }
  });
  return problems;
};

export const checkIndicatorSet = (set: IndicatorSet, ctx: z.RefinementCtx<IndicatorSet>): void => {
  for (const p of collectSetProblems(set)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
};

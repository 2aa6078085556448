import type { NodeKind } from '../schemas/indicator-set';
import type { UnitType } from '../schemas/unit';
import type { IndexBp, Milli } from './points';
import { cappedIndexOf } from './points';

/**
 * Sở Nội vụ's side of the index (appraisal, then ranking by block; docs/architecture.md, `inbox`): the appraised score of every leaf replaces the
 * unit's self score where the appraiser entered one, survey (XHH) points stay as they are, bonus/penalty
 * follow the set's caps, and
 *   final = clamp(S_appraised + X + min(B, bonusCap) − min(T, penaltyCap), 0, maxTotal)
 *   index = final ÷ applicable max × 100, two decimals, half up, capped at 100.00
 * exactly as the scoring engine computes the self-assessed total (shared/domain/scoring/assessment.ts),
 * so with no appraisal entered the appraised total equals the self total. Units are ranked inside their
 * block by index, ties sharing a rank. Pure and exact (integer milli-points, no floats).
 */

export type RankingLeaf = {
  nodeId: string;
  kind: NodeKind;
  max: Milli;
  /** Max kept in the denominator by the unit's own answer (0 when N/A under RESCALE). */
  applicableMax: Milli;
  /** The unit's self score (for PENALTY: points deducted). */
  self: Milli;
};

export type SetRules = {
  maxTotal: Milli;
  bonusCap: Milli;
  penaltyCap: Milli;
  /** Highest band first; minIndex in hundredths of a percent (90 % = 9000). */
  classification: readonly { id: string; label: string; minIndex: IndexBp }[];
};

export type Totals = {
  self: Milli;
  survey: Milli;
  bonus: Milli;
  penalty: Milli;
  final: Milli;
  applicableMax: Milli;
  index: IndexBp | null;
  classification: { id: string; label: string } | null;
};

/** Survey nodes are measured by the sociological survey, never re-scored by the appraiser. */
export const isAppraisable = (kind: NodeKind): boolean => kind !== 'SURVEY';

/**
 * A changed score always says why (issue 14): an appraised value other than the unit's self score needs a
 * non-blank comment. Null (keep the self score) and the self score itself need none.
 */
export const needsReason = (self: Milli, appraised: Milli | null, comment: string): boolean => appraised !== null && appraised !== self && comment.trim() === '';

/** Why an appraised value is refused (Vietnamese), or null when it fits [0, max] of an appraisable node. */
export const appraisalProblem = (
  leaf: Pick<RankingLeaf, 'kind' | 'max'>,
  value: Milli | null,
): 'APPRAISAL_SURVEY' | 'APPRAISAL_NOT_EXACT' | 'APPRAISAL_OUT_OF_RANGE' | null => {
  if (!isAppraisable(leaf.kind)) return 'APPRAISAL_SURVEY';
  if (value === null) return null;
  if (!Number.isSafeInteger(value)) return 'APPRAISAL_NOT_EXACT';
  if (value < 0 || value > leaf.max) return 'APPRAISAL_OUT_OF_RANGE';
  return null;
};

export const classify = (rules: SetRules, index: IndexBp | null): Totals['classification'] => {
  if (index === null) return null;
  const band = rules.classification.find((b) => index >= b.minIndex);
  return band ? { id: band.id, label: band.label } : null;
};

/**
 * Totals of a unit with the appraiser's values (nodeId → milli-points; missing or null = the self score is
 * accepted). An appraised value on a node the unit declared N/A brings its max back into the denominator:
 * the appraiser did not accept "không áp dụng".
 */
export const appraisedTotals = (leaves: readonly RankingLeaf[], appraised: ReadonlyMap<string, Milli | null>, rules: SetRules): Totals => {
  let self = 0;
  let survey = 0;
  let bonus = 0;
  let penalty = 0;
  let applicableMax = 0;
  for (const l of leaves) {
    const a = isAppraisable(l.kind) ? appraised.get(l.nodeId) : undefined;
    const points = a === undefined || a === null ? l.self : a;
    const appMax = a === undefined || a === null ? l.applicableMax : l.max;
    if (l.kind === 'SELF') {
      self += points;
      applicableMax += appMax;
    } else if (l.kind === 'SURVEY') {
      survey += points;
      applicableMax += appMax;
    } else if (l.kind === 'BONUS') bonus += points;
    else penalty += points;
  }
  const final = Math.max(0, Math.min(rules.maxTotal, self + survey + Math.min(bonus, rules.bonusCap) - Math.min(penalty, rules.penaltyCap)));
  const index = cappedIndexOf(final, applicableMax);
  return { self, survey, bonus, penalty, final, applicableMax, index, classification: classify(rules, index) };
};

/** The self-assessed totals: no appraisal at all. */
export const selfTotals = (leaves: readonly RankingLeaf[], rules: SetRules): Totals => appraisedTotals(leaves, new Map(), rules);

/** A tree node for roll-ups: leaves carry their own points, containers sum their children. */
export type TreeNode = { nodeId: string; kind: NodeKind | 'MIXED' | undefined; children?: readonly TreeNode[] };

/**
 * Per-node points after appraisal (containers included), with the engine's container rule: a container
 * holding penalty leaves next to others scores Σ others − Σ penalties.
 */
export const rollUp = (nodes: readonly TreeNode[], leafPoints: ReadonlyMap<string, Milli>): Map<string, Milli> => {
  const out = new Map<string, Milli>();
  const visit = (n: TreeNode): Milli => {
    if (!n.children || n.children.length === 0) {
      const v = leafPoints.get(n.nodeId) ?? 0;
      out.set(n.nodeId, v);
      return v;
    }
    const kids = n.children.map((c) => ({ c, v: visit(c) }));
    const hasOthers = kids.some(({ c }) => c.kind !== 'PENALTY');
    const v = kids.reduce((s, { c, v: cv }) => s + (hasOthers && c.kind === 'PENALTY' ? -cv : cv), 0);
    out.set(n.nodeId, v);
    return v;
  };
  nodes.forEach(visit);
  return out;
};

// ---- Ranking inside a block ----

export const BLOCKS: readonly UnitType[] = ['SO', 'PHUONG', 'XA_DAC_KHU'];

export type RankInput = { id: string; unitName: string; index: IndexBp | null };
export type Ranked<T extends RankInput> = T & { rank: number | null };

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (Đ after D, diacritics after the base letter), then exact text for stability. */
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Highest index first; equal indices (two decimals) share a rank and the next rank skips ("1, 1, 3"); inside
 * a tie, by unit name in Vietnamese order. Units without an index (nothing applicable) come last, unranked.
 */
export const rankBlock = <T extends RankInput>(rows: readonly T[]): Ranked<T>[] => {
  const sorted = [...rows].sort((a, b) => {
    if (a.index === null || b.index === null) {
      if (a.index !== b.index) return a.index === null ? 1 : -1;
    } else if (a.index !== b.index) return b.index - a.index;
    return compareVietnamese(a.unitName, b.unitName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  let rank = 0;
  return sorted.map((r, i) => {
    if (r.index === null) return { ...r, rank: null };
    if (i === 0 || sorted[i - 1]!.index !== r.index) rank = i + 1;
    return { ...r, rank };
  });
};

import type { IndicatorNode, IndicatorSet } from '../../../shared/schemas/indicator-set';
import { parseIndicatorSet } from '../../../shared/schemas/indicator-set-validate';

/**
 * The 2025 samples have no MANUAL node, but an official set may (docs/indicator-sets.md lists the method),
 * so the partial-marks goldens turn one LEVELS leaf of max 1 into MANUAL step 0,25. The result goes through
 * the set validator again: it is a set the app would accept.
 */
export const withManualNode = (set: IndicatorSet, nodeId: string): IndicatorSet => {
  let found = false;
  const map = (n: IndicatorNode): IndicatorNode => {
    if (n.id === nodeId) {
      found = true;
      return { ...n, method: { type: 'MANUAL', step: 0.25 } };
    }
    return n.children ? { ...n, children: n.children.map(map) } : n;
  };
  const next = parseIndicatorSet({ ...set, nodes: set.nodes.map(map) });
  if (!found) throw new Error(`no node ${nodeId}`);
  return next;
};

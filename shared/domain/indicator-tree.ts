import type { IndicatorNode, IndicatorSet, NodeKind } from '../schemas/indicator-set';

/** Helpers to walk an indicator set's tree (domain → criterion → sub-criterion, any depth). */

export type NodeVisit = {
  node: IndicatorNode;
  parent: IndicatorNode | null;
  depth: number;
  /** Index path from the set's `nodes` array (for error paths). */
  indexPath: number[];
};

export const isLeaf = (n: IndicatorNode): boolean => !n.children || n.children.length === 0;

/** Depth-first, parents before children, in document order. */
export const walk = (
  nodes: readonly IndicatorNode[],
  visit: (v: NodeVisit) => void,
  parent: IndicatorNode | null = null,
  depth = 0,
  prefix: number[] = [],
): void => {
  nodes.forEach((node, i) => {
    const indexPath = [...prefix, i];
    visit({ node, parent, depth, indexPath });
    if (node.children) walk(node.children, visit, node, depth + 1, indexPath);
  });
};

export const allNodes = (set: Pick<IndicatorSet, 'nodes'>): NodeVisit[] => {
  const out: NodeVisit[] = [];
  walk(set.nodes, (v) => out.push(v));
  return out;
};

export const leaves = (set: Pick<IndicatorSet, 'nodes'>): IndicatorNode[] =>
  allNodes(set)
    .map((v) => v.node)
    .filter(isLeaf);

export const nodeIndex = (set: Pick<IndicatorSet, 'nodes'>): Map<string, IndicatorNode> => {
  const m = new Map<string, IndicatorNode>();
  walk(set.nodes, ({ node }) => m.set(node.id, node));
  return m;
};

export const findNode = (set: Pick<IndicatorSet, 'nodes'>, id: string): IndicatorNode | undefined =>
  nodeIndex(set).get(id);

/** The common kind of every leaf below (or the node itself); 'MIXED' when they differ (e.g. S + X domain). */
export const effectiveKind = (n: IndicatorNode): NodeKind | 'MIXED' | undefined => {
  if (isLeaf(n)) return n.kind;
  let k: NodeKind | 'MIXED' | undefined;
  for (const c of n.children ?? []) {
    const ck = effectiveKind(c);
    if (ck === undefined) continue;
    if (k === undefined) k = ck;
    else if (k !== ck) return 'MIXED';
  }
  return k;
};

/** Ids of the node and its ancestors, root first. */
export const ancestry = (set: Pick<IndicatorSet, 'nodes'>, id: string): IndicatorNode[] => {
  const path: IndicatorNode[] = [];
  const dfs = (nodes: readonly IndicatorNode[]): boolean => {
    for (const n of nodes) {
      path.push(n);
      if (n.id === id) return true;
      if (n.children && dfs(n.children)) return true;
      path.pop();
    }
    return false;
  };
  return dfs(set.nodes) ? path : [];
};

/** Survey results are entered by Sở Nội vụ: these leaves are read-only for the unit. */
export const isSurveyNode = (n: Pick<IndicatorNode, 'kind' | 'method'>): boolean => n.kind === 'SURVEY' || n.method?.type === 'SURVEY';

import type { ScorableAnswer } from '../schemas/answers';
import type { CrossCheck, CrossCheckCondition, CrossCheckOperand } from '../schemas/indicator-set-cross-checks';

type Value = number | boolean | string;

/** The declared value, or undefined when the criterion is unanswered, N/A or the input is empty. */
const valueOf = (answers: ReadonlyMap<string, ScorableAnswer>, o: CrossCheckOperand): Value | undefined => {
  const a = answers.get(o.nodeId);
  if (!a || a.notApplicable) return undefined;
  return (a.inputs as Record<string, Value | undefined>)[o.input];
};

const holds = (v: Value, c: CrossCheckCondition): boolean => {
  switch (c.op) {
    case 'eq':
      return v === c.value;
    case 'ne':
      return v !== c.value;
    default: {
      if (typeof v !== 'number' || typeof c.value !== 'number') return false;
      return c.op === 'gt' ? v > c.value : c.op === 'ge' ? v >= c.value : c.op === 'lt' ? v < c.value : v <= c.value;
    }
  }
};

export type CrossCheckFinding = { check: CrossCheck; nodeIds: [string, string] };

/**
 * The set's cross-checks that the answers break. A check whose values are not all declared yet is not
 * judged (the unanswered criterion is its own preflight issue).
 */
export const brokenCrossChecks = (checks: readonly CrossCheck[] | undefined, answers: ReadonlyMap<string, ScorableAnswer>): CrossCheckFinding[] => {
  const out: CrossCheckFinding[] = [];
  for (const c of checks ?? []) {
    if (c.kind === 'IMPLIES') {
      const w = valueOf(answers, c.when);
      const t = valueOf(answers, c.then);
      if (w === undefined || t === undefined) continue;
      if (holds(w, c.when) && !holds(t, c.then)) out.push({ check: c, nodeIds: [c.when.nodeId, c.then.nodeId] });
    } else {
      const a = valueOf(answers, c.a);
      const b = valueOf(answers, c.b);
      if (typeof a !== 'number' || typeof b !== 'number') continue;
      if (a > b) out.push({ check: c, nodeIds: [c.a.nodeId, c.b.nodeId] });
    }
  }
  return out;
};

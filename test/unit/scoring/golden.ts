import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { expect } from 'vitest';

import { leaves } from '../../../shared/domain/indicator-tree';
import type { AssessmentScore, NodeStatus } from '../../../shared/domain/scoring/index';
import type { ScorableAnswer } from '../../../shared/schemas/answers';
import { portableAnswersFileSchema } from '../../../shared/schemas/answers';
import type { IndicatorSet } from '../../../shared/schemas/indicator-set';

/**
 * Golden scoring fixtures: every expected number in a golden-*.test.ts file is written out BY HAND from the
 * set's rules (docs/indicator-sets.md), never computed by the engine. Points are integer thousandths.
 *
 * One row per leaf: [code, expected milli-points, how the answer maps to them, status if not SCORED].
 * One total per domain (lĩnh vực): the hand-added sum of its rows and the max that stays in the denominator.
 */
export type GoldenLeaf = readonly [code: string, milli: number, how: string, status?: NodeStatus];
export type GoldenDomain = { code: string; score: number; applicableMax: number; leaves: readonly GoldenLeaf[] };

/** The example answers of resources/examples/, as the engine reads them. */
export const loadExampleAnswers = (file: string): ScorableAnswer[] =>
  portableAnswersFileSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL(`../../../resources/examples/${file}`, import.meta.url)), 'utf8'))).answers;

/**
 * Checks the engine's result against the hand-written domains: every leaf of the set has exactly one row,
 * each leaf's score and status match, the hand sum of each domain equals its rows (catches an arithmetic
 * slip in the fixture itself) and the engine's domain score and applicable max.
 */
export const expectGolden = (set: IndicatorSet, r: AssessmentScore, idPrefix: string, domains: readonly GoldenDomain[]): void => {
  const rows = domains.flatMap((d) => d.leaves);
  expect(rows.map(([code]) => code).sort()).toEqual(leaves(set).map((n) => n.code).sort());
  for (const [code, milli, how, status = 'SCORED'] of rows) {
    const got = r.byId[`${idPrefix}${code}`];
    expect({ code, score: got?.score, status: got?.status }, how).toEqual({ code, score: milli, status });
  }
  for (const d of domains) {
    expect(d.leaves.reduce((s, [, milli]) => s + milli, 0), `hand sum of domain ${d.code}`).toBe(d.score);
    const got = r.byId[`${idPrefix}${d.code}`]!;
    expect({ domain: d.code, score: got.score, applicableMax: got.applicableMax }).toEqual({ domain: d.code, score: d.score, applicableMax: d.applicableMax });
  }
};

/** The method types of the set's leaves, and of the leaves `answers` really answer (sorted, distinct). */
export const methodCoverage = (set: IndicatorSet, answers: readonly ScorableAnswer[]): { inSet: string[]; answered: string[] } => {
  const answered = new Set(answers.map((a) => a.nodeId));
  const types = (ns: ReturnType<typeof leaves>) => [...new Set(ns.map((n) => n.method!.type))].sort();
  return { inSet: types(leaves(set)), answered: types(leaves(set).filter((n) => answered.has(n.id))) };
};

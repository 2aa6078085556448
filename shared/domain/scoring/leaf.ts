import type { ScorableAnswer } from '../../schemas/answers';
import type { IndicatorNode } from '../../schemas/indicator-set';
import type { RateMethod, ScoringMethod } from '../../schemas/indicator-set-methods';
import type { Language as Locale } from '../../schemas/settings';
import { formatPercent, formatPoints } from '../../format/index';
import type { Milli, Rate } from '../points';
import { compareRate, indexOf, PCT_FULL } from '../points';
import { explanationRequired, hasExplanation } from './explanation-rule';
import { scorePhrases } from './phrases';
import type { ScorePhrases } from './phrases';
import { scoreProblemText } from './problems';
import type { ScoreProblem } from './problems';
import { bandIntervalText, k, readRate } from './rate';
import type { NodeScore, NodeStatus } from './types';

/**
 * Scores ONE leaf from its answer (pure, allocation-light: the UI calls it on every keystroke).
 * Every division rounds half up to a milli-point (BigInt, exact).
 */

type Outcome = { status: NodeStatus; score: Milli; applicable: boolean; text: string; problem?: ScoreProblem };

/** The language of one scoring pass: its phrases and number formats. */
type Words = { t: ScorePhrases; fp: (m: Milli) => string; pct: (p: number) => string; of: (score: Milli, max: Milli) => string; lang: Locale };
const wordsCache = new Map<Locale, Words>();
const wordsFor = (lang: Locale): Words => {
  let w = wordsCache.get(lang);
  if (!w) {
    const t = scorePhrases(lang);
    const fp = (m: Milli) => formatPoints(m, lang);
    w = { t, fp, pct: (p) => formatPercent(p, lang), of: (s, m) => t.points(fp(s), fp(m)), lang };
    wordsCache.set(lang, w);
  }
  return w;
};

/** round-half-up(n ÷ d) for non-negative BigInts. */
const divRound = (n: bigint, d: bigint): number => Number((2n * n + d) / (2n * d));

const scoreRate = (m: RateMethod, rate: Rate, max: Milli, rateText: string, w: Words): { score: Milli; text: string } => {
  const { t, fp, of } = w;
  const num = BigInt(rate.num);
  const den = BigInt(rate.den);
  switch (m.type) {
    case 'BANDS': {
      for (let i = 0; i < m.bands.length; i++) {
        const b = m.bands[i]!;
        const c = compareRate(rate, k(b.min));
        if (c > 0 || (c === 0 && b.inclusive)) {
          const score = k(b.points);
          const upper = i > 0 ? m.bands[i - 1]! : null;
          return { score, text: `${rateText} → ${t.band} ${bandIntervalText(b, upper, w.lang)} → ${of(score, max)}` };
        }
      }
      const score = k(m.otherwisePoints);
      const last = m.bands.at(-1)!;
      return { score, text: `${rateText} → ${t.band} ${bandIntervalText(null, last, w.lang)} → ${of(score, max)}` };
    }
    case 'LINEAR': {
      const target = k(m.targetPct);
      const cap = m.capPoints === null ? max : Math.min(max, k(m.capPoints));
      // min(1, rate ÷ target) × max, i.e. num × 100000 × max ÷ (den × target), capped.
      const raw = divRound(num * BigInt(PCT_FULL) * BigInt(max), den * BigInt(target));
      const score = Math.min(raw, cap);
      const how = target === PCT_FULL ? `× ${fp(max)}` : `÷ ${w.pct(target)} % (${t.target}) × ${fp(max)}`;
      return { score, text: `${rateText} ${how} → ${of(score, max)}${raw > cap ? t.capReached : ''}` };
    }
    case 'PIECEWISE': {
      const pts = m.points;
      const first = pts[0]!;
      if (compareRate(rate, k(first.pct)) < 0) {
        const score = k(m.belowPoints);
        return { score, text: `${rateText} < ${w.pct(k(first.pct))} % → ${of(score, max)}` };
      }
      for (let i = pts.length - 1; i >= 0; i--) {
        const p = pts[i]!;
        if (compareRate(rate, k(p.pct)) < 0) continue;
        const p0 = k(p.pct);
        const s0 = k(p.points);
        const next = pts[i + 1];
        if (!next) return { score: s0, text: `${rateText} ≥ ${w.pct(p0)} % → ${of(s0, max)}` };
        const p1 = k(next.pct);
        const s1 = k(next.points);
        // s0 + (rate − p0) ÷ (p1 − p0) × (s1 − s0), with rate = num × 100000 ÷ den (milli-percent).
        const over = num * BigInt(PCT_FULL) - BigInt(p0) * den;
        const score = s0 + divRound(over * BigInt(s1 - s0), den * BigInt(p1 - p0));
        const text =
          `${rateText} → ${fp(s0)} + (${t.rate} − ${w.pct(p0)}) ÷ ${w.pct(p1 - p0)} × ${fp(s1 - s0)}` +
          ` → ${of(score, max)}`;
        return { score, text };
      }
      return { score: 0, text: rateText };
    }
  }
};

const scoreMethod = (node: IndicatorNode, m: ScoringMethod, a: ScorableAnswer, max: Milli, w: Words): Outcome => {
  const inp = a.inputs;
  const { t, fp, of } = w;
  const ok = (score: Milli, text: string): Outcome => ({ status: 'SCORED', score, applicable: true, text });
  const missing = (what: string): Outcome => ({ status: 'UNANSWERED', score: 0, applicable: true, text: t.enter(what) });
  const invalid = (problem: ScoreProblem): Outcome => ({ status: 'INVALID', score: 0, applicable: true, text: scoreProblemText(problem, w.lang), problem });
  switch (m.type) {
    case 'BINARY':
      if (inp.met === undefined) return missing(t.enterResult);
      if (node.kind === 'PENALTY') return ok(inp.met ? max : 0, inp.met ? t.penaltyYes(fp(max)) : t.penaltyNo);
      return ok(inp.met ? max : 0, `${inp.met ? t.met : t.notMet} → ${of(inp.met ? max : 0, max)}`);
    case 'LEVELS': {
      if (inp.levelId === undefined) return missing(t.enterLevel);
      const level = m.levels.find((l) => l.id === inp.levelId);
      if (!level) return invalid({ code: 'UNKNOWN_LEVEL', params: { levelId: inp.levelId } });
      const score = k(level.points);
      return ok(score, `${t.level(level.label)} → ${of(score, max)}`);
    }
    case 'BANDS':
    case 'LINEAR':
    case 'PIECEWISE': {
      const r = readRate(m, inp, w.lang);
      if (r.kind === 'missing') return missing(t.enterBoth(m.numeratorLabel, m.denominatorLabel));
      if (r.kind === 'invalid') return invalid(r.problem);
      if (r.kind === 'zero') {
        if (m.zeroDenominator === 'FULL_MARKS') return ok(max, `${t.zeroFull} → ${of(max, max)}`);
        if (m.zeroDenominator === 'ZERO') return ok(0, `${t.zeroZero} → ${of(0, max)}`);
        return notApplicable(node, max, t.zeroReason, w);
      }
      const { score, text } = scoreRate(m, r.rate, max, r.text, w);
      return ok(score, text);
    }
    case 'COUNT_DEDUCT': {
      if (inp.count === undefined) return missing(`"${m.countLabel}"`);
      const ded = inp.count * k(m.perEvent);
      const score = Math.max(0, max - ded);
      return ok(score, `${inp.count} × ${fp(k(m.perEvent))} = ${t.deduct(fp(ded))} → ${of(score, max)}`);
    }
    case 'COUNT': {
      if (inp.count === undefined) return missing(`"${m.countLabel}"`);
      const raw = inp.count * k(m.perEvent);
      const score = Math.min(max, raw);
      const verb = node.kind === 'PENALTY' ? t.subtract : t.add;
      return ok(score, `${inp.count} × ${fp(k(m.perEvent))} → ${verb} ${of(score, max)}${raw > max ? t.capReached : ''}`);
    }
    case 'EXTERNAL': {
      if (inp.externalValue === undefined) return missing(t.enterValue(m.source));
      const scale = k(m.scaleMax);
      const v = Math.min(k(inp.externalValue), scale);
      const score = divRound(BigInt(v) * BigInt(max), BigInt(scale));
      return ok(score, `${m.source}: ${fp(v)}/${fp(scale)} × ${fp(max)} → ${of(score, max)}`);
    }
    case 'MANUAL': {
      if (inp.manualPoints === undefined) return missing(t.enterPoints);
      const p = k(inp.manualPoints);
      const step = k(m.step);
      if (p > max) return invalid({ code: 'OVER_MAX', params: { points: p, max } });
      if (p % step !== 0) return invalid({ code: 'NOT_STEP', params: { points: p, step } });
      return ok(p, `${t.selfScored} ${of(p, max)}`);
    }
    case 'SURVEY': {
      if (inp.percent === undefined) return { status: 'PENDING_SURVEY', score: 0, applicable: true, text: t.waitingFor(m.source) };
      const p = k(inp.percent);
      const score = divRound(BigInt(p) * BigInt(max), BigInt(PCT_FULL));
      return ok(score, `${m.source}: ${w.pct(p)} % × ${fp(max)} → ${of(score, max)}`);
    }
  }
};

const notApplicable = (node: IndicatorNode, max: Milli, reason: string, w: Words): Outcome => {
  const { t, fp, of } = w;
  switch (node.naPolicy) {
    case 'RESCALE':
      return { status: 'NA', score: 0, applicable: false, text: t.naRescale(reason, fp(max)) };
    case 'FULL_MARKS':
      return { status: 'NA', score: max, applicable: true, text: t.naFull(reason, of(max, max)) };
    default: {
      const problem: ScoreProblem = { code: 'NA_NOT_ALLOWED', params: {} };
      return { status: 'INVALID', score: 0, applicable: true, text: scoreProblemText(problem, w.lang), problem };
    }
  }
};

/** Scores a leaf node from its answer (undefined = not answered yet). */
export const scoreNode = (node: IndicatorNode, answer: ScorableAnswer | undefined, lang: Locale = 'vi'): NodeScore => {
  const w = wordsFor(lang);
  const { t } = w;
  const max = k(node.maxPoints);
  const method = node.method;
  let out: Outcome;
  if (!method) {
    const problem: ScoreProblem = { code: 'NO_METHOD', params: {} };
    out = { status: 'INVALID', score: 0, applicable: true, text: scoreProblemText(problem, lang), problem };
  }
  else if (!answer) {
    out = method.type === 'SURVEY'
      ? { status: 'PENDING_SURVEY', score: 0, applicable: true, text: t.waitingFor(method.source) }
      : { status: 'UNANSWERED', score: 0, applicable: true, text: t.unanswered };
  } else if (answer.notApplicable) out = notApplicable(node, max, answer.notApplicable.reason, w);
  else out = scoreMethod(node, method, answer, max, w);

  const problems: ScoreProblem[] = out.problem ? [out.problem] : [];
  if (answer && explanationRequired(node, { status: out.status, score: out.score, max }) && !hasExplanation(answer.explanation)) {
    problems.push({ code: 'EXPLANATION_NEEDED', params: {} });
  }
  const applicableMax = out.applicable ? max : 0;
  return {
    nodeId: node.id,
    code: node.code,
    title: node.title,
    kind: node.kind,
    isLeaf: true,
    score: out.score,
    max,
    applicableMax,
    index: indexOf(out.score, applicableMax),
    status: out.status,
    explanation: out.text,
    problems,
  };
};

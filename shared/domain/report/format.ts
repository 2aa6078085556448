import { formatDate } from '../../format/index';
import type { ReportDomainSummary, ReportModel, ReportNode, ReportRowStatus, ReportTotals } from './model';

/**
 * What both exporters derive from the report model: row labels, the document-order walk, signed roll-ups
 * and totals, citation lines. Numbers and dates are printed by shared/format (exact, integer based).
 */

export const STATUS_LABELS: Record<ReportRowStatus, string> = {
  answered: '',
  na: 'Không áp dụng',
  survey: 'Điều tra XHH',
  unanswered: 'Chưa chấm',
  aggregate: '',
};

/** Depth-first rows in document order. */
export const flattenNodes = (domains: readonly ReportNode[]): ReportNode[] => {
  const out: ReportNode[] = [];
  const walk = (n: ReportNode): void => {
    out.push(n);
    n.children.forEach(walk);
  };
  domains.forEach(walk);
  return out;
};

/**
 * Sign of each child in its parent's sum, as the scoring engine rolls up: a container holding penalty nodes
 * next to others scores Σ others − Σ penalties; a container of penalties only scores the points deducted.
 */
export const childSign = (parent: ReportNode, child: ReportNode): 1 | -1 => {
  const hasOthers = parent.children.some((c) => c.kind !== 'penalty');
  return hasOthers && child.kind === 'penalty' ? -1 : 1;
};

/** A node's score: its own for leaves, the exact signed sum of children for parents (null → 0). */
export const nodeScoreMilli = (n: ReportNode): number =>
  n.children.length === 0
    ? (n.scoreMilli ?? 0)
    : n.children.reduce((s, c) => s + childSign(n, c) * nodeScoreMilli(c), 0);

/** Summaries when no scoring result is at hand (tests, simple sets): applicable max = max. */
export const summarizeDomains = (domains: readonly ReportNode[]): ReportDomainSummary[] =>
  domains.map((d) => ({
    code: d.code,
    title: d.title,
    kind: d.kind,
    maxMilli: d.maxMilli,
    applicableMaxMilli: d.maxMilli,
    scoreMilli: nodeScoreMilli(d),
  }));

/** True when the node holds self-assessed or survey points (part of the scale), not only bonus/penalty. */
export const countsToScale = (n: ReportNode): boolean =>
  n.children.length === 0 ? n.kind === 'self' || n.kind === 'survey' : n.children.some(countsToScale);

export type LeafSums = { main: number; bonus: number; penalty: number };

/** Leaf scores by how they count: self + survey ("main"), bonus, penalty (raw, before caps). */
export const leafSums = (domains: readonly ReportNode[]): LeafSums => {
  const sums: LeafSums = { main: 0, bonus: 0, penalty: 0 };
  for (const n of flattenNodes(domains)) {
    if (n.children.length > 0) continue;
    const v = n.scoreMilli ?? 0;
    if (n.kind === 'bonus') sums.bonus += v;
    else if (n.kind === 'penalty') sums.penalty += v;
    else sums.main += v;
  }
  return sums;
};

/** The set's total rule: clamp(S + X + min(bonus, cap) − min(penalty, cap), 0, max), all integers. */
export const combineTotals = (
  sums: LeafSums,
  caps: { maxMilli: number; bonusCapMilli: number; penaltyCapMilli: number },
): number =>
  Math.max(
    0,
    Math.min(caps.maxMilli, sums.main + Math.min(caps.bonusCapMilli, sums.bonus) - Math.min(caps.penaltyCapMilli, sums.penalty)),
  );

/** Totals from the tree alone (fixtures and tests; the builder takes them from the scoring engine). */
export const totalsOf = (domains: readonly ReportNode[], caps = { bonusCapMilli: 0, penaltyCapMilli: 0 }): ReportTotals => {
  const sums = leafSums(domains);
  const maxMilli = domains.filter(countsToScale).reduce((a, d) => a + d.maxMilli, 0);
  let self = 0;
  let survey = 0;
  for (const n of flattenNodes(domains)) {
    if (n.children.length > 0) continue;
    if (n.kind === 'survey') survey += n.scoreMilli ?? 0;
    else if (n.kind === 'self') self += n.scoreMilli ?? 0;
  }
  return {
    maxMilli,
    applicableMaxMilli: maxMilli,
    scoreMilli: combineTotals(sums, { maxMilli, ...caps }),
    selfMilli: self,
    surveyMilli: survey,
    bonus: { rawMilli: sums.bonus, countedMilli: Math.min(sums.bonus, caps.bonusCapMilli), capMilli: caps.bonusCapMilli },
    penalty: {
      rawMilli: sums.penalty,
      countedMilli: Math.min(sums.penalty, caps.penaltyCapMilli),
      capMilli: caps.penaltyCapMilli,
    },
    classification: null,
  };
};

/**
 * Citation as one line: "12/KH-UBND ngày 07/03/2025: Kế hoạch CCHC năm 2025". A document the unit attached
 * without these details is still cited, by its file name ("Tệp: Kế hoạch.pdf"), never as an empty line.
 */
export const citationText = (c: { number: string; issuedDate: string | null; summary: string; originalName: string }): string => {
  const date = formatDate(c.issuedDate);
  const head = [c.number, date ? `ngày ${date}` : ''].filter(Boolean).join(' ');
  return [head, c.summary].filter(Boolean).join(': ') || `Tệp: ${c.originalName}`;
};

/** Every text field NFC-normalised (Excel imports and macOS names can be NFD; pdfmake renders NFD as tofu). */
export const normalizeModel = (m: ReportModel): ReportModel => {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.normalize('NFC');
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(m) as ReportModel;
};

/**
 * The evidence cell of a row (Excel table, PDF section): its documents one per line; with none, the unit's
 * explicit "no evidence" and its reason, so the waiver travels where the documents would be.
 */
export const evidenceCellText = (n: { citations: readonly Parameters<typeof citationText>[0][]; evidenceWaiver?: string }): string =>
  n.citations.length > 0 ? n.citations.map(citationText).join('\n') : n.evidenceWaiver ? `Không có tài liệu kiểm chứng — lý do: ${n.evidenceWaiver}` : '';

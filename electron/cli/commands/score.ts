import { join, resolve } from 'node:path';

import type { AssessmentScore } from '../../../shared/domain/scoring/index';
import { scoreAssessment, scoreProblemText } from '../../../shared/domain/scoring/index';
import { fromMilli } from '../../../shared/domain/points';
import { formatDeduction, formatIndex, formatPoints } from '../../../shared/format/index';
import type { PreflightReport } from '../../../shared/domain/preflight';
import type { IndicatorSet } from '../../../shared/schemas/indicator-set';
import { PROJECT_ROOT } from '../../backend/project-root';
import { readPortableAnswers } from '../../backend/services/indicator-sets/answers-file';
import { indicatorSetSha256 } from '../../backend/services/indicator-sets/catalog';
import { resolveSetRef } from '../../backend/services/indicator-sets/set-io';
import { answersPreflight, refuse, valueErrors } from '../preflight';
import type { CliCommand } from '../types';
import { parseFlags, UsageError } from '../types';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const idx = (bp: number | null) => (bp === null ? '—' : `${formatIndex(bp)} %`);

const asJson = (set: IndicatorSet, r: AssessmentScore, pre: PreflightReport) => ({
  set: { id: set.id, version: set.version, isSample: set.isSample, sha256: indicatorSetSha256(set) },
  domains: r.domains.map((d) => ({
    code: d.code,
    title: d.title,
    score: fromMilli(d.score),
    max: fromMilli(d.max),
    applicableMax: fromMilli(d.applicableMax),
    index: d.index === null ? null : d.index / 100,
  })),
  self: { score: fromMilli(r.self.score), max: fromMilli(r.self.max), applicableMax: fromMilli(r.self.applicableMax) },
  survey: { score: fromMilli(r.survey.score), max: fromMilli(r.survey.max), applicableMax: fromMilli(r.survey.applicableMax) },
  bonus: { raw: fromMilli(r.bonus.raw), counted: fromMilli(r.bonus.counted), cap: fromMilli(r.bonus.cap) },
  penalty: { raw: fromMilli(r.penalty.raw), counted: fromMilli(r.penalty.counted), cap: fromMilli(r.penalty.cap) },
  final: fromMilli(r.final),
  maxTotal: fromMilli(r.maxTotal),
  applicableMax: fromMilli(r.applicableMax),
  index: r.index === null ? null : r.index / 100,
  classification: r.classification,
  completeness: r.completeness,
  problems: r.nodes.filter((n) => n.problems.length).map((n) => ({ code: n.code, problems: n.problems.map((p) => scoreProblemText(p)) })),
  /** Every node: its score and its problems as codes with params (and the Vietnamese words). */
  nodes: r.nodes.map((n) => ({
    id: n.nodeId,
    code: n.code,
    isLeaf: n.isLeaf,
    status: n.status,
    score: fromMilli(n.score),
    max: fromMilli(n.max),
    problems: n.problems.map((p) => ({ code: p.code, params: p.params, text: scoreProblemText(p) })),
  })),
  /** The app's preflight on this file (shared/domain/preflight.ts): what would block the submission. */
  preflight: {
    ok: pre.ok,
    errors: pre.errors.map((e) => ({ code: e.code, nodeCode: e.nodeCode, params: e.params, ...(e.problem ? { problem: e.problem } : {}), message: e.message })),
    warnings: pre.warnings.map((e) => ({ code: e.code, nodeCode: e.nodeCode, params: e.params, message: e.message })),
  },
});

const asText = (set: IndicatorSet, r: AssessmentScore): string => {
  const lines = [`Bộ chỉ số: ${set.name} (${set.id}, phiên bản ${set.version})`];
  if (set.isSample) lines.push(`  ${set.sampleNotice}`);
  lines.push('', `${pad('Lĩnh vực', 62)}${lpad('Điểm', 8)}${lpad('Tối đa', 8)}${lpad('Chỉ số', 10)}`);
  for (const d of r.domains) {
    const title = `${d.code}. ${d.title}`;
    lines.push(`${pad(title.length > 60 ? `${title.slice(0, 59)}…` : title, 62)}${lpad(formatPoints(d.score), 8)}${lpad(formatPoints(d.max), 8)}${lpad(idx(d.index), 10)}`);
  }
  const c = r.completeness;
  lines.push(
    '',
    `Tự đánh giá:   ${formatPoints(r.self.score)} / ${formatPoints(r.self.applicableMax)}`,
    `Điều tra XHH:  ${formatPoints(r.survey.score)} / ${formatPoints(r.survey.applicableMax)}${c.pendingSurvey ? ` (chờ kết quả ${c.pendingSurvey} tiêu chí)` : ''}`,
    `Điểm thưởng:   +${formatPoints(r.bonus.counted)} (trần ${formatPoints(r.bonus.cap)})`,
    `Điểm trừ:      ${formatDeduction(r.penalty.counted)} (trần ${formatPoints(r.penalty.cap)})`,
    `Tổng điểm:     ${formatPoints(r.final)} / ${formatPoints(r.applicableMax)} (thang ${formatPoints(r.maxTotal)})`,
    `Chỉ số:        ${idx(r.index)}`,
    `Xếp loại:      ${r.classification?.label ?? '—'}`,
    `Tiêu chí: ${c.leaves}; đã chấm ${c.scored}; không áp dụng ${c.na}; chưa trả lời ${c.unanswered}; lỗi ${c.invalid}`,
  );
  const problems = r.nodes.filter((n) => n.problems.length);
  if (problems.length) {
    lines.push('', 'Cần xử lý:');
    for (const n of problems) for (const p of n.problems) lines.push(`- ${n.code}: ${scoreProblemText(p)}`);
  }
  return lines.join('\n');
};

/** cchc score --set <id|file> --answers <answers.json> [--json] */
export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'Tính điểm từ bộ chỉ số và tệp câu trả lời: điểm từng lĩnh vực, tổng điểm, chỉ số, xếp loại; mã thoát 1 khi có số liệu ứng dụng không chấp nhận',
  usage: 'score --set <mã bộ chỉ số|tệp.json|tệp.xlsx> --answers <answers.json> [--json]',
  run: async (args, io) => {
    const { flags, switches, positional } = parseFlags(args, { values: ['set', 'answers'], switches: ['json'] });
    if (positional.length) throw new UsageError(`Đối số thừa: ${positional.join(' ')}`);
    if (!flags.set || !flags.answers) throw new UsageError('Cần --set và --answers');
    const setRes = await resolveSetRef(flags.set, io.cwd, join(PROJECT_ROOT, 'resources'));
    if (!setRes.ok) {
      io.err([`Bộ chỉ số không dùng được:`, ...setRes.errors.map((e) => `- ${e}`)].join('\n'));
      return 1;
    }
    const ans = readPortableAnswers(resolve(io.cwd, flags.answers), setRes.set);
    if (!ans.ok) {
      io.err([`Tệp câu trả lời không hợp lệ:`, ...ans.errors.map((e) => `- ${e}`)].join('\n'));
      return 1;
    }
    const r = scoreAssessment(setRes.set, ans.file.answers);
    const pre = answersPreflight(setRes.set, ans.file.answers);
    io.out(switches.has('json') ? JSON.stringify(asJson(setRes.set, r, pre), null, 2) : asText(setRes.set, r));
    // A value the app would refuse (score off its step, rate above 100 %…) makes the score meaningless.
    const bad = valueErrors(pre);
    return bad.length ? refuse(io, 'Tệp câu trả lời có số liệu ứng dụng không chấp nhận:', bad) : 0;
  },
};

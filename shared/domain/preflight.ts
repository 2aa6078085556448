import type { ScorableAnswer } from '../schemas/answers';
import type { EvidenceProblem } from '../schemas/evidence';
import type { IndicatorSet } from '../schemas/indicator-set';
import type { EvidenceCounts, LeafProgress } from './progress';
import { daysUntil } from '../format/index';
import { brokenCrossChecks } from './cross-checks';
import { computeLeafProgress } from './progress';
import { scoreProblemText } from './scoring/problems';
import type { ScoreProblem } from './scoring/problems';

/**
 * Kiểm tra trước khi nộp: what must be fixed (errors block the export of the submission bundle) and what
 * deserves a look (warnings). The UI shows it with links; the bundle engineer calls runPreflight() again in
 * the backend right before packing, so a stale UI can never let an incomplete assessment through.
 * Each issue carries a code + params (the UI translates) and a ready Vietnamese message (CLI, logs, errors);
 * an INVALID issue also carries the engine's problem and an EVIDENCE_PROBLEM the file check's code, so the
 * detail is translated too.
 */

export const PREFLIGHT_CODES = [
  'UNANSWERED',
  'INVALID',
  'EXPLANATION_MISSING',
  'EVIDENCE_MISSING',
  'EVIDENCE_PROBLEM',
  'CROSS_CHECK',
  'LOCKED',
  'EXPLANATION_RECOMMENDED',
  'EVIDENCE_WAIVED',
  'SURVEY_PENDING',
  'DEADLINE_PASSED',
  'SAMPLE_SET',
  'EVIDENCE_METADATA_MISSING',
] as const;
export type PreflightCode = (typeof PREFLIGHT_CODES)[number];
export type PreflightSeverity = 'error' | 'warning';

export type PreflightIssue = {
  code: PreflightCode;
  severity: PreflightSeverity;
  /** Node to open to fix it (null: about the whole assessment). */
  nodeId: string | null;
  nodeCode: string | null;
  /** Plain Vietnamese: what is wrong and what to do. */
  message: string;
  /** Values for the UI's translated text (code, title, detail, count, days); `detail` is Vietnamese. */
  params: Record<string, string | number>;
  /** INVALID: what the scoring engine found wrong (the UI words it in its language). */
  problem?: ScoreProblem;
  /** EVIDENCE_PROBLEM: which file and what happened to it. */
  evidence?: { name: string; problem: EvidenceProblem };
};

export type PreflightReport = {
  ok: boolean;
  errors: PreflightIssue[];
  warnings: PreflightIssue[];
};

export type PreflightInput = {
  set: Pick<IndicatorSet, 'nodes' | 'isSample' | 'crossChecks'>;
  answers: readonly ScorableAnswer[] | ReadonlyMap<string, ScorableAnswer>;
  /** Linked evidence documents per node id. */
  evidenceCounts: EvidenceCounts;
  assessment?: { status: 'draft' | 'locked'; deadline: string | null };
  /** yyyy-mm-dd (for the deadline warning). */
  today?: string;
  /** Problems found by the evidence integrity check (file vanished/changed…): the code, the file, the Vietnamese text. */
  evidenceProblems?: readonly { nodeId: string | null; nodeCode?: string | null; message: string; name?: string; problem?: EvidenceProblem }[];
  /** Documents with no số/ký hiệu, ngày ban hành nor trích yếu: the report can cite them only by file name. */
  undescribedEvidence?: readonly { name: string }[];
};

const issue = (
  severity: PreflightSeverity,
  code: PreflightCode,
  leaf: LeafProgress | null,
  message: string,
  params: Record<string, string | number> = {},
): PreflightIssue => ({
  code,
  severity,
  nodeId: leaf?.node.id ?? null,
  nodeCode: leaf?.node.code ?? null,
  message,
  params: leaf ? { code: leaf.node.code, title: leaf.node.title, ...params } : params,
});

const toMap = (answers: PreflightInput['answers']): ReadonlyMap<string, ScorableAnswer> =>
  answers instanceof Map ? answers : new Map((answers as readonly ScorableAnswer[]).map((a) => [a.nodeId, a]));

/** Issues of one leaf (pure; also used by the dashboard's "việc cần làm" list). */
export const leafIssues = (l: LeafProgress): PreflightIssue[] => {
  const c = l.node.code;
  const out: PreflightIssue[] = [];
  switch (l.state) {
    case 'SURVEY':
      if (l.score.status === 'PENDING_SURVEY') {
        out.push(issue('warning', 'SURVEY_PENDING', l, `Tiêu chí ${c}: chưa có kết quả điều tra xã hội học (Sở Nội vụ nhập sau).`));
      }
      return out;
    case 'NOT_STARTED':
      out.push(issue('error', 'UNANSWERED', l, `Tiêu chí ${c} chưa được chấm: hãy nhập số liệu hoặc chọn kết quả.`));
      return out;
    case 'INVALID': {
      const problem = l.score.problems[0];
      const detail = problem ? scoreProblemText(problem, 'vi') : l.score.explanation;
      const found = issue('error', 'INVALID', l, `Tiêu chí ${c}: số liệu chưa hợp lệ — ${detail}. Hãy sửa lại.`, { detail });
      out.push(problem ? { ...found, problem } : found);
      return out;
    }
    default:
      break;
  }
  if (l.explanationMissing) {
    if (l.node.explanationRequiredBelowMax) {
      out.push(issue('error', 'EXPLANATION_MISSING', l, `Tiêu chí ${c} đạt dưới điểm tối đa: hãy viết giải trình lý do.`));
    } else {
      out.push(issue('warning', 'EXPLANATION_RECOMMENDED', l, `Tiêu chí ${c} đạt dưới điểm tối đa: nên viết giải trình.`));
    }
  }
  if (l.missingEvidence && l.state !== 'NA') {
    if (!l.evidenceWaived) {
      out.push(
        issue(
          'error',
          'EVIDENCE_MISSING',
          l,
          `Tiêu chí ${c} chưa có tài liệu kiểm chứng: hãy đính kèm tài liệu, hoặc chọn "Không có tài liệu kiểm chứng" và ghi lý do.`,
        ),
      );
    } else {
      // Said, not hidden: the waiver and its reason are shown to whoever checks the assessment.
      const reason = l.waiverReason;
      out.push(issue('warning', 'EVIDENCE_WAIVED', l, `Tiêu chí ${c} không có tài liệu kiểm chứng — lý do: ${reason}`, { detail: reason }));
    }
  }
  return out;
};

/** Runs every check; `ok` is true when nothing blocks the export. */
export const runPreflight = (input: PreflightInput): PreflightReport => {
  const answers = toMap(input.answers);
  const leaves = computeLeafProgress(input.set, answers, input.evidenceCounts);
  const all: PreflightIssue[] = [];
  if (input.assessment?.status === 'locked') {
    all.push(issue('error', 'LOCKED', null, 'Bản tự đánh giá đã khóa vì đã xuất hồ sơ nộp. Hãy tạo lần nộp mới để sửa.'));
  }
  for (const l of leaves) all.push(...leafIssues(l));
  for (const p of input.evidenceProblems ?? []) {
    const code = p.nodeCode ?? null;
    all.push({
      code: 'EVIDENCE_PROBLEM',
      severity: 'error',
      nodeId: p.nodeId,
      nodeCode: code,
      message: p.message,
      params: { code: code ?? '', detail: p.message },
      ...(p.problem && p.name !== undefined ? { evidence: { name: p.name, problem: p.problem } } : {}),
    });
  }
  // The set's cross-checks between criteria (shared/domain/cross-checks.ts), at the severity the set gives.
  const codeOf = new Map(leaves.map((l) => [l.node.id, l.node.code]));
  for (const f of brokenCrossChecks(input.set.crossChecks, answers)) {
    const [a, b] = f.nodeIds.map((id) => codeOf.get(id) ?? id) as [string, string];
    all.push({
      code: 'CROSS_CHECK',
      severity: f.check.severity,
      nodeId: f.nodeIds[0],
      nodeCode: a,
      message: `Kiểm tra chéo giữa tiêu chí ${a} và ${b}: ${f.check.message}`,
      params: { code: a, other: b, detail: f.check.message, check: f.check.id },
    });
  }
  for (const d of input.undescribedEvidence ?? []) {
    all.push({
      code: 'EVIDENCE_METADATA_MISSING',
      severity: 'warning',
      nodeId: null,
      nodeCode: null,
      message: `Tài liệu “${d.name}” chưa có số/ký hiệu, ngày ban hành, trích yếu: báo cáo chỉ ghi được tên tệp. Hãy bổ sung thông tin văn bản trong thư viện.`,
      params: { name: d.name },
    });
  }
  if (input.assessment?.deadline && input.today) {
    const days = daysUntil(input.today, input.assessment.deadline);
    if (days < 0) {
      all.push(issue('warning', 'DEADLINE_PASSED', null, `Đã quá hạn nộp ${-days} ngày: hãy liên hệ Sở Nội vụ.`, { days: -days }));
    }
  }
  if (input.set.isSample) {
    all.push(issue('warning', 'SAMPLE_SET', null, 'Đang dùng bộ chỉ số mẫu, chưa phải bộ chỉ số chính thức của UBND thành phố.'));
  }
  const errors = all.filter((i) => i.severity === 'error');
  const warnings = all.filter((i) => i.severity === 'warning');
  return { ok: errors.length === 0, errors, warnings };
};

/** The params of a blocked preflight's failure (reason PREFLIGHT_BLOCKED): the count, the first issues in Vietnamese. */
export const preflightFailureParams = (r: PreflightReport): { count: number; detail: string } => {
  const first = r.errors.slice(0, 3).map((e) => e.message).join(' ');
  const more = r.errors.length > 3 ? ` (và ${r.errors.length - 3} lỗi khác)` : '';
  return { count: r.errors.length, detail: `${first}${more}` };
};

import { runPreflight } from '../../shared/domain/preflight';
import type { PreflightIssue, PreflightReport } from '../../shared/domain/preflight';
import type { PortableAnswer } from '../../shared/schemas/answers';
import type { IndicatorSet } from '../../shared/schemas/indicator-set';
import { UNIT_CODE_RE } from '../../shared/schemas/unit';
import type { CliIo } from './types';

/**
 * The app's preflight (shared/domain/preflight.ts) on an answers file: the CLI never scores, reports or
 * signs what the app would refuse. Evidence counts are the files each answer cites.
 */
export const answersPreflight = (set: IndicatorSet, answers: readonly PortableAnswer[]): PreflightReport =>
  runPreflight({
    set,
    answers: answers.map((a) => ({ nodeId: a.nodeId, inputs: a.inputs, notApplicable: a.notApplicable, explanation: a.explanation, evidenceWaiver: a.evidenceWaiver })),
    evidenceCounts: Object.fromEntries(answers.map((a) => [a.nodeId, a.evidence.length])),
  });

/** Values the app refuses to accept (a manual score off its step, a rate 101/100…): these block score and report too. */
export const valueErrors = (r: PreflightReport): PreflightIssue[] => r.errors.filter((e) => e.code === 'INVALID');

/** Prints the blocking issues (each names its criterion and the value) and returns the exit code 1. */
export const refuse = (io: CliIo, headline: string, issues: readonly PreflightIssue[]): 1 => {
  io.err([headline, ...issues.map((i) => `- ${i.message}`)].join('\n'));
  return 1;
};

/** The unit code of an answers file must have the format the app's unit profile enforces (shared/schemas/unit.ts). */
export const unitCodeProblem = (code: string): string | null =>
  UNIT_CODE_RE.test(code) ? null : `Mã đơn vị "${code}" trong tệp câu trả lời không hợp lệ: chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (ví dụ STP-HP).`;

import { nodeIndex } from '../../../../shared/domain/indicator-tree';
import { fromMilli, parseScaled } from '../../../../shared/domain/points';
import type { SurveyImportReport } from '../../../../shared/ipc/channels/survey';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorNode, IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { BackendContext } from '../../context';
import { findAnswer } from '../../db/repos/answer-repo';
import { withEditable } from '../assessments/guards';
import type { WorkerLauncher } from '../../workers-seam/launcher';
import { readSurveySheet, SurveySheetError } from './sheet';
import type { SurveySheet } from './sheet';
import { isSurveyLeaf, rangeProblem, valueOf, writeSurveyValue } from './values';

/** The largest results sheet read, checked before parsing (a sheet has one row per survey criterion). */
export const MAX_SHEET_BYTES = 5 * 1_048_576;

type Accepted = { row: number; node: IndicatorNode; value: number; note: string };
export type SurveyImportPlan = { report: Omit<SurveyImportReport, 'totals'>; accepted: Accepted[] };

/**
 * Checks every row of the sheet against the set: the code names a survey leaf (by code, or by node id),
 * once; the value is an exact decimal (at most 3 places, "85,5" or "85,5 %") within the node's range.
 * Each refused row is reported with its cell; the others are accepted. Nothing is written here.
 */
export const planSurveyImport = (set: IndicatorSet, sheet: SurveySheet, fileName: string): SurveyImportPlan => {
  const all = nodeIndex(set);
  const byCode = new Map<string, IndicatorNode>();
  for (const n of all.values()) byCode.set(n.code, n);
  const report: SurveyImportPlan['report'] = { fileName, columns: sheet.columns, applied: [], errors: [] };
  const seen = new Map<string, number>();
  const accepted: Accepted[] = [];
  for (const r of sheet.rows) {
    const codeErr = (message: string) => report.errors.push({ row: r.row, column: sheet.columns.code, message });
    const valueErr = (message: string) => report.errors.push({ row: r.row, column: sheet.columns.value, message });
    const code = r.code.replace(/\.$/, '');
    if (!code) {
      codeErr('Thiếu mã tiêu chí');
      continue;
    }
    const node = byCode.get(code) ?? all.get(code);
    if (!node) {
      codeErr(`Bộ chỉ số không có tiêu chí mã "${code}"`);
      continue;
    }
    if (!isSurveyLeaf(node)) {
      codeErr(`Tiêu chí ${node.code} không phải tiêu chí điều tra xã hội học (đơn vị tự chấm)`);
      continue;
    }
    const dup = seen.get(node.id);
    if (dup !== undefined) {
      codeErr(`Tiêu chí ${node.code} đã có ở dòng ${dup}`);
      continue;
    }
    seen.set(node.id, r.row);
    if (!r.value) {
      valueErr(`Thiếu kết quả của tiêu chí ${node.code}`);
      continue;
    }
    const milli = parseScaled(r.value.replace(/\s*%$/, ''), 3);
    if (milli === null) {
      valueErr(`Kết quả "${r.value}" không phải số hợp lệ (tối đa 3 chữ số thập phân, ví dụ 85,5)`);
      continue;
    }
    const problem = rangeProblem(node, milli);
    if (problem) {
      valueErr(problem.message);
      continue;
    }
    accepted.push({ row: r.row, node, value: fromMilli(milli), note: r.note });
  }
  return { report, accepted };
};

/**
 * Parses the file's bytes (xlsx or csv); an unreadable sheet is BAD_FILE naming the file. A workbook beyond
 * the untrusted-xlsx limits is refused with its own reason (XLSX_*), before anything is planned.
 */
export const readSurveyFile = async (data: Buffer, fileName: string, launcher: WorkerLauncher): Promise<SurveySheet> => {
  try {
    return await readSurveySheet(data, fileName, launcher);
  } catch (e) {
    if (e instanceof SurveySheetError) throw AppFailure.of('SURVEY_SHEET_INVALID', { name: fileName, detail: e.message });
    throw e;
  }
};

/** Writes the accepted rows in one transaction (refused if the assessment was locked meanwhile). */
export const applySurveyImport = (
  ctx: BackendContext,
  assessmentId: string,
  plan: SurveyImportPlan,
  sourceNote: string,
): Omit<SurveyImportReport, 'totals'> => {
  const { report, accepted } = plan;
  const fileName = report.fileName;
  withEditable(
    ctx,
    assessmentId,
    ({ now }) => {
      for (const a of accepted) {
        const previous = valueOf(a.node, findAnswer(ctx.db, assessmentId, a.node.id)?.inputs);
        writeSurveyValue(ctx.db, assessmentId, a.node, a.value, {
          nodeId: a.node.id,
          // No generated text is stored: "imported from <file>" is origin + fileName, worded by the UI in its language.
          sourceNote: (a.note || sourceNote).slice(0, 500),
          origin: 'import',
          fileName: fileName.slice(0, 255),
          updatedAt: now,
        });
        report.applied.push({ row: a.row, nodeId: a.node.id, code: a.node.code, value: a.value, previous });
      }
    },
    () => accepted.length > 0,
  );
  return report;
};

import { hasGaps, reportGaps, reportGapsMessage } from '../../../../shared/domain/report/completeness';
import { normalizeModel } from '../../../../shared/domain/report/format';
import type { ReportModel } from '../../../../shared/domain/report/model';
import { AppFailure } from '../../../../shared/ipc/result';

/**
 * Refuses a final report with a gap (empty field or narrative section), naming every gap at once.
 * Kept apart from pdf/document.ts so the handlers and the bundle export can check a report without
 * loading pdfmake and fontkit at start-up (services/office-loader.ts loads the renderers on first use).
 */
export const assertReportFinal = (model: ReportModel): void => {
  const gaps = reportGaps(normalizeModel(model));
  if (hasGaps(gaps)) {
    const missing = [...gaps.fields, ...gaps.narrative];
    throw AppFailure.of('REPORT_INCOMPLETE', { detail: reportGapsMessage(gaps), count: missing.length }, { missing });
  }
};

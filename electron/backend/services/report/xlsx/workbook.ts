import ExcelJS from 'exceljs';

import { normalizeModel } from '../../../../../shared/domain/report/format';
import type { ReportModel } from '../../../../../shared/domain/report/model';
import { writeEvidenceSheet } from './evidence-sheet';
import { writeSummarySheet } from './summary-sheet';
import { writeTableSheet } from './table-sheet';

export type WorkbookOptions = {
  /**
   * Store each formula's result next to it (default). Tests turn it off to prove that a spreadsheet program
   * recomputing the formulas from scratch reaches the app's totals.
   */
  cachedResults?: boolean;
};

/**
 * The official self-assessment table as an .xlsx buffer. Pure: no DB and no file system, so the bundle
 * builder can put it in the signed package. The table sheet comes first (CSV conversion reads sheet one).
 */
export const buildWorkbook = async (model: ReportModel, options: WorkbookOptions = {}): Promise<Buffer> => {
  const m = normalizeModel(model);
  const opts = { cachedResults: options.cachedResults ?? true };
  const wb = new ExcelJS.Workbook();
  const stamp = new Date(m.generatedAt);
  wb.creator = 'CCHC Tự đánh giá';
  wb.title = `Bảng tự đánh giá Chỉ số CCHC năm ${m.year} — ${m.unit.name}`;
  wb.created = stamp;
  wb.modified = stamp;
  // Ask Excel/LibreOffice to recalculate on open, so an edited figure never leaves stale totals.
  wb.calcProperties = { fullCalcOnLoad: true };
  const layout = writeTableSheet(wb, m, opts);
  writeSummarySheet(wb, m, layout, opts);
  writeEvidenceSheet(wb, m);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
};

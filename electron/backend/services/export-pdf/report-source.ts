import { buildReportModel } from '../../../../shared/domain/report/builder';
import type { ReportEvidenceInput } from '../../../../shared/domain/report/builder';
import type { ReportModel } from '../../../../shared/domain/report/model';
import { AppFailure } from '../../../../shared/ipc/result';
import type { UnitProfile } from '../../../../shared/schemas/unit';
import type { BackendContext } from '../../context';
import { listAnswers } from '../../db/repos/answer-repo';
import { linksByDocument, listDocumentRows } from '../../db/repos/evidence-repo';
import { getNarrative } from '../../db/repos/narrative-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';
import { requireAssessment } from '../assessments/guards';

/** The superior body printed above a department's name; a commune-level UBND heads its own documents. */
const superiorOf = (u: Pick<UnitProfile, 'type'>): string => (u.type === 'SO' ? 'UBND THÀNH PHỐ HẢI PHÒNG' : '');

export type ReportSource = { model: ReportModel; unitCode: string; year: number };

/**
 * Gathers everything both exporters need for one assessment from the database (answers, evidence with its
 * links, narrative, unit profile) and the catalog (the set), and builds the report model. Used by the
 * export handlers, the CLI and the submission bundle.
 */
export const loadReportModel = (ctx: BackendContext, assessmentId: string): ReportSource => {
  const assessment = requireAssessment(ctx.db, assessmentId);
  const unit = getUnitProfile(ctx.db);
  if (!unit) throw new AppFailure('PREFLIGHT_FAILED', 'Hãy khai báo hồ sơ đơn vị trước khi xuất báo cáo.');
  const { document: set } = ctx.catalog.get(assessment.indicatorSetId);
  const links = linksByDocument(ctx.db, assessmentId);
  const evidence: ReportEvidenceInput[] = listDocumentRows(ctx.db, assessmentId).map((d) => ({
    id: d.id,
    docType: d.meta.docType,
    number: d.meta.docNumber,
    issuedDate: d.meta.issuedOn || null,
    summary: d.meta.summary,
    issuer: d.meta.issuer,
    originalName: d.originalName,
    sizeBytes: d.size,
    sha256: d.sha256,
    nodeIds: links.get(d.id) ?? [],
  }));
  const model = buildReportModel({
    set,
    answers: listAnswers(ctx.db, assessmentId),
    evidence,
    unit: {
      name: unit.name,
      code: unit.code,
      superior: superiorOf(unit),
      headName: unit.head.name,
      headTitle: unit.head.title,
    },
    year: assessment.year,
    revision: assessment.revision,
    generatedAt: ctx.now().toISOString(),
    narrative: getNarrative(ctx.db, assessmentId).narrative,
  });
  return { model, unitCode: unit.code, year: assessment.year };
};

export const exportFileName = (unitCode: string, year: number, format: 'xlsx' | 'pdf'): string =>
  format === 'xlsx' ? `${unitCode}_${year}_bang-tu-danh-gia.xlsx` : `${unitCode}_${year}_bao-cao-tu-danh-gia.pdf`;

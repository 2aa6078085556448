import { documentDefaults, resolveDocumentFields } from '../../../../shared/domain/admin-document/defaults';
import { buildReportModel } from '../../../../shared/domain/report/builder';
import type { ReportEvidenceInput } from '../../../../shared/domain/report/builder';
import type { ReportModel } from '../../../../shared/domain/report/model';
import { AppFailure } from '../../../../shared/ipc/result';
import type { StoredReportDocument } from '../../../../shared/schemas/document-fields';
import type { BackendContext } from '../../context';
import { listAnswers } from '../../db/repos/answer-repo';
import { linksByDocument, listDocumentRows } from '../../db/repos/evidence-repo';
import { getNarrative } from '../../db/repos/narrative-repo';
import { getReportDocument } from '../../db/repos/report-document-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';
import { requireAssessment } from '../assessments/guards';

export type ReportSource = { model: ReportModel; unitCode: string; year: number };

/**
 * Gathers everything both exporters need for one assessment from the database (answers, evidence with its
 * links, narrative, unit profile, the report's number/date/signer with the unit's defaults) and the catalog
 * (the set), and builds the report model. Used by the
 * export handlers, the CLI and the submission bundle.
 */
export const loadReportModel = (ctx: BackendContext, assessmentId: string): ReportSource => {
  const assessment = requireAssessment(ctx.db, assessmentId);
  const unit = getUnitProfile(ctx.db);
  if (!unit) throw AppFailure.of('UNIT_PROFILE_BEFORE_REPORT');
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
    unit: { name: unit.name, code: unit.code },
    document: resolveDocumentFields(documentDefaults(unit), getReportDocument(ctx.db, assessmentId).document),
    year: assessment.year,
    revision: assessment.revision,
    generatedAt: ctx.now().toISOString(),
    narrative: getNarrative(ctx.db, assessmentId).narrative,
  });
  return { model, unitCode: unit.code, year: assessment.year };
};

/** The report's document fields as stored, with the unit's defaults they fall back to (the report page). */
export const loadReportDocument = (ctx: BackendContext, assessmentId: string): StoredReportDocument => {
  const unit = getUnitProfile(ctx.db);
  if (!unit) throw AppFailure.of('UNIT_PROFILE_BEFORE_WRITING');
  return { ...getReportDocument(ctx.db, assessmentId), defaults: documentDefaults(unit) };
};

export const exportFileName = (unitCode: string, year: number, format: 'xlsx' | 'pdf', draft = false): string =>
  format === 'xlsx'
    ? `${unitCode}_${year}_bang-tu-danh-gia.xlsx`
    : `${unitCode}_${year}_bao-cao-tu-danh-gia${draft ? '_du-thao' : ''}.pdf`;

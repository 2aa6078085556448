import { normalizeModel } from '../../../../../shared/domain/report/format';
import type { ReportModel } from '../../../../../shared/domain/report/model';
import { adminDocumentDefinition, renderAdminDocument } from '../../admin-document/document';
import type { AdminDocumentPdf, AdminDocumentSpec } from '../../admin-document/document';
import { measureWith, resolveFontDir } from '../../admin-document/fonts';
import { assertReportFinal } from '../report-final';
import type { Content } from './sections';
import { detailSection, evidenceSection, paragraphs, summarySection } from './sections';

export type PdfOptions = {
  resourcesDir?: string;
  /** A draft may leave the number, date, signer and narrative empty; it is watermarked "DỰ THẢO". */
  draft?: boolean;
};

export const reportTitle = (year: number): string =>
  `Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year}`;

/** The report goes to the city's Department of Home Affairs, which appraises and ranks the units. */
export const REPORT_ADDRESSEE = 'Sở Nội vụ thành phố Hải Phòng';

const heading = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, style: 'h1', headlineLevel: 1, ...extra });
const subheading = (text: string): Content => ({ text, style: 'h2', headlineLevel: 1 });

/** Sections I–VI of the report: the administrative-document layout around them is admin-document's. */
const reportBody = (m: ReportModel): Content[] => {
  const n = m.narrative;
  const basis =
    n.basis.trim() ||
    `Căn cứ ${m.setName} (phiên bản ${m.setVersion}), ${m.unit.name} báo cáo kết quả tự đánh giá, chấm điểm như sau:`;
  return [
    heading('I. CĂN CỨ'),
    ...paragraphs(basis),
    heading('II. KẾT QUẢ TỰ ĐÁNH GIÁ TỔNG HỢP'),
    ...summarySection(m),
    heading('III. KẾT QUẢ TỰ ĐÁNH GIÁ CHI TIẾT', { pageBreak: 'before', pageOrientation: 'landscape' }),
    ...detailSection(m),
    heading('IV. DANH MỤC TÀI LIỆU KIỂM CHỨNG', { pageBreak: 'before' }),
    evidenceSection(m),
    heading('V. ƯU ĐIỂM, HẠN CHẾ, NGUYÊN NHÂN', { pageBreak: 'before', pageOrientation: 'portrait' }),
    subheading('1. Ưu điểm'),
    ...paragraphs(n.strengths),
    subheading('2. Hạn chế'),
    ...paragraphs(n.weaknesses),
    subheading('3. Nguyên nhân'),
    ...paragraphs(n.causes),
    heading('VI. KIẾN NGHỊ, ĐỀ XUẤT'),
    ...paragraphs(n.recommendations),
  ];
};

/** The report as an administrative document: a "BÁO CÁO" with its trích yếu, to Sở Nội vụ. */
export const reportSpec = (model: ReportModel, draft: boolean): AdminDocumentSpec => {
  const m = normalizeModel(model);
  return {
    fields: m.document,
    docType: 'Báo cáo',
    summary: `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${m.year}`,
    addressees: [REPORT_ADDRESSEE],
    body: reportBody(m),
    draft,
    info: { title: reportTitle(m.year), author: m.unit.name, subject: `${m.setName} — lần ${m.revision}`, createdAt: m.generatedAt },
  };
};

/** The pdfmake definition; tests inspect its structure. */
export const reportDocument = (model: ReportModel, options: PdfOptions = {}): Record<string, unknown> =>
  adminDocumentDefinition(reportSpec(model, options.draft ?? false), measureWith(resolveFontDir(options.resourcesDir)));


/** The report PDF and where its signature goes (for a visible digital signature). */
export const buildReportPdf = async (model: ReportModel, options: PdfOptions = {}): Promise<AdminDocumentPdf> => {
  const draft = options.draft ?? false;
  if (!draft) assertReportFinal(model);
  return renderAdminDocument(reportSpec(model, draft), options.resourcesDir ? { resourcesDir: options.resourcesDir } : {});
};

/** The report as a PDF buffer. Pure apart from reading the font files, so the bundle builder can embed it. */
export const buildPdf = async (model: ReportModel, options: PdfOptions = {}): Promise<Buffer> =>
  (await buildReportPdf(model, options)).data;

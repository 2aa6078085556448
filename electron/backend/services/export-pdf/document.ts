import pdfmake from 'pdfmake';

import { normalizeModel } from '../../../../shared/domain/report/format';
import type { ReportModel } from '../../../../shared/domain/report/model';
import { FONT_FAMILY, fontFiles, isInside, resolveFontDir } from './fonts';
import type { Content } from './sections';
import { detailSection, evidenceSection, paragraphs, summarySection } from './sections';

export type PdfOptions = { resourcesDir?: string };

export const reportTitle = (year: number): string =>
  `Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year}`;

const heading = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, style: 'h1', ...extra });

/** Header of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP layout): body left, motto right. */
const headerBlock = (m: ReportModel): Content => ({
  columns: [
    {
      width: '42%',
      stack: [
        ...(m.unit.superior ? [{ text: m.unit.superior.toUpperCase(), alignment: 'center', fontSize: 11 }] : []),
        { text: m.unit.name.toUpperCase(), alignment: 'center', bold: true, fontSize: 11 },
        { canvas: [{ type: 'line', x1: 60, y1: 2, x2: 140, y2: 2, lineWidth: 0.5 }], margin: [0, 0, 0, 4] },
        { text: 'Số: …/BC-…', alignment: 'center', fontSize: 12 },
      ],
    },
    {
      width: '58%',
      stack: [
        { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true, fontSize: 11 },
        { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true, fontSize: 12 },
        { canvas: [{ type: 'line', x1: 70, y1: 2, x2: 220, y2: 2, lineWidth: 0.5 }], margin: [0, 0, 0, 4] },
        { text: 'Hải Phòng, ngày … tháng … năm …', alignment: 'center', italics: true, fontSize: 12 },
      ],
    },
  ],
  margin: [0, 0, 0, 18],
});

const signatureBlock = (m: ReportModel): Content => ({
  columns: [
    {
      width: '45%',
      stack: [
        { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 10 },
        { text: '- Sở Nội vụ thành phố Hải Phòng;', fontSize: 9 },
        { text: '- Lưu: VT.', fontSize: 9 },
      ],
    },
    {
      width: '55%',
      stack: [
        { text: 'THỦ TRƯỞNG ĐƠN VỊ', alignment: 'center', bold: true },
        ...(m.unit.headTitle ? [{ text: m.unit.headTitle.toUpperCase(), alignment: 'center', bold: true }] : []),
        { text: '(Ký, ghi rõ họ tên và đóng dấu)', alignment: 'center', italics: true, fontSize: 10 },
        { text: m.unit.headName, alignment: 'center', bold: true, margin: [0, 60, 0, 0] },
      ],
    },
  ],
  margin: [0, 24, 0, 0],
  unbreakable: true,
});

/** The pdfmake document definition; separate from buildPdf so tests can inspect the structure. */
export const reportDocument = (model: ReportModel): Record<string, unknown> => {
  const m = normalizeModel(model);
  const n = m.narrative;
  const basis =
    n.basis.trim() ||
    `Căn cứ ${m.setName} (phiên bản ${m.setVersion}), ${m.unit.name} báo cáo kết quả tự đánh giá, chấm điểm như sau:`;
  const content: Content[] = [
    headerBlock(m),
    { text: 'BÁO CÁO', style: 'title' },
    {
      text: `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${m.year}`,
      style: 'subtitle',
    },
    // The unit's name on one unbroken line (the header block wraps it in a narrow column).
    { text: `Đơn vị: ${m.unit.name}`, alignment: 'center', margin: [0, 6, 0, 0] },
    { text: 'Kính gửi: Sở Nội vụ thành phố Hải Phòng.', alignment: 'center', margin: [0, 4, 0, 12] },
    heading('I. CĂN CỨ'),
    ...paragraphs(basis),
    heading('II. KẾT QUẢ TỰ ĐÁNH GIÁ TỔNG HỢP'),
    ...summarySection(m),
    heading('III. KẾT QUẢ TỰ ĐÁNH GIÁ CHI TIẾT', { pageBreak: 'before', pageOrientation: 'landscape' }),
    ...detailSection(m),
    heading('IV. DANH MỤC TÀI LIỆU KIỂM CHỨNG', { pageBreak: 'before' }),
    evidenceSection(m),
    heading('V. ƯU ĐIỂM, HẠN CHẾ, NGUYÊN NHÂN', { pageBreak: 'before', pageOrientation: 'portrait' }),
    { text: '1. Ưu điểm', style: 'h2' },
    ...paragraphs(n.strengths),
    { text: '2. Hạn chế', style: 'h2' },
    ...paragraphs(n.weaknesses),
    { text: '3. Nguyên nhân', style: 'h2' },
    ...paragraphs(n.causes),
    heading('VI. KIẾN NGHỊ, ĐỀ XUẤT'),
    ...paragraphs(n.recommendations),
    signatureBlock(m),
  ];
  const stamp = new Date(m.generatedAt);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    // 30 mm left, 20 mm elsewhere: the margins of Vietnamese administrative documents.
    pageMargins: [85, 57, 57, 57],
    info: {
      title: reportTitle(m.year),
      author: m.unit.name,
      subject: `${m.setName} — lần ${m.revision}`,
      creator: 'CCHC Tự đánh giá',
      producer: 'CCHC Tự đánh giá',
      creationDate: stamp,
      modDate: stamp,
    },
    footer: (currentPage: number, pageCount: number) => ({
      text: `Trang ${currentPage}/${pageCount}`,
      alignment: 'center',
      fontSize: 9,
      margin: [0, 20, 0, 0],
    }),
    content,
    defaultStyle: { font: FONT_FAMILY, fontSize: 12, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 14, bold: true, alignment: 'center' },
      subtitle: { fontSize: 13, bold: true, alignment: 'center' },
      h1: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 6] },
      h2: { fontSize: 12, bold: true, italics: true, margin: [0, 6, 0, 4] },
      para: { alignment: 'justify', margin: [0, 0, 0, 6], leadingIndent: 28 },
      caption: { fontSize: 10, italics: true, alignment: 'center', margin: [0, 10, 0, 2] },
      table: { fontSize: 10.5, margin: [0, 4, 0, 4] },
      small: { fontSize: 8, lineHeight: 1.05 },
      th: { bold: true, alignment: 'center', fillColor: '#D9E1F2' },
    },
  };
};

let configuredFontDir: string | null = null;

/** pdfmake is a process-wide singleton: configure fonts and access policies once per font folder. */
const configure = (fontDir: string): void => {
  if (configuredFontDir === fontDir) return;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(isInside(fontDir));
  pdfmake.setFonts(fontFiles(fontDir));
  configuredFontDir = fontDir;
};

/** The report as a PDF buffer. Pure apart from reading the font files, so the bundle builder can embed it. */
export const buildPdf = async (model: ReportModel, options: PdfOptions = {}): Promise<Buffer> => {
  configure(resolveFontDir(options.resourcesDir));
  return pdfmake.createPdf(reportDocument(model)).getBuffer();
};

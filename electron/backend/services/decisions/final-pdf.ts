import { blockName } from '../../../../shared/domain/blocks';
import { missingFields } from '../../../../shared/domain/admin-document/fields';
import type { DocumentFields } from '../../../../shared/domain/admin-document/fields';
import { formatIndex, formatPoints } from '../../../../shared/format/index';
import { renderAdminDocument } from '../admin-document/document';
import { ISSUER_FALLBACK } from './final-fields';
import type { FinalTable } from './final-table';

type Content = Record<string, unknown> | string;

export const finalResultsTitle = (year: number): string => `Kết quả Chỉ số CCHC năm ${year}`;

const blockTable = (t: FinalTable, block: keyof FinalTable['blocks'], first = false): Content[] => {
  const rows = t.blocks[block];
  const th = (text: string): Content => ({ text, style: 'th' });
  const right = (text: string): Content => ({ text, alignment: 'right' });
  return [
    // The tables take a landscape page (Phụ lục I allows it for tables; docs/report-format.md).
    { text: `Khối ${blockName(block)}`, style: 'h2', headlineLevel: 1, ...(first ? { pageBreak: 'before', pageOrientation: 'landscape' } : {}) },
    rows.length === 0
      ? { text: 'Không có đơn vị.', style: 'para' }
      : {
          style: 'tableWide',
          table: {
            headerRows: 1,
            widths: [34, 70, '*', 64, 64, 64, 56, 70],
            body: [
              ['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Tự đánh giá', 'Thẩm định', 'Cuối cùng', 'Chỉ số (%)', 'Xếp loại'].map(th),
              ...rows.map((r) => [
                { text: r.rank === null ? '—' : String(r.rank), alignment: 'center' },
                r.unitCode,
                r.unitName,
                right(formatPoints(r.self)),
                right(formatPoints(r.appraised)),
                right(formatPoints(r.final)),
                right(r.index === null ? '—' : formatIndex(r.index)),
                r.classification,
              ]),
            ],
          },
        },
  ];
};

/**
 * The final results as Sở Nội vụ's administrative document (docs/report-format.md: the admin-document layout
 * module): a "Thông báo" with trích yếu "Kết quả Chỉ số CCHC năm …", one table per block in rank order on landscape pages. It
 * carries the number and symbol the export was given (final-fields.ts); while a required field is missing (no
 * number yet, no head in Sở's profile) it is printed as a draft, marked "DỰ THẢO".
 */
export const buildFinalPdf = async (t: FinalTable, fields: DocumentFields, generatedAt: Date, resourcesDir?: string): Promise<Buffer> => {
  const body: Content[] = [
    {
      text: `Căn cứ kết quả thẩm định và giải trình của các cơ quan, đơn vị, Sở Nội vụ thông báo kết quả Chỉ số cải cách hành chính năm ${t.year} theo từng khối như sau:`,
      style: 'para',
    },
    ...blockTable(t, 'SO', true),
    ...blockTable(t, 'PHUONG'),
    ...blockTable(t, 'XA_DAC_KHU'),
  ];
  const pdf = await renderAdminDocument(
    {
      fields,
      docType: 'Thông báo',
      summary: finalResultsTitle(t.year),
      body: body as never,
      draft: missingFields(fields).length > 0,
      info: { title: finalResultsTitle(t.year), author: fields.issuingBody || ISSUER_FALLBACK, subject: `Kết thúc đợt đánh giá ${t.closedAt}`, createdAt: generatedAt.toISOString() },
    },
    resourcesDir ? { resourcesDir } : {},
  );
  return pdf.data;
};

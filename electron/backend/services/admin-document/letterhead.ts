import type { DocumentFields } from '../../../../shared/domain/admin-document/fields';
import { formatDocumentNumber, formatPlaceDate, issuingBodyLines, PLACEHOLDER } from '../../../../shared/domain/admin-document/format';
import type { Measure } from './fonts';
import type { Content } from './keep-whole';
import { HEADER_LEFT_WIDTH, SIZE } from './page';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** A horizontal rule of `length` points, centred in its column (pdfmake centres a canvas by its width). */
const rule = (length: number, marginTop = 3): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: Math.round(length * 10) / 10, y2: 0, lineWidth: 0.6 }],
  alignment: 'center',
  margin: [0, marginTop, 0, 0],
});

/** 1/3 to 1/2 of a line's length, as the decree asks under the issuing body and the trích yếu: we take 2/5. */
export const shortRule = (lineWidth: number): number => (lineWidth * 2) / 5;

/**
 * Ô số 1–4 of the decree's layout, as two rows so that "Số" and the date sit on the same line:
 * governing body + issuing body + rule | Quốc hiệu + Tiêu ngữ + rule, then Số, ký hiệu | địa danh, ngày.
 */
export const letterhead = (f: DocumentFields, textWidth: number, measure: Measure): Content => {
  const right = textWidth - HEADER_LEFT_WIDTH;
  // only a draft can come here without an issuing body (a final document requires one)
  const named = issuingBodyLines(f.issuingBody);
  const issuing = named.length ? named : [PLACEHOLDER];
  const issuingWidth = Math.min(HEADER_LEFT_WIDTH, Math.max(...issuing.map((l) => measure.width(l, SIZE.agency, { bold: true }))));
  const governing = f.governingBody.trim().toLocaleUpperCase('vi');
  return {
    stack: [
      {
        columns: [
          {
            width: HEADER_LEFT_WIDTH,
            stack: [
              ...(governing ? [{ text: governing, fontSize: SIZE.agency, alignment: 'center' }] : []),
              { text: issuing.join('\n'), fontSize: SIZE.agency, bold: true, alignment: 'center' },
              rule(shortRule(issuingWidth)),
            ],
          },
          {
            width: right,
            stack: [
              { text: NATIONAL_NAME, fontSize: SIZE.nationalName, bold: true, alignment: 'center' },
              { text: MOTTO, fontSize: SIZE.motto, bold: true, alignment: 'center' },
              rule(measure.width(MOTTO, SIZE.motto, { bold: true })),
            ],
          },
        ],
        columnGap: 0,
      },
      {
        columns: [
          {
            width: HEADER_LEFT_WIDTH,
            text: ['Số: ', { text: formatDocumentNumber(f), noWrap: true }],
            fontSize: SIZE.number,
            alignment: 'center',
            // on the date's baseline although one point smaller
            margin: [0, measure.ascent(SIZE.placeDate) - measure.ascent(SIZE.number), 0, 0],
          },
          { width: right, text: formatPlaceDate(f.place, f.date), fontSize: SIZE.placeDate, italics: true, alignment: 'center' },
        ],
        columnGap: 0,
        margin: [0, 8, 0, 0],
      },
    ],
    lineHeight: 1,
    margin: [0, 0, 0, 18],
  };
};

/** Ô số 5a: the document type, its trích yếu (bold, beneath) and a short rule; then "Kính gửi" if any. */
export const titleBlock = (
  docType: string,
  summary: string,
  addressees: readonly string[],
  textWidth: number,
  measure: Measure,
): Content => {
  const summaryWidth = Math.min(textWidth, measure.width(summary, SIZE.summary, { bold: true }));
  const to = addressees.map((a) => a.trim().replace(/[.;,]+$/, '')).filter(Boolean);
  const addresseeLines: Content[] =
    to.length === 1
      ? [{ text: `Kính gửi: ${to[0]}.`, fontSize: SIZE.addressee, alignment: 'center', margin: [0, 10, 0, 0] }]
      : to.length > 1
        ? [
            { text: 'Kính gửi:', fontSize: SIZE.addressee, alignment: 'center', margin: [0, 10, 0, 0] },
            ...to.map((a, i) => ({ text: `- ${a}${i === to.length - 1 ? '.' : ';'}`, fontSize: SIZE.addressee, alignment: 'center' })),
          ]
        : [];
  return {
    stack: [
      { text: docType.toLocaleUpperCase('vi'), fontSize: SIZE.docType, bold: true, alignment: 'center' },
      { text: summary, fontSize: SIZE.summary, bold: true, alignment: 'center' },
      rule(shortRule(summaryWidth)),
      ...addresseeLines,
    ],
    margin: [0, 0, 0, 12],
  };
};

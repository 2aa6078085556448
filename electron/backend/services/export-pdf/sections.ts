import {
  citationText,
  flattenNodes,
  formatIsoDate,
  formatMilli,
  formatPercent,
  STATUS_LABELS,
} from '../../../../shared/domain/report/format';
import type { ReportModel } from '../../../../shared/domain/report/model';

/** pdfmake content nodes are plain objects; keeping them untyped here avoids re-declaring its whole schema. */
export type Content = Record<string, unknown> | string;

const cell = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, ...extra });
const th = (text: string): Content => ({ text, style: 'th' });

/** Paragraphs of user text; an empty field prints a dotted placeholder the unit can fill by hand. */
export const paragraphs = (text: string): Content[] => {
  const parts = text.split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return [{ text: '…………………………………………………………', style: 'para' }];
  return parts.map((p) => ({ text: p, style: 'para' }));
};

export const summarySection = (m: ReportModel): Content[] => {
  const body: Content[][] = [
    [th('STT'), th('Lĩnh vực'), th('Điểm tối đa'), th('Điểm tự đánh giá'), th('Chỉ số (%)')],
  ];
  m.summaries.forEach((s, i) =>
    body.push([
      cell(String(i + 1), { alignment: 'center' }),
      cell(s.title),
      cell(formatMilli(s.maxMilli, 2), { alignment: 'right' }),
      cell(formatMilli(s.scoreMilli, 2), { alignment: 'right' }),
      cell(formatPercent(s.scoreMilli, s.maxMilli), { alignment: 'right' }),
    ]),
  );
  body.push([
    cell('Tổng cộng', { colSpan: 2, bold: true }),
    '',
    cell(formatMilli(m.totals.maxMilli, 2), { alignment: 'right', bold: true }),
    cell(formatMilli(m.totals.scoreMilli, 2), { alignment: 'right', bold: true }),
    cell(formatPercent(m.totals.scoreMilli, m.totals.maxMilli), { alignment: 'right', bold: true }),
  ]);
  return [
    {
      text: `Tổng điểm tự đánh giá: ${formatMilli(m.totals.scoreMilli)}/${formatMilli(m.totals.maxMilli)} điểm, đạt ${formatPercent(m.totals.scoreMilli, m.totals.maxMilli)}.`,
      style: 'para',
    },
    { table: { headerRows: 1, widths: [28, '*', 58, 64, 58], body }, style: 'table' },
    // caption and bars move to the next page together
    { stack: [{ text: 'Biểu đồ chỉ số theo lĩnh vực (%)', style: 'caption' }, barChart(m)], unbreakable: true },
  ];
};

const BAR_WIDTH = 230;

/** One canvas bar per domain: grey track = 100 %, blue fill = the domain's index. Integers only until the px. */
export const barChart = (m: ReportModel): Content => ({
  table: {
    widths: [150, BAR_WIDTH + 4, 50],
    body: m.summaries.map((s) => {
      const ratio = s.maxMilli > 0 ? Math.max(0, Math.min(1, s.scoreMilli / s.maxMilli)) : 0;
      return [
        cell(`${s.code}. ${s.title}`, { fontSize: 8 }),
        {
          canvas: [
            { type: 'rect', x: 0, y: 2, w: BAR_WIDTH, h: 10, color: '#E7E6E6' },
            { type: 'rect', x: 0, y: 2, w: Math.round(BAR_WIDTH * ratio * 10) / 10, h: 10, color: '#2F5597' },
          ],
        },
        cell(formatPercent(s.scoreMilli, s.maxMilli), { fontSize: 8, alignment: 'right' }),
      ];
    }),
  },
  layout: 'noBorders',
  dontBreakRows: true,
  unbreakable: true,
  margin: [0, 4, 0, 8],
});

export const detailSection = (m: ReportModel): Content => {
  const body: Content[][] = [
    [
      th('Mã'),
      th('Lĩnh vực / Tiêu chí / Tiêu chí thành phần'),
      th('Điểm tối đa'),
      th('Số liệu kê khai'),
      th('Điểm tự đánh giá'),
      th('Giải trình'),
      th('Tài liệu kiểm chứng'),
      th('Ghi chú'),
    ],
  ];
  for (const n of flattenNodes(m.domains)) {
    const bold = n.level !== 'sub';
    const fill = n.level === 'domain' ? '#FCE4D6' : n.status === 'na' ? '#EDEDED' : undefined;
    const score = n.children.length > 0 || n.scoreMilli !== null ? formatMilli(scoreOf(n), 2) : '';
    const row = [
      cell(n.code),
      cell(n.title),
      cell(formatMilli(n.maxMilli, 2), { alignment: 'right' }),
      cell(n.declaredInputsText),
      cell(score, { alignment: 'right' }),
      cell(n.explanation),
      cell(n.citations.map(citationText).join('\n')),
      cell([STATUS_LABELS[n.status], n.note].filter(Boolean).join(' — '), { italics: n.status === 'na' }),
    ].map((c) => ({ ...(c as Record<string, unknown>), bold, ...(fill ? { fillColor: fill } : {}) }));
    body.push(row);
  }
  return {
    table: { headerRows: 1, dontBreakRows: false, widths: [30, 140, 36, 62, 40, 110, 150, '*'], body },
    style: 'small',
  };
};

const scoreOf = (n: ReportModel['domains'][number]): number =>
  n.children.length === 0 ? (n.scoreMilli ?? 0) : (n.scoreMilli ?? n.children.reduce((s, c) => s + scoreOf(c), 0));

export const evidenceSection = (m: ReportModel): Content => {
  if (m.evidence.length === 0) return { text: 'Chưa có tài liệu kiểm chứng.', style: 'para' };
  const body: Content[][] = [
    [th('STT'), th('Loại văn bản'), th('Số/ký hiệu'), th('Ngày ban hành'), th('Trích yếu'), th('Cơ quan ban hành'), th('Tiêu chí'), th('SHA-256')],
  ];
  m.evidence.forEach((e, i) =>
    body.push([
      cell(String(i + 1), { alignment: 'center' }),
      cell(e.docType),
      cell(e.number),
      cell(formatIsoDate(e.issuedDate)),
      cell(e.summary),
      cell(e.issuer),
      cell(e.nodeCodes.join(', ')),
      // split so the 64 hex digits wrap in two lines instead of overflowing
      cell(`${e.sha256.slice(0, 32)}\n${e.sha256.slice(32)}`, { fontSize: 5.5 }),
    ]),
  );
  return { table: { headerRows: 1, widths: [24, 52, 62, 46, '*', 100, 50, 110], body }, style: 'small' };
};

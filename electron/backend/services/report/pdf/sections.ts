import { evidenceCellText, flattenNodes, nodeScoreMilli, STATUS_LABELS } from '../../../../../shared/domain/report/format';
import { formatDate, formatDeduction, formatPercentOf, formatPoints } from '../../../../../shared/format/index';
import type { ReportModel } from '../../../../../shared/domain/report/model';
import { keepWhole } from '../../admin-document/keep-whole';
import type { Content } from '../../admin-document/keep-whole';
import { SIZE } from '../../admin-document/page';

export type { Content } from '../../admin-document/keep-whole';

/** A table cell; document numbers and dates in it never break across lines. */
const cell = (text: string, extra: Record<string, unknown> = {}): Content => ({ text: keepWhole(text), ...extra });
const th = (text: string): Content => ({ text, style: 'th' });

/** Grey shading only: the decree's documents are black on white and often printed in black and white. */
const FILL_DOMAIN = '#EDEDED';
const FILL_NA = '#F5F5F5';

/**
 * Paragraphs of user text. An empty field prints a dotted line the unit can fill by hand, which only a draft
 * may show (a final report with an empty section is refused before it gets here).
 */
export const paragraphs = (text: string): Content[] => {
  const parts = text.split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return [{ text: '…………………………………………………………', style: 'para' }];
  return parts.map((p) => ({ text: keepWhole(p), style: 'para' }));
};

export const summarySection = (m: ReportModel): Content[] => {
  const body: Content[][] = [
    [th('STT'), th('Lĩnh vực'), th('Điểm tối đa'), th('Điểm tự đánh giá'), th('Chỉ số (%)')],
  ];
  m.summaries.forEach((s, i) =>
    body.push([
      cell(String(i + 1), { alignment: 'center' }),
      cell(s.title),
      cell(formatPoints(s.maxMilli, 'vi', 2), { alignment: 'right' }),
      cell(formatPoints(s.scoreMilli, 'vi', 2), { alignment: 'right' }),
      cell(formatPercentOf(s.scoreMilli, s.applicableMaxMilli), { alignment: 'right' }),
    ]),
  );
  const t = m.totals;
  body.push([
    cell('Tổng cộng', { colSpan: 2, bold: true }),
    '',
    cell(formatPoints(t.maxMilli, 'vi', 2), { alignment: 'right', bold: true }),
    cell(formatPoints(t.scoreMilli, 'vi', 2), { alignment: 'right', bold: true }),
    cell(formatPercentOf(t.scoreMilli, t.applicableMaxMilli), { alignment: 'right', bold: true }),
  ]);
  const breakdown = [
    `điểm tự đánh giá ${formatPoints(t.selfMilli)}`,
    t.surveyMilli ? `điểm điều tra xã hội học ${formatPoints(t.surveyMilli)}` : '',
    t.bonus.countedMilli ? `điểm thưởng ${formatPoints(t.bonus.countedMilli)}` : '',
    t.penalty.countedMilli ? `điểm trừ ${formatPoints(t.penalty.countedMilli)}` : '',
  ].filter(Boolean);
  return [
    {
      text: `Tổng điểm: ${formatPoints(t.scoreMilli)}/${formatPoints(t.maxMilli)} điểm, đạt ${formatPercentOf(t.scoreMilli, t.applicableMaxMilli)}${t.classification ? `, xếp loại ${t.classification}` : ''} (${breakdown.join('; ')}).`,
      style: 'para',
    },
    { table: { headerRows: 1, widths: [30, '*', 60, 66, 60], body }, style: 'table' },
    // caption and bars move to the next page together
    { stack: [{ text: 'Biểu đồ chỉ số theo lĩnh vực (%)', style: 'caption' }, barChart(m)], unbreakable: true },
  ];
};

const BAR_WIDTH = 230;

/** One canvas bar per domain: light track = 100 %, dark fill = the domain's index. Integers only until the px. */
export const barChart = (m: ReportModel): Content => ({
  table: {
    widths: [150, BAR_WIDTH + 4, 50],
    body: m.summaries.map((s) => {
      const ratio = s.applicableMaxMilli > 0 ? Math.max(0, Math.min(1, s.scoreMilli / s.applicableMaxMilli)) : 0;
      return [
        cell(`${s.code}. ${s.title}`, { fontSize: SIZE.tableWide - 1 }),
        {
          canvas: [
            { type: 'rect', x: 0, y: 2, w: BAR_WIDTH, h: 10, color: '#E7E6E6' },
            { type: 'rect', x: 0, y: 2, w: Math.round(BAR_WIDTH * ratio * 10) / 10, h: 10, color: '#595959' },
          ],
        },
        cell(formatPercentOf(s.scoreMilli, s.applicableMaxMilli), { fontSize: SIZE.tableWide - 1, alignment: 'right' }),
      ];
    }),
  },
  layout: 'noBorders',
  dontBreakRows: true,
  unbreakable: true,
  margin: [0, 4, 0, 8],
});

const DETAIL_HEADERS = [
  'Mã',
  'Lĩnh vực / Tiêu chí / Tiêu chí thành phần',
  'Điểm tối đa',
  'Số liệu kê khai',
  'Điểm tự đánh giá',
  'Giải trình',
  'Tài liệu kiểm chứng',
  'Ghi chú',
];

/**
 * One table per domain under a full-width heading: the heading keeps the domain title on one line (table
 * cells wrap it), and each table repeats its header row on every page.
 */
export const detailSection = (m: ReportModel): Content[] =>
  m.domains.flatMap((d) => {
    const body: Content[][] = [DETAIL_HEADERS.map(th)];
    for (const n of flattenNodes([d])) {
      const bold = n.level !== 'sub';
      const fill = n.level === 'domain' ? FILL_DOMAIN : n.status === 'na' ? FILL_NA : undefined;
      // a penalty shows what it takes away ("−0,50"), never as points earned
      const points = (v: number) => (n.kind === 'penalty' ? formatDeduction(v, 'vi', 2) : formatPoints(v, 'vi', 2));
      const score = n.children.length > 0 || n.scoreMilli !== null ? points(scoreOf(n)) : '';
      const row = [
        cell(n.code),
        cell(n.title),
        cell(formatPoints(n.maxMilli, 'vi', 2), { alignment: 'right' }),
        cell(n.declaredInputsText),
        cell(score, { alignment: 'right' }),
        cell(n.explanation),
        cell(evidenceCellText(n)),
        cell([STATUS_LABELS[n.status], n.note].filter(Boolean).join(' — '), { italics: n.status === 'na' }),
      ].map((c) => ({ ...(c as Record<string, unknown>), bold, ...(fill ? { fillColor: fill } : {}) }));
      body.push(row);
    }
    return [
      { text: `${d.code}. ${d.title}`, style: 'h2', headlineLevel: 1 },
      {
        table: { headerRows: 1, widths: [34, 150, 40, 66, 44, 120, 150, '*'], body },
        style: 'tableWide',
      },
    ];
  });

const scoreOf = (n: ReportModel['domains'][number]): number => n.scoreMilli ?? nodeScoreMilli(n);

export const evidenceSection = (m: ReportModel): Content => {
  if (m.evidence.length === 0) return { text: 'Chưa có tài liệu kiểm chứng.', style: 'para' };
  // landscape: 714 pt between the margins; number, date and fingerprint columns fit their longest value
  const body: Content[][] = [
    [th('STT'), th('Loại văn bản'), th('Số/ký hiệu'), th('Ngày ban hành'), th('Trích yếu / Tên tệp'), th('Cơ quan ban hành'), th('Tiêu chí'), th('SHA-256')],
  ];
  m.evidence.forEach((e, i) =>
    body.push([
      cell(String(i + 1), { alignment: 'center' }),
      cell(e.docType),
      cell(e.number),
      cell(formatDate(e.issuedDate)),
      // every document is listed by its file name too, so one attached without details is never a blank row
      { text: [keepWhole(e.summary), ...(e.summary ? ['\n'] : []), { text: `Tệp: ${e.originalName}`, italics: true }] },
      cell(e.issuer),
      cell(e.nodeCodes.join(', ')),
      // split so the 64 hex digits wrap in two lines instead of overflowing
      cell(`${e.sha256.slice(0, 32)}\n${e.sha256.slice(32)}`, { fontSize: SIZE.fingerprint }),
    ]),
  );
  return { table: { headerRows: 1, widths: [26, 56, 80, 58, '*', 100, 54, 124], body }, style: 'tableWide' };
};

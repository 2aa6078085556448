import { describe, expect, it } from 'vitest';

import { buildReportModel } from '../../../shared/domain/report/builder';
import { flattenNodes } from '../../../shared/domain/report/format';
import { formatDeduction, formatPoints } from '../../../shared/format/index';
import { scoreAssessment } from '../../../shared/domain/scoring/assessment';
import { buildPdf } from '../../../electron/backend/services/report/pdf/document';
import { buildWorkbook } from '../../../electron/backend/services/report/xlsx/workbook';
import { answerEveryLeaf, loadSampleSet, makeEvidenceFor } from './sample-answers';
import { parseCsv, pdfPages, pdfToText, shownToMilli, xlsxToCsv } from './tools';

const unit = { name: 'Ủy ban nhân dân phường Lê Chân', code: 'LC-HP' };
const document = {
  governingBody: '',
  issuingBody: unit.name,
  number: '7',
  symbol: 'BC-UBND',
  place: 'Lê Chân',
  date: '2025-12-01',
  recipients: ['Sở Nội vụ thành phố Hải Phòng', 'Lưu: VT'],
  signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Phạm Thị Hương' },
};

const build = (setId: 'hp-2025-so' | 'hp-2025-xa-phuong', evidence = 40) => {
  const set = loadSampleSet(setId);
  const answers = answerEveryLeaf(set);
  const score = scoreAssessment(set, answers);
  const model = buildReportModel({
    set,
    answers,
    score,
    evidence: makeEvidenceFor(set, evidence),
    unit,
    document,
    year: 2025,
    revision: 1,
    generatedAt: '2025-12-01T03:00:00.000Z',
    narrative: { basis: '', strengths: 'Ưu điểm.', weaknesses: 'Hạn chế.', causes: 'Nguyên nhân.', recommendations: 'Kiến nghị.' },
  });
  return { set, score, model };
};

describe.each(['hp-2025-so', 'hp-2025-xa-phuong'] as const)('full sample set %s', (setId) => {
  it('LibreOffice recomputes every row and the total to the engine figures', async () => {
    const { score, model } = build(setId);
    expect(score.penalty.raw + score.bonus.raw).toBeGreaterThan(0); // exercises the bonus/penalty rule
    const rows = parseCsv(xlsxToCsv(await buildWorkbook(model, { cachedResults: false })));
    const byCode = new Map(rows.map((r) => [r[0] ?? '', r]));
    for (const n of score.nodes) {
      const r = byCode.get(n.code);
      expect(r, n.code).toBeDefined();
      expect(r![1], n.code).toBe(n.title.normalize('NFC'));
      expect(shownToMilli(r![2]!), `max ${n.code}`).toBe(n.max);
      const shown = r![5]!;
      // a penalty's cell holds the amount taken away and shows it as a deduction: "−0.50"
      const penalty = n.kind === 'PENALTY' && n.score > 0;
      if (penalty) expect(shown.startsWith('−'), `deduction ${n.code}: ${shown}`).toBe(true);
      if (!n.isLeaf || shown !== '') expect(shownToMilli(penalty ? shown.slice(1) : shown), `score ${n.code}`).toBe(n.score);
    }
    // the sở sample answers trigger a penalty, so a deduction is shown
    expect(score.nodes.some((n) => n.kind === 'PENALTY' && n.isLeaf && n.score > 0)).toBe(setId === 'hp-2025-so');
    const total = byCode.get('TỔNG CỘNG')!;
    expect(shownToMilli(total[5]!)).toBe(score.final);
    expect(shownToMilli(total[2]!)).toBe(score.maxTotal);
  }, 120_000);

  it('PDF names every domain and the unit exactly and states the final score', async () => {
    const { score, model } = build(setId);
    const pdf = await buildPdf(model);
    const text = pdfToText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    for (const d of score.domains) expect(flat).toContain(`${d.code}. ${d.title}`);
    // the unit in the letterhead (upper case, split after "ỦY BAN NHÂN DÂN") and verbatim in the basis sentence
    expect(text).toContain('PHƯỜNG LÊ CHÂN');
    expect(flat).toContain(`${unit.name} báo cáo kết quả tự đánh giá`);
    expect(text).toContain(`Tổng điểm: ${formatPoints(score.final)}/${formatPoints(score.maxTotal)} điểm`);
    expect(pdfPages(await buildPdf(model))).toBe(pdfPages(pdf));
    // a penalty that applies reads as a deduction in the detail table
    const penalty = score.nodes.find((n) => n.kind === 'PENALTY' && n.isLeaf && n.score > 0);
    if (setId === 'hp-2025-so') expect(flat).toContain(formatDeduction(penalty!.score, 'vi', 2));
    // every node code appears in the detailed section
    for (const n of flattenNodes(model.domains)) expect(flat).toContain(n.code);
  }, 120_000);
});

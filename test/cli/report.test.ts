import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { formatPoints } from '../../shared/format/index';
import { scoreAssessment } from '../../shared/domain/scoring/assessment';
import { EMPTY_REPORT_DOCUMENT } from '../../shared/schemas/document-fields';
import { saveNarrative } from '../../electron/backend/db/repos/narrative-repo';
import { saveReportDocument } from '../../electron/backend/db/repos/report-document-repo';
import { main } from '../../electron/cli/main';
import { callOk, createTestBackend, makeTempDir } from '../helpers/backend';
import type { TestBackend } from '../helpers/backend';
import { answerEveryLeaf, loadSampleSet } from '../backend/exports/sample-answers';
import { pdfToText } from '../backend/exports/tools';

const run = async (argv: string[], cwd: string) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

describe('cchc report', () => {
  it('renders from a portable answers file with evidence fingerprints', async () => {
    const dir = makeTempDir('cchc-cli-report-');
    const set = loadSampleSet('hp-2025-so');
    const answers = answerEveryLeaf(set);
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', 'ke-hoach.pdf'), '%PDF-1.4 test');
    const first = answers[0]!;
    const file = {
      format: 'cchc-answers',
      formatVersion: 1,
      indicatorSetId: set.id,
      year: 2025,
      unit: { name: 'Sở Tư pháp thành phố Hải Phòng', code: 'STP', type: 'SO' },
      answers: answers.map((a) => ({
        nodeId: a.nodeId,
        inputs: a.inputs,
        notApplicable: a.notApplicable,
        explanation: a.explanation,
        evidence: a === first ? ['ke-hoach.pdf'] : [],
      })),
    };
    writeFileSync(join(dir, 'answers.json'), JSON.stringify(file));
    // an answers file has no number, date or signer: a final report is refused, a draft is printed
    const refused = await run(['report', '--set', 'hp-2025-so', '--answers', 'answers.json', '--format', 'pdf', '--out', 'bc.pdf'], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Báo cáo chưa có số văn bản, ký hiệu văn bản, ngày ban hành, chức vụ người ký, họ tên người ký, nội dung mục “Ưu điểm”');
    const r = await run(['report', '--set', 'hp-2025-so', '--answers', 'answers.json', '--format', 'pdf', '--out', 'bc.pdf', '--draft'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const final = scoreAssessment(set, answers).final;
    expect(r.out).toContain(`Tổng điểm: ${formatPoints(final)}/100`);
    const text = pdfToText(readFileSync(join(dir, 'bc.pdf')));
    expect(text.replace(/\s+/g, ' ')).toContain('Sở Tư pháp thành phố Hải Phòng báo cáo kết quả tự đánh giá');
    expect(text).toContain('UBND THÀNH PHỐ HẢI PHÒNG');
    expect(text).toContain('Số: …/…');
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('ke-hoach.pdf'.replace('.pdf', ''));

    const x = await run(['report', '--set', 'hp-2025-so', '--answers', 'answers.json', '--format', 'xlsx', '--out', 't.xlsx'], dir);
    expect(x.code).toBe(0);
    expect(readFileSync(join(dir, 't.xlsx')).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  it('renders from the app data folder by assessment id', async () => {
    b = createTestBackend();
    await callOk(b, 'unit.save', {
      name: 'Ủy ban nhân dân xã Cát Hải',
      code: 'CH',
      type: 'XA_DAC_KHU',
      focalPoint: { name: 'Trần An', title: '', phone: '', email: '' },
      head: { name: 'Vũ Thị Mai', title: 'Chủ tịch', phone: '', email: '' },
    });
    const a = await callOk<{ id: string }>(b, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-xa-phuong' });
    const out = join(b.dataDir, 'r.pdf');
    const args = ['report', '--data', b.dataDir, '--assessment', a.id, '--format', 'pdf', '--out', out];
    const refused = await run(args, b.dataDir);
    expect(refused.code).toBe(1);
    // a commune's defaults: its name as place, BC-UBND, the head as signer; only the number and date are missing
    expect(refused.err).toContain('Báo cáo chưa có số văn bản, ngày ban hành, nội dung mục “Ưu điểm”');
    const now = new Date().toISOString();
    saveReportDocument(b.ctx.db, a.id, { ...EMPTY_REPORT_DOCUMENT, number: '3', date: '2025-12-05' }, now);
    saveNarrative(b.ctx.db, a.id, { basis: '', strengths: 'Ưu.', weaknesses: 'Hạn.', causes: 'Nguyên.', recommendations: 'Kiến.' }, now);
    const r = await run(args, b.dataDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = pdfToText(readFileSync(out));
    expect(text).toContain('Vũ Thị Mai');
    expect(text).toContain('Số: 03/BC-UBND');
    expect(text).toContain('Cát Hải, ngày 05 tháng 12 năm 2025');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
  }, 60_000);

  it('rejects bad usage with exit code 2', async () => {
    const dir = makeTempDir('cchc-cli-report-');
    expect((await run(['report', '--format', 'doc', '--out', 'x'], dir)).code).toBe(2);
    expect((await run(['report', '--format', 'pdf', '--out', 'x'], dir)).code).toBe(2);
    expect((await run(['report', '--data', dir, '--assessment', 'a', '--format', 'pdf', '--out', 'x'], dir)).code).toBe(2);
  });
});

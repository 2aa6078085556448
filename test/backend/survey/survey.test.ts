import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';

import { callOk, createTestBackend, seedAssessment } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';

const unit = {
  name: 'Sở Tư pháp thành phố Hải Phòng',
  code: 'STP-HP',
  type: 'SO',
  focalPoint: { name: 'Trần Văn An', title: 'Chuyên viên', phone: '', email: '' },
  head: { name: 'Lê Thị Bình', title: 'Giám đốc', phone: '', email: '' },
};

type Totals = { final: number; survey: { score: number }; completeness: { pendingSurvey: number; scored: number } };
type SurveyNode = { nodeId: string; code: string; max: number; method: string; valueUnit: string; value: number | null; score: { score: number; status: string; explanation: string }; sourceNote: string; origin: string | null; fileName: string };
type ImportReport = {
  fileName: string;
  columns: { code: string; value: string; note: string | null };
  applied: Array<{ row: number; nodeId: string; code: string; value: number; previous: number | null }>;
  errors: Array<{ row: number; column: string; message: string }>;
  totals: Totals;
};

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const setup = async (): Promise<{ b: TestBackend; id: string }> => {
  b = createTestBackend();
  return { b, id: await seedAssessment(b, unit, 'hp-2025-so') };
};

const upload = (tb: TestBackend, name: string, data: Buffer | string): string => {
  const p = join(tb.dataDir, 'tmp', `up-${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(p, data);
  return tb.ctx.uploads.register(p, name, Buffer.byteLength(data)).id;
};

describe('survey results (XHH) in the app', () => {
  it('lists every survey node of the set with its max and method', async () => {
    const { b, id } = await setup();
    const list = await callOk<SurveyNode[]>(b, 'survey.list', { assessmentId: id });
    expect(list.map((n) => n.code)).toEqual(['1.7', '2.5', '3.11', '4.5', '5.6', '6.6', '7.9', '8.3', '8.4']);
    const sipas = list.find((n) => n.code === '8.3')!;
    expect(sipas).toMatchObject({ method: 'EXTERNAL', valueUnit: 'scale', max: 8000, value: null });
    expect(list[0]).toMatchObject({ method: 'SURVEY', valueUnit: 'percent', max: 3000, origin: null });
    expect(list[0]!.score.status).toBe('PENDING_SURVEY');
  });

  it('survey.save stores the value as the answer: scoring.compute includes it, beside the unit\'s own answers', async () => {
    const { b, id } = await setup();
    const out = await callOk<{ node: SurveyNode; totals: Totals }>(b, 'survey.save', {
      assessmentId: id,
      nodeId: 'so25-1.7',
      value: 85.5,
      sourceNote: 'Công văn 123/SNV-CCHC',
    });
    // 85,5 % × 3 = 2,565 exactly.
    expect(out.node.score.score).toBe(2565);
    expect(out.node).toMatchObject({ value: 85.5, sourceNote: 'Công văn 123/SNV-CCHC', origin: 'manual' });
    expect(out.totals.survey.score).toBe(2565);
    const sipas = await callOk<{ node: SurveyNode; totals: Totals }>(b, 'survey.save', { assessmentId: id, nodeId: 'so25-8.3', value: 92.25 });
    expect(sipas.node.score.score).toBe(7380); // 92,25 / 100 × 8
    expect(sipas.totals.survey.score).toBe(2565 + 7380);

    const compute = await callOk<{ final: number; byId: Record<string, { score: number; status: string }> }>(b, 'scoring.compute', { assessmentId: id });
    expect(compute.byId['so25-1.7']).toMatchObject({ score: 2565, status: 'SCORED' });
    await callOk(b, 'answers.save', {
      assessmentId: id,
      nodeId: 'so25-3.3',
      answer: { nodeId: 'so25-3.3', inputs: { numerator: 20, denominator: 1000 } },
    });
    const saved = await callOk<Totals>(b, 'scoring.compute', { assessmentId: id });
    expect(saved.final).toBe(2565 + 7380 + 2000);
    expect(saved.survey.score).toBe(2565 + 7380);
    // Undo undoes the unit's own edit, never the survey values.
    const undo = await callOk<{ nodeId: string; totals: Totals }>(b, 'answers.undo', { assessmentId: id });
    expect(undo.nodeId).toBe('so25-3.3');
    expect(undo.totals.final).toBe(2565 + 7380);
    const none = await callOk<{ undone: boolean }>(b, 'answers.undo', { assessmentId: id });
    expect(none.undone).toBe(false);

    // null clears the value.
    const cleared = await callOk<{ node: SurveyNode; totals: Totals }>(b, 'survey.save', { assessmentId: id, nodeId: 'so25-1.7', value: null });
    expect(cleared.node).toMatchObject({ value: null, origin: null });
    expect(cleared.node.score.status).toBe('PENDING_SURVEY');
    expect(cleared.totals.survey.score).toBe(7380);
  });

  it('refuses non-survey nodes, out-of-range values, more than 3 decimals and locked assessments', async () => {
    const { b, id } = await setup();
    const notSurvey = await b.call('survey.save', { assessmentId: id, nodeId: 'so25-3.3', value: 50 });
    expect(notSurvey.ok || notSurvey.error).toMatchObject({ code: 'VALIDATION', message: 'Tiêu chí 3.3 không phải tiêu chí điều tra xã hội học' });
    const over = await b.call('survey.save', { assessmentId: id, nodeId: 'so25-1.7', value: 100.5 });
    expect(over.ok || over.error).toMatchObject({ code: 'VALIDATION', message: 'Kết quả của tiêu chí 1.7 là tỷ lệ phần trăm, phải từ 0 đến 100' });
    const decimals = await b.call('survey.save', { assessmentId: id, nodeId: 'so25-1.7', value: 85.1234 });
    expect(decimals.ok).toBe(false);
    const unknown = await b.call('survey.save', { assessmentId: id, nodeId: 'so25-99', value: 1 });
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'NOT_FOUND' });
    b.ctx.db.prepare("UPDATE assessment SET status = 'locked' WHERE id = ?").run(id);
    const locked = await b.call('survey.save', { assessmentId: id, nodeId: 'so25-1.7', value: 50 });
    expect(locked.ok || locked.error).toMatchObject({ code: 'LOCKED' });
  });

  it('imports an Excel sheet (header below a title, percent cells, codes or ids) with row-numbered errors', async () => {
    const { b, id } = await setup();
    await callOk(b, 'survey.save', { assessmentId: id, nodeId: 'so25-2.5', value: 10 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('XHH 2025');
    ws.addRow(['KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC NĂM 2025']);
    ws.addRow([]);
    ws.addRow(['STT', 'Mã', 'Nội dung', 'Kết quả (%)', 'Ghi chú']); // row 3
    ws.addRow([1, '1.7', 'Chỉ đạo điều hành', 85.5, '']); // 4
    ws.addRow([2, '2.5', 'VBQPPL', '72,25', 'Phiếu khảo sát đợt 2']); // 5
    const pct = ws.addRow([3, 'so25-3.11', 'Hài lòng', 0.9]); // 6: percent-formatted 90 %
    pct.getCell(4).numFmt = '0.0%';
    ws.addRow([4, '3.3', 'Không phải XHH', 50]); // 7
    ws.addRow([5, '9.9', 'Không tồn tại', 50]); // 8
    ws.addRow([6, '4.5', 'Quá 100', 101]); // 9
    ws.addRow([7, '5.6', 'Chữ', 'khá']); // 10
    ws.addRow([8, '1.7', 'Trùng', 80]); // 11
    ws.addRow([9, '8.3', 'SIPAS', 91.5]); // 12
    ws.addRow([10, '6.6', 'Thiếu kết quả', null]); // 13
    ws.addRow([]); // blank: skipped
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const uploadId = upload(b, 'ket-qua-xhh.xlsx', data);
    const r = await callOk<ImportReport>(b, 'survey.import', { assessmentId: id, source: { kind: 'upload', uploadId } });
    expect(r.columns).toEqual({ code: 'B', value: 'D', note: 'E' });
    expect(r.applied).toEqual([
      { row: 4, nodeId: 'so25-1.7', code: '1.7', value: 85.5, previous: null },
      { row: 5, nodeId: 'so25-2.5', code: '2.5', value: 72.25, previous: 10 },
      { row: 6, nodeId: 'so25-3.11', code: '3.11', value: 90, previous: null },
      { row: 12, nodeId: 'so25-8.3', code: '8.3', value: 91.5, previous: null },
    ]);
    expect(r.errors).toEqual([
      { row: 7, column: 'B', message: 'Tiêu chí 3.3 không phải tiêu chí điều tra xã hội học (đơn vị tự chấm)' },
      { row: 8, column: 'B', message: 'Bộ chỉ số không có tiêu chí mã "9.9"' },
      { row: 9, column: 'D', message: 'Kết quả của tiêu chí 4.5 là tỷ lệ phần trăm, phải từ 0 đến 100' },
      { row: 10, column: 'D', message: 'Kết quả "khá" không phải số hợp lệ (tối đa 3 chữ số thập phân, ví dụ 85,5)' },
      { row: 11, column: 'B', message: 'Tiêu chí 1.7 đã có ở dòng 4' },
      { row: 13, column: 'D', message: 'Thiếu kết quả của tiêu chí 6.6' },
    ]);
    // 2,565 + 72,25 % × 2 = 1,445 + 90 % × 6 = 5,4 + 91,5 % × 8 = 7,32
    expect(r.totals.survey.score).toBe(2565 + 1445 + 5400 + 7320);
    const list = await callOk<SurveyNode[]>(b, 'survey.list', { assessmentId: id });
    expect(list.find((n) => n.code === '2.5')).toMatchObject({ sourceNote: 'Phiếu khảo sát đợt 2', origin: 'import', fileName: 'ket-qua-xhh.xlsx' });
    // No generated Vietnamese sentence is stored as the note: the provenance is origin + file, worded by the UI.
    expect(list.find((n) => n.code === '1.7')).toMatchObject({ sourceNote: '', origin: 'import', fileName: 'ket-qua-xhh.xlsx' });
    const stored = b.ctx.db.prepare("SELECT source_note FROM survey_result WHERE node_id = 'so25-1.7'").get() as { source_note: string };
    expect(stored.source_note).toBe('');
    const compute = await callOk<{ survey: { score: number } }>(b, 'scoring.compute', { assessmentId: id });
    expect(compute.survey.score).toBe(r.totals.survey.score);
  });

  it('a note stored by an older import as the sentence "Nhập từ tệp <file>" reads as no note (the UI words the provenance); a user\'s own note stays', async () => {
    const { b, id } = await setup();
    await callOk(b, 'survey.save', { assessmentId: id, nodeId: 'so25-1.7', value: 80 });
    await callOk(b, 'survey.save', { assessmentId: id, nodeId: 'so25-2.5', value: 70 });
    const legacy = b.ctx.db.prepare("UPDATE survey_result SET source_note = ?, origin = 'import', file_name = ? WHERE assessment_id = ? AND node_id = ?");
    legacy.run('Nhập từ tệp xhh-2024.xlsx', 'xhh-2024.xlsx', id, 'so25-1.7');
    legacy.run('Phiếu khảo sát đợt 2', 'xhh-2024.xlsx', id, 'so25-2.5');
    const list = await callOk<SurveyNode[]>(b, 'survey.list', { assessmentId: id });
    expect(list.find((n) => n.code === '1.7')).toMatchObject({ sourceNote: '', origin: 'import', fileName: 'xhh-2024.xlsx' });
    expect(list.find((n) => n.code === '2.5')).toMatchObject({ sourceNote: 'Phiếu khảo sát đợt 2', origin: 'import', fileName: 'xhh-2024.xlsx' });
  });

  it('imports a CSV with ";" and decimal commas, and the web upload copy is deleted afterwards', async () => {
    const { b, id } = await setup();
    const csv = '\uFEFFMã;Kết quả;Nguồn\r\n1.7;"80,5";Sở Nội vụ\r\n8.4;75 %;\r\n8.3;120;\r\n';
    const uploadId = upload(b, 'xhh.csv', csv);
    const path = b.ctx.uploads.get(uploadId).path;
    (b.host as { kind: string }).kind = 'web';
    const r = await callOk<ImportReport>(b, 'survey.import', {
      assessmentId: id,
      source: { kind: 'upload', uploadId },
      sourceNote: 'Công văn 45/SNV',
    });
    expect(r.applied.map((a) => [a.row, a.code, a.value])).toEqual([
      [2, '1.7', 80.5],
      [3, '8.4', 75],
    ]);
    expect(r.errors).toEqual([{ row: 4, column: 'B', message: 'Kết quả của tiêu chí 8.3 phải từ 0 đến 100' }]);
    const list = await callOk<SurveyNode[]>(b, 'survey.list', { assessmentId: id });
    expect(list.find((n) => n.code === '1.7')!.sourceNote).toBe('Sở Nội vụ');
    expect(list.find((n) => n.code === '8.4')!.sourceNote).toBe('Công văn 45/SNV');
    expect(existsSync(path)).toBe(false);
    expect((await b.call('survey.import', { assessmentId: id, source: { kind: 'upload', uploadId } })).ok).toBe(false);
  });

  it('reports an unreadable sheet, a sheet without headers, and dialog cancel', async () => {
    const { b, id } = await setup();
    const noHeader = upload(b, 'x.csv', 'a;b\n1;2\n');
    const r1 = await b.call('survey.import', { assessmentId: id, source: { kind: 'upload', uploadId: noHeader } });
    expect(r1.ok || r1.error).toMatchObject({ code: 'BAD_FILE', message: 'x.csv: Không tìm thấy dòng tiêu đề có hai cột "Mã" và "Kết quả" (trong 20 dòng đầu)' });
    const notXlsx = upload(b, 'y.xlsx', 'not a zip');
    const r2 = await b.call('survey.import', { assessmentId: id, source: { kind: 'upload', uploadId: notXlsx } });
    // A workbook is read by services/untrusted-xlsx, which names the reason (XLSX_MALFORMED) and says nothing changed.
    expect(r2.ok || r2.error).toMatchObject({
      code: 'BAD_FILE',
      reason: 'XLSX_MALFORMED',
      message: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ hoặc đã bị hỏng. Không có dữ liệu nào bị thay đổi.',
    });
    const r3 = await b.call('survey.import', { assessmentId: id, source: { kind: 'dialog' } });
    expect(r3.ok || r3.error).toMatchObject({ code: 'CANCELLED' });
    const p = join(b.dataDir, 'tmp', 'picked.csv');
    writeFileSync(p, 'Mã,Kết quả\n3.11,66.667\n');
    b.host.nextPicks.push([p]);
    const r4 = await callOk<ImportReport>(b, 'survey.import', { assessmentId: id, source: { kind: 'dialog' } });
    expect(r4.applied).toEqual([{ row: 2, nodeId: 'so25-3.11', code: '3.11', value: 66.667, previous: null }]);
    expect(r4.totals.survey.score).toBe(4000); // 66,667 % × 6 = 4,00002 → 4,000 (half up)
    expect(existsSync(p)).toBe(true); // a user's own file is never deleted
  });
});

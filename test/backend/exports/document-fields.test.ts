import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { EMPTY_REPORT_DOCUMENT } from '../../../shared/schemas/document-fields';
import type { StoredReportDocument } from '../../../shared/schemas/document-fields';
import type { Job } from '../../../shared/schemas/job';
import type { UnitProfile } from '../../../shared/schemas/unit';
import { callOk, createTestBackend } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { pdfToText } from './tools';

const head = { name: 'Đặng Thị Lựu', title: 'Chủ tịch', phone: '', email: '' };
const focalPoint = { name: 'Trần Văn An', title: 'Công chức', phone: '', email: '' };
const commune = { name: 'Ủy ban nhân dân phường Ngô Quyền', code: 'NQ-HP', type: 'PHUONG', focalPoint, head };
const department = { name: 'Sở Tư pháp thành phố Hải Phòng', code: 'STP', type: 'SO', focalPoint, head: { ...head, title: 'Giám đốc' } };

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const withAssessment = async (unit: Record<string, unknown>): Promise<{ b: TestBackend; id: string }> => {
  b = createTestBackend();
  await callOk(b, 'unit.save', unit);
  const a = await callOk<{ id: string }>(b, 'assessments.create', { year: 2025, indicatorSetId: unit.type === 'SO' ? 'hp-2025-so' : 'hp-2025-xa-phuong' });
  return { b, id: a.id };
};

const codeOf = async (b: TestBackend, channel: string, payload: unknown): Promise<string> => {
  const r = await b.call(channel, payload);
  return r.ok ? 'ok' : r.error.code;
};

describe('document fields: unit defaults and per-report values (real SQLite)', () => {
  it('derives defaults from the unit type until the unit saves its own letterhead', async () => {
    const { b, id } = await withAssessment(commune);
    const got = await callOk<StoredReportDocument>(b, 'report.getDocument', { assessmentId: id });
    expect(got).toEqual({
      document: EMPTY_REPORT_DOCUMENT,
      defaults: {
        governingBody: '',
        issuingBody: 'Ủy ban nhân dân phường Ngô Quyền',
        place: 'Ngô Quyền',
        symbol: 'BC-UBND',
        recipients: ['Sở Nội vụ thành phố Hải Phòng', 'Lưu: VT'],
        signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
        signerTitle: 'Chủ tịch',
        signerName: 'Đặng Thị Lựu',
      },
      updatedAt: null,
    });
    const so = await withAssessment(department);
    const d = await callOk<StoredReportDocument>(so.b, 'report.getDocument', { assessmentId: so.id });
    expect(d.defaults).toEqual({
      governingBody: 'UBND THÀNH PHỐ HẢI PHÒNG',
      issuingBody: 'Sở Tư pháp',
      place: 'Hải Phòng',
      symbol: '',
      recipients: ['Sở Nội vụ thành phố Hải Phòng', 'Lưu: VT'],
      signerAuthority: '',
      signerTitle: 'Giám đốc',
      signerName: 'Đặng Thị Lựu',
    });
    so.b.cleanup();
  });

  it('stores the unit letterhead (normalised), keeps it when a later save omits it, validates the ký hiệu', async () => {
    const { b } = await withAssessment(commune);
    const letterhead = {
      governingBody: '',
      issuingBody: 'Ủy ban nhân dân\r\nphường Ngô Quyền'.normalize('NFD'),
      place: 'Ngô Quyền',
      symbol: 'bc-ubnd',
      recipients: ['Sở Nội vụ thành phố Hải Phòng', 'Thường trực Đảng ủy phường', 'Lưu: VT, VP'],
      signerAuthority: 'kt. chủ tịch',
    };
    const saved = await callOk<UnitProfile>(b, 'unit.save', { ...commune, letterhead });
    expect(saved.letterhead).toEqual({
      ...letterhead,
      issuingBody: 'Ủy ban nhân dân\nphường Ngô Quyền',
      symbol: 'BC-UBND',
      signerAuthority: 'KT. CHỦ TỊCH',
    });
    const again = await callOk<UnitProfile>(b, 'unit.save', { ...commune, name: 'Ủy ban nhân dân phường Ngô Quyền mới' });
    expect(again.letterhead).toEqual(saved.letterhead);
    expect(await callOk(b, 'unit.get', {})).toEqual(again);
    for (const symbol of ['BC UBND', 'BC--UBND', '-BC', 'BC/UBND']) {
      expect(await codeOf(b, 'unit.save', { ...commune, letterhead: { ...letterhead, symbol } }), symbol).toBe('VALIDATION');
    }
    expect(await codeOf(b, 'unit.save', { ...commune, letterhead: { ...letterhead, extra: 1 } })).toBe('VALIDATION');
    expect(await codeOf(b, 'unit.save', { ...commune, letterhead: { ...letterhead, recipients: Array(31).fill('x') } })).toBe('VALIDATION');
  });

  it('saves the report number, date and overrides; null falls back to the unit default', async () => {
    const { b, id } = await withAssessment(commune);
    const document = {
      ...EMPTY_REPORT_DOCUMENT,
      number: ' 5 ',
      date: '2025-02-03',
      signerAuthority: 'KT. Chủ tịch',
      signerTitle: 'Phó Chủ tịch',
      signerName: 'Lê Văn Hùng'.normalize('NFD'),
      recipients: ['Sở Nội vụ thành phố Hải Phòng', 'Lưu: VT'],
    };
    const saved = await callOk<StoredReportDocument>(b, 'report.saveDocument', { assessmentId: id, document });
    expect(saved.document).toEqual({ ...document, number: '5', signerAuthority: 'KT. CHỦ TỊCH', signerName: 'Lê Văn Hùng' });
    expect(saved.updatedAt).not.toBeNull();
    expect(await callOk(b, 'report.getDocument', { assessmentId: id })).toEqual(saved);
    for (const bad of [{ number: '12a' }, { number: '12345678' }, { date: '03/02/2025' }, { symbol: 'BC UBND' }, { extra: true }]) {
      expect(await codeOf(b, 'report.saveDocument', { assessmentId: id, document: { ...document, ...bad } }), JSON.stringify(bad)).toBe('VALIDATION');
    }
    expect(await codeOf(b, 'report.saveDocument', { assessmentId: 'nope', document })).toBe('NOT_FOUND');
    b.ctx.db.prepare("UPDATE assessment SET status = 'locked' WHERE id = ?").run(id);
    expect(await codeOf(b, 'report.saveDocument', { assessmentId: id, document })).toBe('LOCKED');
  });

  it('refuses a final PDF before the save dialog, exports a draft with its own default name', async () => {
    const { b, id } = await withAssessment(commune);
    const asked: string[] = [];
    const orig = b.host.chooseSaveTarget;
    b.host.chooseSaveTarget = async (o) => {
      asked.push(o.defaultName);
      return orig(o);
    };
    const refused = await b.call('report.pdf', { assessmentId: id });
    const message =
      'Báo cáo chưa có số văn bản, ngày ban hành, nội dung mục “Ưu điểm”, nội dung mục “Hạn chế”, nội dung mục “Nguyên nhân”, ' +
      'nội dung mục “Kiến nghị, đề xuất”. Hãy bổ sung ở trang Báo cáo (mục “Thông tin văn bản” và “Nội dung báo cáo”), ' +
      'hoặc chọn “Bản dự thảo” để xuất bản dự thảo.';
    expect(refused.ok ? null : refused.error).toEqual({
      code: 'PREFLIGHT_FAILED',
      message,
      // the reason and its params let the English UI say it too (shared/ipc/errors/)
      reason: 'REPORT_INCOMPLETE',
      params: { detail: message, count: 6 },
      details: { missing: ['number', 'date', 'strengths', 'weaknesses', 'causes', 'recommendations'] },
    });
    expect(asked).toEqual([]);
    const out = join(b.dataDir, 'draft.pdf');
    b.host.nextSaveTargets.push(out);
    const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'report.pdf', { assessmentId: id, draft: true })).id);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    expect(asked).toEqual(['NQ-HP_2025_bao-cao-tu-danh-gia_du-thao.pdf']);
    const text = pdfToText(readFileSync(out));
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('Số: …/BC-UBND');
    expect(await codeOf(b, 'report.pdf', { assessmentId: id, draft: 'yes' })).toBe('VALIDATION');
  }, 60_000);
});

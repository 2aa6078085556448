import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RegistryView, TemplateImportReport } from '../../../shared/ipc/channels/registry';
import type { Job } from '../../../shared/schemas/job';
import type { IndicatorSet } from '../../../shared/schemas/indicator-set';
import { checkAnswers } from '../../../electron/backend/services/inbox/answer-check';
import { parseTemplate, templateSheets } from '../../../electron/backend/services/registry/template';
import type { Sheet } from '../../../electron/backend/services/registry/template';
import { readUntrustedXlsx } from '../../../electron/backend/services/untrusted-xlsx/index';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';

const SHA_A = 'a1'.repeat(32);
const SHA_B = 'B2:'.repeat(31) + 'B2';
const UNITS: Sheet = {
  name: 'Đơn vị',
  rows: [
    ['Danh sách đơn vị năm 2025', null, null],
    ['Mã đơn vị', 'Tên đơn vị', 'Khối'],
    ['P-HA', 'UBND phường Hải An', 'Phường'],
    ['STP-HP', 'Sở Tư pháp thành phố Hải Phòng', 'SO'],
    [null, null, null],
    ['DK-CH', 'UBND đặc khu Cát Hải', 'Xã, đặc khu'],
  ],
};
const SIGNERS: Sheet = {
  name: 'Người ký',
  rows: [
    ['Mã đơn vị', 'Vân tay SHA-256', 'Chủ thể', 'Tổ chức cấp', 'Số hiệu', 'Hiệu lực từ', 'Hiệu lực đến'],
    ['P-HA', SHA_A, 'CN=Nguyễn Văn An', 'CN=CA', '0a1b', '2025-01-01', '31/12/2026'],
    ['STP-HP', SHA_B, 'CN=Trần Thị Bình', 'CN=CA', '0a1c', '01/02/2025', '2027-01-31'],
  ],
};

describe('register template rows (pure)', () => {
  it('reads units and signers: header below a title, blank rows skipped, Vietnamese block names, fingerprints with colons, two date forms', () => {
    const t = parseTemplate([UNITS, SIGNERS]);
    expect(t.problems).toEqual([]);
    expect(t.units).toEqual([
      { code: 'P-HA', name: 'UBND phường Hải An', block: 'PHUONG' },
      { code: 'STP-HP', name: 'Sở Tư pháp thành phố Hải Phòng', block: 'SO' },
      { code: 'DK-CH', name: 'UBND đặc khu Cát Hải', block: 'XA_DAC_KHU' },
    ]);
    expect(t.signers.map((s) => [s.unitCode, s.sha256, s.notBefore, s.notAfter])).toEqual([
      ['P-HA', SHA_A, '2025-01-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z'],
      ['STP-HP', 'b2'.repeat(32), '2025-02-01T00:00:00.000Z', '2027-01-31T00:00:00.000Z'],
    ]);
  });

  it('names every bad cell by sheet, row and column', () => {
    const units: Sheet = {
      name: 'Đơn vị',
      rows: [
        ['Mã đơn vị', 'Tên đơn vị', 'Khối'],
        ['P HA', 'UBND phường Hải An', 'Phường'],
        ['P-HB', '', 'Phường'],
        ['P-HB', 'UBND phường Hồng Bàng', 'Quận'],
        ['P-NQ', 'UBND phường \u202eNgô Quyền', 'PHUONG'],
      ],
    };
    const signers: Sheet = {
      name: 'Người ký',
      rows: [
        ['Mã đơn vị', 'Vân tay SHA-256', 'Chủ thể', 'Tổ chức cấp', 'Số hiệu', 'Hiệu lực từ', 'Hiệu lực đến'],
        ['P-XX', 'abc', 'CN=A', 'CN=CA', '1', '2025-02-30', '2024-01-01'],
      ],
    };
    expect(parseTemplate([units, signers]).problems).toEqual([
      { sheet: 'Đơn vị', row: 2, column: 'A', problem: 'CODE_FORMAT' },
      { sheet: 'Đơn vị', row: 3, column: 'B', problem: 'NAME_MISSING' },
      { sheet: 'Đơn vị', row: 4, column: 'A', problem: 'DUPLICATE_UNIT' },
      { sheet: 'Đơn vị', row: 4, column: 'C', problem: 'BLOCK_UNKNOWN' },
      { sheet: 'Đơn vị', row: 5, column: 'B', problem: 'TEXT_INVALID' },
      { sheet: 'Người ký', row: 2, column: 'A', problem: 'SIGNER_UNIT_UNKNOWN' },
      { sheet: 'Người ký', row: 2, column: 'B', problem: 'FINGERPRINT_FORMAT' },
      { sheet: 'Người ký', row: 2, column: 'F', problem: 'DATE_INVALID' },
    ]);
    const ended: Sheet = { name: 'Người ký', rows: [SIGNERS.rows[0]!, ['P-HA', SHA_A, 'CN=A', 'CN=CA', '1', '2025-06-01', '2025-05-31']] };
    expect(parseTemplate([UNITS, ended]).problems).toEqual([{ sheet: 'Người ký', row: 2, column: 'G', problem: 'DATE_INVALID' }]);
    expect(parseTemplate([{ name: 'Sheet1', rows: [] }]).problems).toEqual([{ sheet: 'Đơn vị', row: 0, column: '', problem: 'SHEET_MISSING' }]);
    expect(parseTemplate([{ name: 'Đơn vị', rows: [['Mã', 'Tên']] }]).problems).toEqual([{ sheet: 'Đơn vị', row: 0, column: '', problem: 'HEADER_MISSING' }]);
    const many: Sheet = { name: 'Đơn vị', rows: [['Mã đơn vị', 'Tên đơn vị', 'Khối'], ...Array.from({ length: 2001 }, (_, i) => [`U${i}`, 'x', 'SO'])] };
    expect(parseTemplate([many]).problems).toEqual([{ sheet: 'Đơn vị', row: 0, column: '', problem: 'TOO_MANY_ROWS' }]);
  });

  it('a unit code is one unit whatever its case: a second row in another case is a duplicate, a signer may name it in any case', () => {
    const units: Sheet = { name: 'Đơn vị', rows: [['Mã đơn vị', 'Tên đơn vị', 'Khối'], ['P-HA', 'UBND phường Hải An', 'Phường'], ['p-ha', 'UBND phường Hải An (2)', 'Phường']] };
    expect(parseTemplate([units]).problems).toEqual([{ sheet: 'Đơn vị', row: 3, column: 'A', problem: 'DUPLICATE_UNIT' }]);
    const signers: Sheet = { name: 'Người ký', rows: [SIGNERS.rows[0]!, ['p-ha', SHA_A, 'CN=A', 'CN=CA', '1', '2025-01-01', '2026-12-31']] };
    const t = parseTemplate([UNITS, signers]);
    expect(t.problems).toEqual([]);
    expect(t.signers.map((x) => x.unitCode)).toEqual(['P-HA']);
  });

  it('export rows read back to the same register', () => {
    const t = parseTemplate([UNITS, SIGNERS]);
    const again = parseTemplate(templateSheets(t.units, t.signers));
    expect(again).toEqual(t);
  });
});

describe('the receiver re-validates answers with the set\'s rules (pure)', () => {
  it('a manual score off its step is refused with the criterion and the value (NOT_STEP)', () => {
    const set = JSON.parse(readFileSync(join(process.cwd(), 'resources', 'indicator-sets', 'hp-2025-xa-phuong.json'), 'utf8')) as IndicatorSet;
    const node = set.nodes[0]!.children!.find((c) => c.id === 'xa25-1.4')!;
    Object.assign(node, { method: { type: 'MANUAL', step: 0.25 } });
    const ok = checkAnswers(set, [{ indicatorId: 'xa25-1.4', value: { inputs: { manualPoints: 0.75 }, notApplicable: null }, note: 'Một phần kế hoạch chưa hoàn thành.', evidence: [] }]);
    expect(ok.map((a) => a.scorable.inputs)).toEqual([{ manualPoints: 0.75 }]);
    let err: { reason?: string; params?: Record<string, unknown> } = {};
    try {
      checkAnswers(set, [{ indicatorId: 'xa25-1.4', value: { inputs: { manualPoints: 0.3 }, notApplicable: null }, note: 'Một phần kế hoạch chưa hoàn thành.', evidence: [] }]);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.reason).toBe('BUNDLE_REFUSED_ANSWER');
    expect(err.params).toEqual({
      check: 'E_ANSWER_INVALID',
      code: '1.4',
      nodeId: 'xa25-1.4',
      value: '{"inputs":{"manualPoints":0.3},"notApplicable":null}',
      problem: '{"code":"NOT_STEP","params":{"points":300,"step":250}}',
    });
    // Survey answers are dropped, whatever they declare.
    expect(checkAnswers(set, [{ indicatorId: 'xa25-1.6', value: { inputs: { percent: 100 }, notApplicable: null }, evidence: [] }])).toEqual([]);
  });
});

describe('register channels (real SQLite)', () => {
  let b: TestBackend;
  let work: string;
  beforeAll(() => {
    b = createTestBackend();
    work = makeTempDir('cchc-registry-');
  });
  afterAll(() => b?.cleanup());

  const count = (table: string): number => (b.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const upload = (file: string) => ({ kind: 'upload' as const, uploadId: b.ctx.uploads.register(file, file.split('/').pop()!, statSync(file).size).id });
  const xlsx = async (sheets: Sheet[], name: string): Promise<string> => {
    const wb = new ExcelJS.Workbook();
    for (const s of sheets) wb.addWorksheet(s.name).addRows(s.rows);
    const file = join(work, name);
    await wb.xlsx.writeFile(file);
    return file;
  };

  it('the shipped Hải Phòng sample opens the year with sở, phường, xã and đặc khu', async () => {
    const v = await callOk<RegistryView>(b, 'registry.loadSample', { year: 2026 });
    expect(v.year).toBe(2026);
    expect(v.units.length).toBe(20);
    expect(v.units.find((u) => u.code === 'DK-BLV')).toMatchObject({ name: 'UBND đặc khu Bạch Long Vĩ', block: 'XA_DAC_KHU', signers: 0 });
    expect(new Set(v.units.map((u) => u.block))).toEqual(new Set(['SO', 'PHUONG', 'XA_DAC_KHU']));
  });

  it('imports the template into a year; a template with any problem stores nothing', async () => {
    const bad = await xlsx([UNITS, { ...SIGNERS, rows: [...SIGNERS.rows, ['P-HA', 'zz', 'CN=X', 'CN=CA', '1', '2025-01-01', '2026-01-01']] }], 'bad.xlsx');
    const before = { years: count('registry_year'), units: count('registry_unit'), signers: count('registry_signer'), audit: count('registry_audit') };
    const r0 = await callOk<TemplateImportReport>(b, 'registry.importTemplate', { year: 2025, source: upload(bad) });
    expect([r0.applied, r0.problems]).toEqual([false, [{ sheet: 'Người ký', row: 4, column: 'B', problem: 'FINGERPRINT_FORMAT' }]]);
    expect({ years: count('registry_year'), units: count('registry_unit'), signers: count('registry_signer'), audit: count('registry_audit') }).toEqual(before);

    const good = await xlsx([UNITS, SIGNERS], 'good.xlsx');
    const r = await callOk<TemplateImportReport>(b, 'registry.importTemplate', { year: 2025, source: upload(good) });
    expect([r.applied, r.units, r.signers, r.problems]).toEqual([true, 3, 2, []]);
    const v = await callOk<RegistryView>(b, 'registry.list', { year: 2025 });
    expect(v.years).toEqual([2026, 2025]);
    expect(v.units.map((u) => [u.code, u.block, u.activeSigners])).toEqual([
      ['P-HA', 'PHUONG', 1],
      ['STP-HP', 'SO', 1],
      ['DK-CH', 'XA_DAC_KHU', 0],
    ]);
    expect(v.audit[0]).toMatchObject({ action: 'IMPORT_TEMPLATE', who: 'appraiser', detail: 'good.xlsx: 3 đơn vị, 2 người ký' });

    // Export → import into another year gives the same register.
    const out = join(work, 'export.xlsx');
    b.host.nextSaveTargets.push(out);
    const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'registry.exportTemplate', { year: 2025 })).id);
    expect(job.error).toBeUndefined();
    const back = parseTemplate((await readUntrustedXlsx(readFileSync(out), {}, b.ctx.workerLauncher)).sheets);
    expect(back.problems).toEqual([]);
    expect(back.units.map((u) => u.code)).toEqual(['P-HA', 'STP-HP', 'DK-CH']);
    expect(back.signers.map((s) => s.sha256)).toEqual([SHA_A, 'b2'.repeat(32)]);

    // A template naming a unit of the register in another case corrects that unit, and its signer goes to it.
    const lower = await xlsx(
      [
        { name: 'Đơn vị', rows: [UNITS.rows[1]!, ['p-ha', 'UBND phường Hải An (sửa)', 'Phường']] },
        { name: 'Người ký', rows: [SIGNERS.rows[0]!, ['P-ha', 'c3'.repeat(32), 'CN=Lê Văn C', 'CN=CA', '0a1d', '2025-01-01', '2026-12-31']] },
      ],
      'lower.xlsx',
    );
    expect((await callOk<TemplateImportReport>(b, 'registry.importTemplate', { year: 2025, source: upload(lower) })).applied).toBe(true);
    const after = await callOk<RegistryView>(b, 'registry.list', { year: 2025 });
    expect(after.units.filter((u) => u.code.toLowerCase() === 'p-ha').map((u) => [u.code, u.name, u.activeSigners])).toEqual([['P-HA', 'UBND phường Hải An (sửa)', 2]]);
  });

  it('hostile files: not an xlsx, over the size cap or too many rows are refused (the hardened reader) and store nothing', async () => {
    const before = count('registry_unit');
    const junk = join(work, 'junk.xlsx');
    writeFileSync(junk, 'PK\u0003\u0004 not really a zip');
    const r1 = await b.call('registry.importTemplate', { year: 2025, source: upload(junk) });
    expect(r1.ok ? 'OK' : r1.error.reason).toBe('XLSX_MALFORMED');
    const big = join(work, 'big.xlsx');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024 + 1));
    const r2 = await b.call('registry.importTemplate', { year: 2025, source: upload(big) });
    expect(r2.ok ? 'OK' : r2.error.reason).toBe('FILE_TOO_LARGE_MAX');
    // A sheet with more rows than a register can have: refused by the hardened reader while streaming.
    const rows = Array.from({ length: 10_025 }, (_, i) => [`U${i}`, 'x', 'SO']);
    const tall = await xlsx([{ name: 'Đơn vị', rows: [['Mã đơn vị', 'Tên đơn vị', 'Khối'], ...rows] }], 'tall.xlsx');
    const r3 = await b.call('registry.importTemplate', { year: 2025, source: upload(tall) });
    expect(r3.ok ? 'OK' : r3.error.reason).toBe('XLSX_TOO_MANY_ROWS');
    expect(count('registry_unit')).toBe(before);
  }, 60_000);

  it('adding a unit needs an opened year and a valid code; a year outside 2000–2100 cannot be opened', async () => {
    const closed = await b.call('registry.addUnit', { year: 2030, code: 'P-HA', name: 'UBND phường Hải An', block: 'PHUONG' });
    expect(closed.ok ? 'OK' : closed.error.reason).toBe('REGISTRY_YEAR_NOT_OPEN');
    const badCode = await b.call('registry.addUnit', { year: 2025, code: 'P HA', name: 'x', block: 'PHUONG' });
    expect(badCode.ok ? 'OK' : badCode.error.code).toBe('VALIDATION');
    const y = await b.call('registry.openYear', { year: 9999 });
    expect(y.ok ? 'OK' : y.error.code).toBe('VALIDATION');
    const v = await callOk<RegistryView>(b, 'registry.addUnit', { year: 2025, code: 'X-AL', name: 'UBND xã An Lão', block: 'XA_DAC_KHU' });
    expect(v.units.find((u) => u.code === 'X-AL')).toMatchObject({ name: 'UBND xã An Lão', block: 'XA_DAC_KHU' });
    expect(v.audit[0]).toMatchObject({ action: 'ADD_UNIT', unitCode: 'X-AL' });
    // The same code in another case is that unit (a round refuses two codes that differ only by case).
    const edited = await callOk<RegistryView>(b, 'registry.addUnit', { year: 2025, code: 'x-al', name: 'UBND xã An Lão mới', block: 'XA_DAC_KHU' });
    expect(edited.units.filter((u) => u.code.toLowerCase() === 'x-al')).toEqual([expect.objectContaining({ code: 'X-AL', name: 'UBND xã An Lão mới' })]);
    expect(edited.audit[0]).toMatchObject({ action: 'ADD_UNIT', unitCode: 'X-AL' });
  });
});

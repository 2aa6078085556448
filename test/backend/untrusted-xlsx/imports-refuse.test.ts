import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { callOk, createTestBackend, seedAssessment } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { SHEET_OPEN, manyRowsXml, repeatedDeflate, workbookOfSheetXml, workbookWith } from './crafted';

/**
 * The two imports that read workbooks from outside (indicator sets, survey results) go through
 * services/untrusted-xlsx: a bomb or a million-row sheet is refused with its XLSX_* reason, and nothing is
 * written — no set file, no catalog change, no survey value.
 */

const MiB = 1_048_576;
const unit = {
  name: 'Sở Tư pháp thành phố Hải Phòng',
  code: 'STP-HP',
  type: 'SO',
  focalPoint: { name: 'Trần Văn An', title: 'Chuyên viên', phone: '', email: '' },
  head: { name: 'Lê Thị Bình', title: 'Giám đốc', phone: '', email: '' },
};

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const upload = (tb: TestBackend, name: string, data: Buffer): string => {
  const p = join(tb.dataDir, 'tmp', `up-${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(p, data);
  return tb.ctx.uploads.register(p, name, data.length).id;
};

const files: Record<string, Buffer> = {};
beforeAll(() => {
  const body = repeatedDeflate(`${SHEET_OPEN}<sheetData>`, Buffer.alloc(MiB, 0x20), 2048, '</sheetData></worksheet>');
  files.bomb = workbookWith({ data: Buffer.alloc(0), body, method: 8, usize: 2048 * MiB, crc: 0 });
  files.lyingBomb = workbookWith({ data: Buffer.alloc(0), body, method: 8, usize: 90 * MiB, crc: 0 });
  files.million = workbookOfSheetXml(manyRowsXml(1_000_000, false));
}, 60_000);

const CASES = [
  ['bomb', 'XLSX_RATIO'],
  ['lyingBomb', 'XLSX_MALFORMED'],
  ['million', 'XLSX_TOO_MANY_ROWS'],
] as const;

describe('imports of hostile workbooks change nothing', () => {
  it.each(CASES)('indicatorSets.import: %s → %s, no set file, same catalog', async (file, reason) => {
    b = createTestBackend();
    const before = await callOk(b, 'indicatorSets.list', {});
    const r = await b.call('indicatorSets.import', { source: { kind: 'upload', uploadId: upload(b, 'bo-chi-so.xlsx', files[file]!) } });
    expect(r.ok ? null : r.error.reason).toBe(reason);
    const dir = join(b.dataDir, 'indicator-sets');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect(await callOk(b, 'indicatorSets.list', {})).toEqual(before);
  });

  it.each(CASES)('survey.import: %s → %s, no survey value written', async (file, reason) => {
    b = createTestBackend();
    const id = await seedAssessment(b, unit, 'hp-2025-so');
    const before = await callOk(b, 'survey.list', { assessmentId: id });
    const r = await b.call('survey.import', { assessmentId: id, source: { kind: 'upload', uploadId: upload(b, 'ket-qua.xlsx', files[file]!) } });
    expect(r.ok ? null : r.error.reason).toBe(reason);
    expect(await callOk(b, 'survey.list', { assessmentId: id })).toEqual(before);
  });
});

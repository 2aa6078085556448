import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';

import type { SetImportResult, SetListEntry } from '../../../shared/ipc/channels/indicator-sets';
import type { Job } from '../../../shared/schemas/job';
import { indicatorSetSha256 } from '../../../electron/backend/services/indicator-sets/catalog';
import { validateIndicatorSet } from '../../../shared/schemas/indicator-set-validate';
import { callOk, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { importJson, readShipped, set2026, setupBackend, upload } from './fixtures';

const open: TestBackend[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const backend = async (dataDir?: string) => {
  const b = await setupBackend(dataDir);
  open.push(b);
  return b;
};

const exportSet = async (b: TestBackend, id: string, format: 'json' | 'xlsx', version: string | null = null) => {
  const target = join(b.dataDir, 'exports', `out-${Math.random().toString(36).slice(2)}.${format}`);
  b.host.nextSaveTargets.push(target);
  const job = await callOk<Job>(b, 'indicatorSets.export', { id, format, version });
  const done = await b.ctx.jobs.wait(job.id);
  return { done, target };
};

describe('indicatorSets.listAll / import / export', () => {
  it('lists the shipped sets with origin, sample flag, decision and SHA-256', async () => {
    const b = await backend();
    const all = await callOk<SetListEntry[]>(b, 'indicatorSets.listAll', {});
    expect(all.map((s) => [s.id, s.origin, s.active, s.isSample])).toEqual([
      ['hp-2025-so', 'shipped', true, true],
      ['hp-2025-xa-phuong', 'shipped', true, true],
    ]);
    const v = validateIndicatorSet(readShipped('hp-2025-so'));
    if (!v.ok) throw new Error('shipped set invalid');
    expect(all[0]!.sha256).toBe(indicatorSetSha256(v.set));
    expect(all[0]!.sourceDecision.issuer).toBe('UBND thành phố Hải Phòng');
    expect(all[0]!.leafCount).toBeGreaterThan(50);
  });

  it('imports a JSON set into dataDir/indicator-sets; it is listed, usable for a new assessment, and survives a restart', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const b = await backend(dataDir);
    const res = await importJson(b, set2026());
    expect(res.ok).toBe(true);
    const out = (res as { value: SetImportResult }).value;
    expect(out).toMatchObject({ imported: true, unchanged: false, errors: [], fileName: 'bo-chi-so.json' });
    expect(out.set).toMatchObject({ id: 'hp-2026-so', version: '2026.1', origin: 'user', active: true, isSample: true, previousSetId: 'hp-2025-so' });
    expect(out.set!.sourceDecision).toEqual({ number: '99/QĐ-UBND', date: '2026-01-15', issuer: 'UBND thành phố Hải Phòng' });
    const files = readdirSync(join(dataDir, 'indicator-sets'));
    expect(files).toEqual([`hp-2026-so@2026.1-${out.set!.sha256.slice(0, 8)}.json`]);

    const list = await callOk<Array<{ id: string }>>(b, 'indicatorSets.list', {});
    expect(list.map((s) => s.id)).toContain('hp-2026-so');
    const a = await callOk<{ indicatorSetSha256: string }>(b, 'assessments.create', { year: 2026, indicatorSetId: 'hp-2026-so' });
    expect(a.indicatorSetSha256).toBe(out.set!.sha256);

    // Same file again: nothing changes.
    const again = (await importJson(b, set2026())) as { ok: true; value: SetImportResult };
    expect(again.value).toMatchObject({ imported: true, unchanged: true });
    expect(readdirSync(join(dataDir, 'indicator-sets'))).toHaveLength(1);

    b.close();
    open.splice(open.indexOf(b), 1);
    const b2 = await backend(dataDir);
    const all = await callOk<SetListEntry[]>(b2, 'indicatorSets.listAll', {});
    expect(all.find((s) => s.id === 'hp-2026-so')).toMatchObject({ origin: 'user', sha256: out.set!.sha256 });
  });

  it('refuses the id + version of a shipped set, and a different content under an imported id + version', async () => {
    const b = await backend();
    const shipped = await importJson(b, readShipped('hp-2025-so'));
    expect(shipped.ok || shipped.error).toMatchObject({
      code: 'CONFLICT',
      message: 'Bộ chỉ số "hp-2025-so" phiên bản 2025.0-mau trùng với bộ chỉ số có sẵn trong ứng dụng; hãy đặt phiên bản khác.',
    });
    expect(existsSync(join(b.dataDir, 'indicator-sets'))).toBe(false);
    await callOk(b, 'indicatorSets.import', { source: { kind: 'upload', uploadId: upload(b, 'a.json', JSON.stringify(set2026())) } });
    const changed = set2026();
    changed.name = 'Tên khác';
    const res = await importJson(b, changed);
    expect(res.ok || res.error).toMatchObject({ code: 'CONFLICT' });
  });

  it('a higher version of a shipped id replaces it for get/list; the old version stays listed, inactive', async () => {
    const b = await backend();
    const v1 = readShipped('hp-2025-so');
    v1.version = '2025.1';
    v1.isSample = false;
    v1.sourceDecision = { number: '3552/QĐ-UBND', date: '2025-12-01', issuer: 'UBND thành phố Hải Phòng' };
    const out = await callOk<SetImportResult>(b, 'indicatorSets.import', { source: { kind: 'upload', uploadId: upload(b, 'chinh-thuc.json', JSON.stringify(v1)) } });
    expect(out.set).toMatchObject({ version: '2025.1', active: true, isSample: false });
    const all = await callOk<SetListEntry[]>(b, 'indicatorSets.listAll', {});
    expect(all.filter((s) => s.id === 'hp-2025-so').map((s) => [s.version, s.origin, s.active])).toEqual([
      ['2025.1', 'user', true],
      ['2025.0-mau', 'shipped', false],
    ]);
    const set = await callOk<{ version: string }>(b, 'indicatorSets.get', { id: 'hp-2025-so' });
    expect(set.version).toBe('2025.1');
    const list = await callOk<Array<{ id: string; version: string }>>(b, 'indicatorSets.list', {});
    expect(list.filter((s) => s.id === 'hp-2025-so')).toEqual([expect.objectContaining({ version: '2025.1' })]);
  });

  it('returns validation errors that name the node and field (JSON) and sheet/row/column (Excel)', async () => {
    const b = await backend();
    const broken = set2026();
    (broken.nodes[0] as unknown as { maxPoints: number }).maxPoints = 11;
    const res = await callOk<SetImportResult>(b, 'indicatorSets.import', { source: { kind: 'upload', uploadId: upload(b, 'hong.json', JSON.stringify(broken)) } });
    expect(res.imported).toBe(false);
    expect(res.set).toBeNull();
    expect(res.errors).toContainEqual(
      expect.objectContaining({ nodeCode: '1', field: 'maxPoints', message: expect.stringContaining('Tiêu chí 1 — maxPoints') }),
    );
    const notJson = await callOk<SetImportResult>(b, 'indicatorSets.import', { source: { kind: 'upload', uploadId: upload(b, 'x.json', '{ nope') } });
    expect(notJson.errors[0]!.message).toMatch(/^Tệp JSON không hợp lệ/);

    // Excel: export the shipped set, break one max, re-import.
    const { target } = await exportSet(b, 'hp-2025-so', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(target) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tiêu chí')!;
    ws.getRow(3).getCell(4).value = 'hai';
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const xr = await callOk<SetImportResult>(b, 'indicatorSets.import', { source: { kind: 'upload', uploadId: upload(b, 'mau.xlsx', bad) } });
    expect(xr.imported).toBe(false);
    expect(xr.errors[0]).toMatchObject({ sheet: 'Tiêu chí', row: 3, column: 'D' });
    const other = await b.call('indicatorSets.import', { source: { kind: 'upload', uploadId: upload(b, 'x.txt', 'x') } });
    expect(other.ok || other.error).toMatchObject({ code: 'BAD_FILE' });
  });

  it('exports JSON and the Excel template as jobs; the template re-imports to the same canonical hash', async () => {
    const b = await backend();
    await importJson(b, set2026());
    const json = await exportSet(b, 'hp-2026-so', 'json');
    expect(json.done.state).toBe('done');
    expect(json.done.result).toMatchObject({ format: 'json', fileName: json.target.split('/').pop() });
    const exported = validateIndicatorSet(JSON.parse(readFileSync(json.target, 'utf8')));
    expect(exported.ok).toBe(true);
    const entry = (await callOk<SetListEntry[]>(b, 'indicatorSets.listAll', {})).find((s) => s.id === 'hp-2026-so')!;
    expect(indicatorSetSha256((exported as { set: unknown }).set)).toBe(entry.sha256);

    const xlsx = await exportSet(b, 'hp-2026-so', 'xlsx', '2026.1');
    expect(xlsx.done.state).toBe('done');
    const re = await callOk<SetImportResult>(b, 'indicatorSets.import', { source: { kind: 'upload', uploadId: upload(b, 'mau.xlsx', readFileSync(xlsx.target)) } });
    expect(re).toMatchObject({ imported: true, unchanged: true });
    expect(re.set!.sha256).toBe(entry.sha256);

    const cancelled = await callOk<Job>(b, 'indicatorSets.export', { id: 'hp-2026-so', format: 'json' });
    expect((await b.ctx.jobs.wait(cancelled.id)).state).toBe('cancelled');
    const missing = await b.call('indicatorSets.export', { id: 'hp-2026-so', version: '9.9', format: 'json' });
    expect(missing.ok || missing.error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

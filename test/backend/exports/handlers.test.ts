import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { EMPTY_REPORT_DOCUMENT } from '../../../shared/schemas/document-fields';
import type { Job } from '../../../shared/schemas/job';
import { callOk, createTestBackend } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { pdfToText } from './tools';

const unit = {
  name: 'Ủy ban nhân dân phường Ngô Quyền',
  code: 'NQ-HP',
  type: 'PHUONG',
  focalPoint: { name: 'Trần Văn An', title: 'Công chức', phone: '', email: '' },
  head: { name: 'Đặng Thị Lựu', title: 'Chủ tịch', phone: '', email: '' },
};

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const setup = async (): Promise<{ b: TestBackend; id: string }> => {
  b = createTestBackend();
  await callOk(b, 'unit.save', unit);
  const a = await callOk<{ id: string }>(b, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-xa-phuong' });
  await callOk(b, 'answers.save', {
    assessmentId: a.id,
    nodeId: 'xa25-1.2',
    answer: { nodeId: 'xa25-1.2', inputs: { count: 0 }, explanation: 'Không có vi phạm' },
  });
  return { b, id: a.id };
};

const waitJob = async (b: TestBackend, job: Job): Promise<Job> => {
  for (let i = 0; i < 500; i++) {
    const j = await callOk<Job>(b, 'jobs.get', { jobId: job.id });
    if (j.state !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
};

describe('report narrative and export channels (real SQLite)', () => {
  it('stores the narrative per assessment, NFC-normalised', async () => {
    const { b, id } = await setup();
    const empty = await callOk<{ updatedAt: string | null; narrative: { basis: string } }>(b, 'report.getNarrative', { assessmentId: id });
    expect(empty.updatedAt).toBeNull();
    expect(empty.narrative.basis).toBe('');
    const narrative = {
      basis: 'Căn cứ Kế hoạch số 12/KH-UBND'.normalize('NFD'),
      strengths: 'Ưu điểm',
      weaknesses: 'Hạn chế',
      causes: 'Nguyên nhân',
      recommendations: 'Kiến nghị',
    };
    await callOk(b, 'report.saveNarrative', { assessmentId: id, narrative });
    const got = await callOk<{ updatedAt: string; narrative: typeof narrative }>(b, 'report.getNarrative', { assessmentId: id });
    expect(got.narrative.basis).toBe('Căn cứ Kế hoạch số 12/KH-UBND'.normalize('NFC'));
    expect(got.updatedAt).not.toBeNull();
    const missing = await b.call('report.getNarrative', { assessmentId: 'nope' });
    expect(missing.ok).toBe(false);
  });

  it('exports xlsx and pdf as jobs to the chosen target with the default name, then reveals the file', async () => {
    const { b, id } = await setup();
    await callOk(b, 'report.saveNarrative', {
      assessmentId: id,
      narrative: { basis: '', strengths: 'Ưu.', weaknesses: 'Hạn chế.', causes: 'Nguyên nhân.', recommendations: 'Đề nghị tăng cường tập huấn.' },
    });
    await callOk(b, 'report.saveDocument', {
      assessmentId: id,
      document: { ...EMPTY_REPORT_DOCUMENT, number: '7', date: '2025-12-02' },
    });
    const names: string[] = [];
    const orig = b.host.chooseSaveTarget;
    b.host.chooseSaveTarget = async (o) => {
      names.push(o.defaultName);
      return orig(o);
    };
    const xlsxPath = join(b.dataDir, 'out.xlsx');
    const pdfPath = join(b.dataDir, 'out.pdf');
    b.host.nextSaveTargets.push(xlsxPath, pdfPath);

    const x = await waitJob(b, await callOk<Job>(b, 'report.xlsx', { assessmentId: id }));
    expect(x.state, JSON.stringify(x.error)).toBe('done');
    expect(x.result).toMatchObject({ format: 'xlsx', fileName: 'out.xlsx' });
    expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');

    const p = await waitJob(b, await callOk<Job>(b, 'report.pdf', { assessmentId: id }));
    expect(p.state, JSON.stringify(p.error)).toBe('done');
    const text = pdfToText(readFileSync(pdfPath));
    expect(text).toContain('PHƯỜNG NGÔ QUYỀN');
    expect(text).toContain('Số: 07/BC-UBND');
    expect(text).toContain('Ngô Quyền, ngày 02 tháng 12 năm 2025');
    expect(text).toContain('Đề nghị tăng cường tập huấn.');
    expect(text).toContain('Đặng Thị Lựu');
    expect(names).toEqual(['NQ-HP_2025_bang-tu-danh-gia.xlsx', 'NQ-HP_2025_bao-cao-tu-danh-gia.pdf']);

    expect(await callOk(b, 'report.showInFolder', { jobId: p.id })).toEqual({ shown: true });
    expect(b.host.shown).toContain(pdfPath);
    expect((await b.call('report.showInFolder', { jobId: 'unknownjob' })).ok).toBe(false);
  }, 60_000);

  it('a cancelled save dialog ends the job as cancelled and writes nothing', async () => {
    const { b, id } = await setup();
    const j = await waitJob(b, await callOk<Job>(b, 'report.pdf', { assessmentId: id, draft: true }));
    expect(j.state).toBe('cancelled');
    expect(j.error?.code).toBe('CANCELLED');
    expect(readdirSync(b.dataDir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('refuses an unknown assessment before starting a job', async () => {
    b = createTestBackend();
    await callOk(b, 'unit.save', unit);
    const r = await b.call('report.xlsx', { assessmentId: 'missing' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('NOT_FOUND');
  });
});

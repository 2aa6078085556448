import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { PreflightReport } from '../../../shared/domain/preflight';
import type { Job } from '../../../shared/schemas/job';
import { callOk } from '../../helpers/backend';
import { N1, pdfBytes, setupEvidence, writeSource } from '../evidence/fixtures';
import type { EvidenceSetup } from '../evidence/fixtures';
import { pdfToText, xlsxToCsv } from './tools';

const NAME = 'Bao cao so ket 6 thang.pdf';
let s: EvidenceSetup | null = null;
afterEach(() => {
  s?.cleanup();
  s = null;
});

describe('evidence attached without its document details', () => {
  it('is listed by its file name in the PDF (section IV and the criterion’s cell) and the Excel table; preflight warns with a code', async () => {
    s = await setupEvidence();
    s.b.host.nextPicks.push([writeSource(s.files, NAME, pdfBytes())]);
    const attach = await callOk<Job>(s.b, 'evidence.attach', { assessmentId: s.assessmentId, nodeId: N1, source: { kind: 'dialog' } });
    expect((await s.b.ctx.jobs.wait(attach.id)).state).toBe('done');

    const pre = await callOk<PreflightReport>(s.b, 'assessments.preflight', { assessmentId: s.assessmentId });
    expect(pre.warnings.filter((w) => w.code === 'EVIDENCE_METADATA_MISSING')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        params: { name: NAME },
        message: `Tài liệu “${NAME}” chưa có số/ký hiệu, ngày ban hành, trích yếu: báo cáo chỉ ghi được tên tệp. Hãy bổ sung thông tin văn bản trong thư viện.`,
      }),
    ]);

    const pdfPath = join(s.b.dataDir, 'report.pdf');
    const xlsxPath = join(s.b.dataDir, 'table.xlsx');
    s.b.host.nextSaveTargets.push(pdfPath, xlsxPath);
    const p = await s.b.ctx.jobs.wait((await callOk<Job>(s.b, 'report.pdf', { assessmentId: s.assessmentId, draft: true })).id);
    expect(p.state, JSON.stringify(p.error)).toBe('done');
    const flat = pdfToText(readFileSync(pdfPath)).replace(/\s+/g, ' ');
    // once in the criterion's evidence cell, once in section IV
    expect(flat.split(`Tệp: ${NAME}`).length - 1).toBe(2);
    const x = await s.b.ctx.jobs.wait((await callOk<Job>(s.b, 'report.xlsx', { assessmentId: s.assessmentId })).id);
    expect(x.state, JSON.stringify(x.error)).toBe('done');
    expect(xlsxToCsv(readFileSync(xlsxPath))).toContain(`Tệp: ${NAME}`);

    // With its details the citation is the document's, not the file's.
    const [doc] = await callOk<Array<{ id: string; meta: Record<string, string> }>>(s.b, 'evidence.list', { assessmentId: s.assessmentId });
    await callOk(s.b, 'evidence.updateMeta', { documentId: doc!.id, meta: { ...doc!.meta, docNumber: '45/BC-SNV', summary: 'Sơ kết 6 tháng' } });
    const again = await callOk<PreflightReport>(s.b, 'assessments.preflight', { assessmentId: s.assessmentId });
    expect(again.warnings.filter((w) => w.code === 'EVIDENCE_METADATA_MISSING')).toEqual([]);
  }, 90_000);
});

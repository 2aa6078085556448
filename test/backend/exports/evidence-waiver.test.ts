import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { buildSubmission } from '../../../electron/backend/services/bundle/submission-builder';
import { loadReportModel } from '../../../electron/backend/services/report/report-source';
import { flattenNodes } from '../../../shared/domain/report/format';
import type { PreflightReport } from '../../../shared/domain/preflight';
import type { Answer } from '../../../shared/schemas/answers';
import { submissionSchema } from '../../../shared/schemas/submission';
import type { Job } from '../../../shared/schemas/job';
import { callOk } from '../../helpers/backend';
import { setupEvidence } from '../evidence/fixtures';
import type { EvidenceSetup } from '../evidence/fixtures';
import { pdfToText, xlsxToCsv } from './tools';

const NODE = 'so25-1.3.1';
const REASON = 'Văn bản mật, không được sao chụp.';
let s: EvidenceSetup | null = null;
afterEach(() => {
  s?.cleanup();
  s = null;
});

const save = (st: EvidenceSetup, answer: Record<string, unknown>) =>
  st.b.call('answers.save', { assessmentId: st.assessmentId, nodeId: NODE, answer: { nodeId: NODE, inputs: { met: true }, ...answer } });

describe('"Không có tài liệu kiểm chứng" is its own choice, apart from the giải trình', () => {
  it('a giải trình alone leaves the criterion without evidence an error; the waiver with its reason is stored, said in preflight, and blank is refused', async () => {
    s = await setupEvidence();
    const preflight = () => callOk<PreflightReport>(s!.b, 'assessments.preflight', { assessmentId: s!.assessmentId });

    expect((await save(s, { explanation: 'Đơn vị đã ban hành kế hoạch.' })).ok).toBe(true);
    expect((await preflight()).errors.filter((e) => e.nodeId === NODE).map((e) => e.code)).toEqual(['EVIDENCE_MISSING']);

    const blank = await save(s, { evidenceWaiver: { reason: '  ' } });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.error.code).toBe('VALIDATION');

    const saved = await save(s, { explanation: '', evidenceWaiver: { reason: REASON } });
    expect(saved.ok && (saved.value as { answer: Answer }).answer.evidenceWaiver).toEqual({ reason: REASON });
    const listed = await callOk<Answer[]>(s.b, 'answers.list', { assessmentId: s.assessmentId });
    expect(listed.find((a) => a.nodeId === NODE)?.evidenceWaiver).toEqual({ reason: REASON });
    const pre = await preflight();
    expect(pre.errors.filter((e) => e.nodeId === NODE)).toEqual([]);
    expect(pre.warnings.filter((w) => w.nodeId === NODE).map((w) => [w.code, w.message])).toEqual([
      ['EVIDENCE_WAIVED', `Tiêu chí 1.3.1 không có tài liệu kiểm chứng — lý do: ${REASON}`],
    ]);
    // Undo brings back the previous answer: no waiver.
    await callOk(s.b, 'answers.undo', { assessmentId: s.assessmentId });
    const undone = await callOk<Answer[]>(s.b, 'answers.list', { assessmentId: s.assessmentId });
    expect(undone.find((a) => a.nodeId === NODE)?.evidenceWaiver).toBe(null);
  });

  it('the waiver reason travels where the documents would be: the Excel table, the PDF report and submission.json (optional field)', async () => {
    s = await setupEvidence();
    expect((await save(s, { evidenceWaiver: { reason: REASON } })).ok).toBe(true);
    const text = `Không có tài liệu kiểm chứng — lý do: ${REASON}`;

    const model = loadReportModel(s.b.ctx, s.assessmentId).model;
    const row = flattenNodes(model.domains).find((r) => r.code === '1.3.1');
    expect([row?.evidenceWaiver, row?.citations]).toEqual([REASON, []]);

    const pdfPath = join(s.b.dataDir, 'report.pdf');
    const xlsxPath = join(s.b.dataDir, 'table.xlsx');
    s.b.host.nextSaveTargets.push(pdfPath, xlsxPath);
    const p = await s.b.ctx.jobs.wait((await callOk<Job>(s.b, 'report.pdf', { assessmentId: s.assessmentId, draft: true })).id);
    expect(p.state, JSON.stringify(p.error)).toBe('done');
    expect(pdfToText(readFileSync(pdfPath)).replace(/\s+/g, ' ')).toContain(text);
    const x = await s.b.ctx.jobs.wait((await callOk<Job>(s.b, 'report.xlsx', { assessmentId: s.assessmentId })).id);
    expect(x.state, JSON.stringify(x.error)).toBe('done');
    expect(xlsxToCsv(readFileSync(xlsxPath))).toContain(text);

    const build = (evidenceWaiver: { reason: string } | null) =>
      buildSubmission({
        set: s!.b.ctx.catalog.get('hp-2025-so').document,
        setSha256: 'ab'.repeat(32),
        answers: [{ nodeId: NODE, inputs: { met: true }, notApplicable: null, explanation: '', evidenceWaiver, evidenceKeys: [] }],
        evidence: [],
        agency: { code: 'SNV-HP', name: 'Sở Nội vụ thành phố Hải Phòng', type: 'SO' },
        period: '2025',
        submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        revision: 1,
        supersedes: null,
        appName: 'CCHC Tự đánh giá',
        appVersion: '0.0.0',
        now: new Date('2025-06-30T01:00:00Z'),
      }).submission;
    const withWaiver = build({ reason: REASON });
    expect(withWaiver.answers[0]?.evidenceWaiver).toEqual({ reason: REASON });
    expect(submissionSchema.parse(JSON.parse(JSON.stringify(withWaiver))).answers[0]?.evidenceWaiver).toEqual({ reason: REASON });
    // Without a waiver the field is absent: a submission.json as older versions wrote it.
    const without = build(null);
    expect(Object.keys(without.answers[0]!)).not.toContain('evidenceWaiver');
    expect(submissionSchema.safeParse(JSON.parse(JSON.stringify(without))).success).toBe(true);
  }, 90_000);
});

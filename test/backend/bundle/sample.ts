import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SUBMISSION_FORMAT } from '../../../shared/schemas/submission';
import type { Submission } from '../../../shared/schemas/submission';
import type { PackEvidence } from '../../../electron/backend/services/bundle/pack';
import { AGENCY_NAME } from '../../helpers/pki';

export const SET_SHA = createHash('sha256').update('the test indicator set').digest('hex');
export const SET = { id: 'par-2025-test', version: '2025.1', sha256: SET_SHA };
export const knownSets = (id: string, version: string) =>
  id === SET.id && version === SET.version ? { sha256: SET_SHA, indicatorIds: ['I1', 'I2', 'I3'] } : null;

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Three evidence files (pdf, jpg, txt → deflated) in `dir` and a matching submission. */
export const sampleInput = (dir: string, opts: { submissionId?: string; revision?: number } = {}) => {
  mkdirSync(dir, { recursive: true });
  const files = [
    { path: 'evidence/0001.pdf', name: 'Báo cáo tổng hợp.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(50_000)]) },
    { path: 'evidence/0002.jpg', name: 'Ảnh hội nghị.jpg', data: randomBytes(20_000) },
    { path: 'evidence/0003.txt', name: 'Ghi chú.txt', data: Buffer.from('Nội dung ghi chú lặp lại. '.repeat(2000)) },
  ];
  const evidence: PackEvidence[] = files.map((f) => {
    const source = join(dir, f.path.replace('/', '-'));
    writeFileSync(source, f.data);
    return { path: f.path, source, size: f.data.length, sha256: sha(f.data) };
  });
  const submission: Submission = {
    format: SUBMISSION_FORMAT,
    submissionId: opts.submissionId ?? '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    revision: opts.revision ?? 1,
    supersedes: null,
    createdAt: '2025-06-30T08:00:00+07:00',
    app: { name: 'CCHC Tự đánh giá', version: '0.1.0' },
    agency: { code: 'STP', name: AGENCY_NAME },
    period: '2025',
    indicatorSet: SET,
    answers: [
      { indicatorId: 'I1', value: true, note: 'Đã ban hành kế hoạch', evidence: ['evidence/0001.pdf'], score: { points: 1000, max: 1000, explanation: 'Đạt' } },
      { indicatorId: 'I2', value: 87.5, evidence: ['evidence/0002.jpg', 'evidence/0003.txt'], score: { points: 750, max: 1000, explanation: 'Tỷ lệ 87,5 %' } },
    ],
    totals: { points: 1750, max: 2000 },
    evidence: files.map((f, i) => ({
      path: f.path,
      originalName: f.name,
      mediaType: f.path.endsWith('.pdf') ? 'application/pdf' : f.path.endsWith('.jpg') ? 'image/jpeg' : 'text/plain',
      size: f.data.length,
      sha256: evidence[i]!.sha256,
    })),
  };
  return { evidence, submission, read: (p: string) => readFileSync(p) };
};

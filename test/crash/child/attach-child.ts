/**
 * attach-child <dataDir> <assessmentId> <nowIso> <srcDir>
 * Attaches fresh evidence files (64 KiB – 3 MiB, so a kill often lands mid-copy) through the backend
 * (evidence.attach job) and prints "ack <documentId>" once the job is done.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Job } from '../../../shared/schemas/job';
import { must, openBackend, say } from './common';

const [dataDir, assessmentId, nowIso, srcDir] = process.argv.slice(2) as [string, string, string, string];
const b = openBackend(dataDir, nowIso);
say('ready');
for (let i = 0; ; i++) {
  const size = 64 * 1024 + Math.floor(Math.random() * 3 * 1024 * 1024);
  const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);
  const src = join(srcDir, `src-${process.pid}-${i}.pdf`);
  writeFileSync(src, data);
  const upload = b.ctx.uploads.register(src, `Tài liệu ${i}.pdf`, data.length);
  const started = await must<Job>(b, 'evidence.attach', { assessmentId, nodeId: 'so25-1.1.1', source: { kind: 'uploads', uploadIds: [upload.id] } });
  const job = await b.ctx.jobs.wait(started.id, 2);
  if (job.state !== 'done') {
    process.stderr.write(`attach job ${job.state}: ${job.error?.code} ${job.error?.message}\n`);
    process.exit(3);
  }
  const doc = (job.result as { documents: Array<{ documentId: string }> }).documents[0]!;
  say(`ack ${doc.documentId}`);
}

/**
 * Child process for the memory and kill -9 tests (run with `node --import tsx`).
 *   memory <dataDir> <assessmentId> <file>   attach one big file, print {"vmhwmKb", "baselineKb", "ms"}
 *   loop <dataDir> <assessmentId> <srcDir>   attach fresh 4 MiB files forever, print "committed <docId>" after each
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { openDatabase } from '../../../../electron/backend/db/connection';
import { attachFiles } from '../../../../electron/backend/services/evidence/attach';

const vmHwmKb = (): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? -1);

const [mode, dataDir, assessmentId, arg] = process.argv.slice(2) as [string, string, string, string];
const db = openDatabase(join(dataDir, 'cchc.sqlite'));

if (mode === 'memory') {
  const baselineKb = vmHwmKb();
  const t0 = performance.now();
  const r = await attachFiles(db, dataDir, { assessmentId, nodeId: null, files: [{ path: arg, name: 'big.pdf' }] }, { maxBytes: 4 * 1024 ** 3 });
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ vmhwmKb: vmHwmKb(), baselineKb, ms, documents: r.documents.length })}\n`);
} else {
  for (let i = 0; ; i++) {
    const src = join(arg, `src-${process.pid}-${i}.pdf`);
    writeFileSync(src, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4 * 1024 * 1024)]));
    const r = await attachFiles(db, dataDir, { assessmentId, nodeId: 'so25-1.1.1', files: [{ path: src, name: `f${i}.pdf` }] });
    process.stdout.write(`committed ${r.documents[0]?.documentId}\n`);
  }
}

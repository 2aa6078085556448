/**
 * Evidence attach benchmark (issue 5): attach throughput of a 512 MiB random file into the content-addressed
 * store (stream copy + SHA-256 + fsync + rename + row) against `cp` of the same file in the same run, plus
 * peak RSS. Writes the figures into docs/performance.md under "## Evidence".
 * Run: npx tsx bench/evidence.bench.ts [--mib 512] [--runs 3] [--no-write]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import { insertAssessment } from '../electron/backend/db/repos/assessment-repo';
import { attachFiles } from '../electron/backend/services/evidence/attach';
import { hashFile } from '../electron/backend/services/evidence/verify';
import { createTestBackend } from '../test/helpers/backend';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const MIB = arg('mib', 512);
const RUNS = arg('runs', 3);
const WRITE = !process.argv.includes('--no-write');
const BYTES = MIB * 1024 * 1024;

const vm = (key: 'VmHWM' | 'VmRSS'): number =>
  Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mibps = (ms: number): number => MIB / (ms / 1000);

const work = mkdtempSync(join(tmpdir(), 'cchc-bench-ev-'));
const src = join(work, 'source.pdf');
// Random content (incompressible), made by a child so this process's heap stays as it would in the app.
execFileSync('sh', ['-c', `{ printf '%%PDF-1.7\\n'; head -c ${BYTES - 9} /dev/urandom; } > "$1"`, 'sh', src]);
execFileSync('cat', [src], { stdio: ['ignore', 'ignore', 'inherit'] }); // same page-cache state for every contender
if (statSync(src).size !== BYTES) throw new Error('source file has the wrong size');
const rssBefore = vm('VmRSS');

const timeCp = (fsync: boolean): number => {
  const dst = join(work, `cp-${randomUUID()}`);
  const t = performance.now();
  execFileSync('cp', [src, dst]);
  if (fsync) execFileSync('sync', [dst]);
  const ms = performance.now() - t;
  rmSync(dst, { force: true });
  return ms;
};

const timeAttach = async (): Promise<number> => {
  const b = createTestBackend();
  const id = randomUUID();
  insertAssessment(b.ctx.db, {
    id, year: 2025, indicatorSetId: 'bench', indicatorSetVersion: '1', indicatorSetName: 'bench', indicatorSetSha256: '0'.repeat(64),
    revision: 1, supersedesRevision: null, status: 'draft', deadline: null, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
  });
  const t = performance.now();
  await attachFiles(b.ctx.db, b.dataDir, { assessmentId: id, nodeId: 'n1', files: [{ path: src, name: 'source.pdf' }] }, { maxBytes: BYTES * 2 });
  const ms = performance.now() - t;
  b.cleanup();
  return ms;
};

const timeHash = async (): Promise<number> => {
  const t = performance.now();
  await hashFile(src);
  return performance.now() - t;
};

const cp: number[] = [];
const cpSync: number[] = [];
const attach: number[] = [];
const hash: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved so background load on the shared machine hits every contender alike.
  cp.push(timeCp(false));
  cpSync.push(timeCp(true));
  attach.push(await timeAttach());
  hash.push(await timeHash());
}
const peak = vm('VmHWM');
rmSync(work, { recursive: true, force: true });

const rows: Array<[string, number]> = [
  ['`cp` (no fsync)', median(cp)],
  ['`cp` + `sync FILE` (durable, like attach)', median(cpSync)],
  ['**attach** (copy + SHA-256 + fsync + rename + row)', median(attach)],
  ['SHA-256 of the file alone (read + hash)', median(hash)],
];
const ratio = median(attach) / median(cpSync);
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const section = [
  '## Evidence',
  '',
  `Measured by \`npx tsx bench/evidence.bench.ts\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${cpus().length} CPU(s) shared with other work, ${cpu}).`,
  `Input: one ${MIB} MiB random file, page cache warm for every contender; median of ${RUNS} interleaved runs.`,
  '',
  '| Step | Median (ms) | MiB/s |',
  '|---|---:|---:|',
  ...rows.map(([name, ms]) => `| ${name} | ${ms.toFixed(0)} | ${mibps(ms).toFixed(0)} |`),
  '',
  `Attach ÷ durable cp: **${ratio.toFixed(2)} ×** the time. Peak RSS of the benchmark process (VmHWM): **${peak.toFixed(0)} MiB** ` +
    `(${rssBefore.toFixed(0)} MiB before the runs): the copy uses two 4 MiB buffers, so memory does not grow with the file ` +
    '(the 1 GiB test in test/backend/evidence/durability.test.ts checks this in a child process).',
  'Read, write and hashing overlap (thread pool vs main thread), so attach costs about the SHA-256 pass plus the final fsync; ' +
    'the hash is what makes storing by content possible. Figures vary with the load of the shared machine.',
  '',
].join('\n');

console.log(section);
if (WRITE) {
  const file = join(import.meta.dirname, '..', 'docs', 'performance.md');
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf('\n## Evidence\n');
  let next;
  if (start < 0) next = `${doc.trimEnd()}\n\n${section}`;
  else {
    const after = doc.indexOf('\n## ', start + 1);
    next = `${doc.slice(0, start + 1)}${section}${after < 0 ? '' : `\n${doc.slice(after + 1)}`}`;
  }
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
  console.log(`written to ${file}`);
}

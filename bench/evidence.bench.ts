/**
 * Evidence attach benchmark (issue 5): attaching a 512 MiB random file into the content-addressed store
 * (stream copy + SHA-256 + fsync + rename + row) against a durable `cp` of the same file, in the same run.
 * Every contender is its own process, timed from spawn to exit (Node start-up and module loading included; the
 * attaching process, bench/evidence-attach-child.ts, compiled to JavaScript with esbuild as the app ships its
 * code), 5 interleaved runs after one untimed warm-up each, median shown; peak RSS from /usr/bin/time.
 * Writes the figures into docs/performance.md under "## Evidence".
 * Run: npx tsx bench/evidence.bench.ts [--mib 512] [--runs 5] [--no-write]
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { insertAssessment } from '../electron/backend/db/repos/assessment-repo';
import { createTestBackend } from '../test/helpers/backend';
import { interleaved, median, timeProcess } from './process-runs';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const MIB = arg('mib', 512);
const RUNS = arg('runs', 5);
const WRITE = !process.argv.includes('--no-write');
const BYTES = MIB * 1024 * 1024;
const loadBefore = loadavg();

const work = mkdtempSync(join(tmpdir(), 'cchc-bench-ev-'));
const src = join(work, 'source.pdf');
// Random content (incompressible).
execFileSync('sh', ['-c', `{ printf '%%PDF-1.7\\n'; head -c ${BYTES - 9} /dev/urandom; } > "$1"`, 'sh', src]);
if (statSync(src).size !== BYTES) throw new Error('source file has the wrong size');

// A data folder with one draft assessment, copied afresh (untimed) before every attach.
const b = createTestBackend();
const assessmentId = randomUUID();
const now = new Date().toISOString();
insertAssessment(b.ctx.db, {
  id: assessmentId, year: 2025, indicatorSetId: 'bench', indicatorSetVersion: '1', indicatorSetName: 'bench', indicatorSetSha256: '0'.repeat(64),
  revision: 1, supersedesRevision: null, status: 'draft', deadline: null, createdAt: now, updatedAt: now,
});
b.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
const template = join(work, 'data-template');
cpSync(b.dataDir, template, { recursive: true });
b.cleanup();

const built = join(process.cwd(), '.cache', 'bench-evidence');
rmSync(built, { recursive: true, force: true });
execFileSync(join(process.cwd(), 'node_modules', '.bin', 'esbuild'), [
  join(process.cwd(), 'bench', 'evidence-attach-child.ts'),
  '--bundle', '--splitting', '--platform=node', '--format=esm', '--target=node20', '--packages=external', '--log-level=warning', '--entry-names=[name]', `--outdir=${built}`,
]);

const runData = join(work, 'data-run');
const copy = join(work, 'copy.pdf');
type Contender = { id: 'cp' | 'cpSync' | 'sha256sum' | 'attach'; label: string; before?: () => void; cmd: string[] };
const fresh = () => {
  rmSync(copy, { force: true });
  rmSync(runData, { recursive: true, force: true });
  cpSync(template, runData, { recursive: true });
};
const group: Contender[] = [
  { id: 'cpSync', label: 'baseline `cp` + `sync FILE` (durable, like attach)', before: fresh, cmd: ['sh', '-c', 'cp "$0" "$1" && sync "$1"', src, copy] },
  { id: 'cp', label: 'reference: `cp` (no fsync)', before: fresh, cmd: ['cp', src, copy] },
  { id: 'sha256sum', label: 'reference: `sha256sum` of the file', cmd: ['sha256sum', src] },
  { id: 'attach', label: '**attach** (copy + SHA-256 + fsync + rename + row)', before: fresh, cmd: [process.execPath, join(built, 'evidence-attach-child.js'), runData, assessmentId, src] },
];

const runOnce = (c: Contender): { ms: number; rssKb: number } => {
  c.before?.();
  const r = timeProcess(c.cmd, { work, inputs: [src], what: c.id });
  return { ms: r.wallS * 1000, rssKb: r.rssKb };
};
const samples = interleaved(group, RUNS, runOnce);
const loadAfter = loadavg();
rmSync(work, { recursive: true, force: true });

const msOf = (id: Contender['id']): number => median(samples.get(id)!.map((s) => s.ms));
const ratio = msOf('attach') / msOf('cpSync');
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const section = [
  '## Evidence',
  '',
  `Measured by \`npx tsx bench/evidence.bench.ts\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${cpus().length} CPU(s) shared with other work, ${cpu}; load average 1/5/15 min ${load(loadBefore)} before, ${load(loadAfter)} after).`,
  `Input: one ${MIB} MiB random file, in the page cache before every run. Method: every contender is its own process, timed from spawn to exit (wall clock **including** Node start-up and module loading: the attaching process \`bench/evidence-attach-child.ts\` compiled to JavaScript with esbuild, as the app ships its code, on a fresh copy of a data folder with one draft assessment); ${RUNS} interleaved runs after one untimed warm-up each (each round in a rotated order, every other round reversed), median shown. Peak RSS: the largest \`/usr/bin/time %M\` of the runs.`,
  '',
  '| Contender | Median (ms) | Range (ms) | MiB/s | Time ÷ durable `cp` | Peak RSS (MiB) |',
  '|---|---:|---:|---:|---:|---:|',
  ...group.map((c) => {
    const s = samples.get(c.id)!;
    const ms = s.map((x) => x.ms);
    return `| ${c.label} | ${msOf(c.id).toFixed(0)} | ${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} | ${(MIB / (msOf(c.id) / 1000)).toFixed(0)} | ${(msOf(c.id) / msOf('cpSync')).toFixed(2)} | ${(Math.max(...s.map((x) => x.rssKb)) / 1024).toFixed(0)} |`;
  }),
  '',
  `Attach takes **${ratio.toFixed(2)} ×** the time of a durable \`cp\` of the same file. The copy streams through two 4 MiB buffers, so ` +
    'memory does not grow with the file (the 1 GiB test in test/backend/evidence/durability.test.ts checks this in a child process). ' +
    'Read, write and hashing overlap (thread pool vs main thread); the hash is what makes storing by content possible. Figures vary with the load of the shared machine.',
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

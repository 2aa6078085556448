/**
 * Batch import benchmark (issue 14: "batch import of 60 packages of 5 MiB each runs at no less than the speed of
 * `sha256sum` over the same bytes, with peak RSS under 300 MB").
 *   import  Sở Nội vụ's batch import (services/inbox/import-batch.ts: every package verified in the worker,
 *           checked against the register, evidence copied into the store, one transaction per package) of a
 *           folder of 60 signed packages, as its own process on a copy of a prepared data folder
 *   baseline `sha256sum` over the same 60 files
 * Also measured, not how the app runs: workers not warmed (before stop 24) and one verification worker (the
 * default before stop 23).
 * References (not contenders): a durable copy (`cp` + `sync`), the floor (bench/batch-import-floor.ts: the
 * bytes' share of an import in one Node process) and the pipeline floor (bench/batch-import-pipeline-floor.ts:
 * the import's three processes, bytes and commits without any of its checks).
 * All are timed from spawn to exit (wall clock INCLUDING Node start-up and module loading), interleaved, one
 * untimed warm-up each, median of --runs (default 5). Peak RSS: `/usr/bin/time %M` (the largest single process
 * of the tree: the importer or one of its verification workers) and the importer's own maxRSS.
 * Writes the figures into docs/performance.md under "## Batch import".
 * Run: npx tsx bench/batch-import.bench.ts [--packages 60] [--mib 5] [--runs 5] [--no-write]
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { interleaved, median, timeProcess } from './process-runs';

const args = process.argv.slice(2);
const arg = (name: string, def: number): number => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : def);

// ---------- parent: prepare the register, the data folder and the packages ----------
const PACKAGES = arg('packages', 60);
const MIB = arg('mib', 5);
const RUNS = arg('runs', 5);
const write = !args.includes('--no-write');
const work = mkdtempSync(join(tmpdir(), 'cchc-bench-batch-'));
const loadBefore = loadavg();

const { createTestPki, ASCII_PASSWORD } = await import('../test/helpers/pki');
const { certDetails, trustTestPki } = await import('../test/backend/inbox/make-bundle');
const { createBackend } = await import('../electron/backend/backend');
const { silentLogger } = await import('../electron/backend/logger');
const { createFileSettingsStore } = await import('../electron/backend/settings/file-settings-store');
const { launchWorker } = await import('../electron/workers/launch');
const { addUnit, openYear } = await import('../electron/backend/services/registry/register');
const { insertSigner } = await import('../electron/backend/db/repos/registry-repo');
const { buildSubmission } = await import('../electron/backend/services/bundle/submission-builder');
const { packBundle } = await import('../electron/backend/services/bundle/pack');
const { openP12Signer } = await import('../electron/backend/services/signing/p12-signer');
const { parsePortableAnswers } = await import('../electron/backend/services/indicator-sets/answers-file');

mkdirSync(join(work, 'pki'));
const pki = await createTestPki(join(work, 'pki'));
const template = join(work, 'data-template');
const backend = createBackend({
  dataDir: template,
  logger: silentLogger,
  backupKeep: false,
  workerLauncher: launchWorker,
  host: (paths) => ({
    kind: 'cli',
    settings: createFileSettingsStore(paths.settings),
    pickFiles: async () => null,
    pickFolder: async () => null,
    chooseSaveTarget: async () => null,
    showInFolder: async () => {},
    openWithSystem: async () => {},
  }),
});
trustTestPki(template, pki);
openYear(backend.ctx, 2025);
const units = Array.from({ length: PACKAGES }, (_, i) => ({ code: `P-BENCH${String(i + 1).padStart(3, '0')}`, name: `UBND phường Thử ${i + 1}`, block: 'PHUONG' as const }));
const leaf = { ...certDetails(pki.leaf), source: 'template' as const, addedAt: new Date().toISOString(), addedBy: 'bench' };
for (const u of units) {
  addUnit(backend.ctx, 2025, u);
  insertSigner(backend.ctx.db, { year: 2025, unitCode: u.code, ...leaf });
}

// Each package: the shipped example answers of the ward set, with one more evidence file of random bytes so
// the package is MIB MiB (every package's evidence is different: the content-addressed store cannot share it).
const folder = join(work, 'packages');
const evDir = join(work, 'evidence-src');
mkdirSync(folder);
mkdirSync(evDir);
const examples = join(process.cwd(), 'resources', 'examples');
const read = parsePortableAnswers(readFileSync(join(examples, 'hp-2025-xa-phuong-answers.json'), 'utf8'));
if (!read.ok) throw new Error(read.errors.join('\n'));
const set = backend.ctx.catalog.get('hp-2025-xa-phuong');
const signer = await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
process.stdout.write(`Writing ${PACKAGES} signed packages of ${MIB} MiB to ${folder}…\n`);
for (const [i, u] of units.entries()) {
  const answers = read.file.answers.map((a) => ({ nodeId: a.nodeId, inputs: a.inputs, notApplicable: a.notApplicable, explanation: a.explanation, evidenceKeys: [...a.evidence] }));
  const withEvidence = answers.find((a) => a.evidenceKeys.length > 0)!;
  withEvidence.evidenceKeys.push('bien-ban-kiem-tra.pdf');
  const names = [...new Set(answers.flatMap((a) => a.evidenceKeys))];
  const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(MIB * 1048576 - 64 * 1024)]);
  const bigPath = join(evDir, `${i}.pdf`);
  writeFileSync(bigPath, big);
  const evidence = names.map((n) => {
    const source = n === 'bien-ban-kiem-tra.pdf' ? bigPath : join(examples, 'evidence', n);
    const data = readFileSync(source);
    return { key: n, source, originalName: n, size: data.length, sha256: sha(data) };
  });
  const { submission, evidence: packEvidence } = buildSubmission({
    set: set.document,
    setSha256: set.summary.sha256,
    answers,
    evidence,
    agency: { code: u.code, name: u.name, type: 'PHUONG' },
    period: '2025',
    submissionId: `0190a1b2-c3d4-7e5f-8a9b-${String(i + 1).padStart(12, '0')}`,
    revision: 1,
    supersedes: null,
    appName: 'CCHC Tự đánh giá',
    appVersion: 'bench',
    now: new Date(),
  });
  await packBundle({ out: join(folder, `${u.code}.asice`), submission, evidence: packEvidence, signer, now: new Date() });
}
await signer.close();
backend.close();
rmSync(evDir, { recursive: true, force: true });
const files = readdirSync(folder).map((n) => join(folder, n));
const totalMib = files.reduce((n, f) => n + statSync(f).size, 0) / 1048576;

type Sample = { wallS: number; rssKb: number; selfRssKb: number | null; treeRssKb: number | null; inProcessS: number | null };
type Contender = { id: 'sha256sum' | 'import' | 'importCold' | 'import1' | 'copy' | 'floor' | 'pipeline'; label: string; before?: () => void; cmd: () => string[] };

// The importer and the verification worker compiled to JavaScript (as the packaged app ships them), next to
// each other so the host's launcher (electron/workers/launch.ts) finds verify-worker.js; under .cache/ so the
// external packages resolve from the project's node_modules.
const built = join(process.cwd(), '.cache', 'bench-batch-import');
rmSync(built, { recursive: true, force: true });
execFileSync(join(process.cwd(), 'node_modules', '.bin', 'esbuild'), [
  join(process.cwd(), 'bench', 'batch-import-child.ts'),
  join(process.cwd(), 'bench', 'batch-import-floor.ts'),
  join(process.cwd(), 'bench', 'batch-import-pipeline-floor.ts'),
  join(process.cwd(), 'bench', 'batch-import-pipeline-floor-worker.ts'),
  '--bundle', '--splitting', '--platform=node', '--format=esm', '--target=node20', '--packages=external', '--log-level=warning', '--entry-names=[name]', `--outdir=${built}`,
]);
// The verification worker exactly as `npm run build` writes it: one file, its dependencies bundled.
execFileSync(process.execPath, [join(process.cwd(), 'scripts', 'verify-worker-build.mjs'), join(built, 'verify-worker.js')]);
const node = process.execPath;
const runData = join(work, 'data-run');
const copyDir = join(work, 'copy-run');

/** One spawn, timed by bench/process-runs.ts; the importer also reports its own clock and memory. */
const runOnce = (c: Contender): Sample => {
  c.before?.();
  const { wallS, rssKb, stdout: out } = timeProcess(c.cmd(), { work, inputs: files, what: c.id });
  const json = out.startsWith('{') ? (JSON.parse(out) as { ms: number; maxRssKb: number; treePeakKb: number; accepted: number }) : null;
  if ((c.id.startsWith('import') || c.id === 'pipeline') && json?.accepted !== PACKAGES) throw new Error(`${c.id} accepted ${json?.accepted} of ${PACKAGES}`);
  return { wallS, rssKb, selfRssKb: json?.maxRssKb ?? null, treeRssKb: json?.treePeakKb ?? null, inProcessS: json?.ms === undefined ? null : json.ms / 1000 };
};

const group: Contender[] = [
  { id: 'sha256sum', label: `baseline \`sha256sum\` of the ${PACKAGES} packages`, cmd: () => ['sha256sum', ...files] },
  {
    // Not a target: what storing the same bytes durably costs on this disk (the import must write every
    // evidence byte into the store and fsync it before its transaction commits), to read the ratio against.
    id: 'copy',
    label: `reference: \`cp\` of the ${PACKAGES} packages into one folder, then \`sync\` of the copies (durable copy)`,
    before: () => {
      rmSync(copyDir, { recursive: true, force: true });
      mkdirSync(copyDir);
    },
    cmd: () => ['sh', '-c', 'cp -t "$0" "$@" && sync "$0"/*', copyDir, ...files],
  },
  {
    // Not a target either: the bytes' share of the import's work (read once, two SHA-256, a durable copy) in
    // one Node process, without verification, rules or database (bench/batch-import-floor.ts).
    id: 'floor',
    label: `reference: one Node process reads each package once, computes two SHA-256 over it and writes a durable copy (the bytes' share of an import)`,
    before: () => {
      rmSync(copyDir, { recursive: true, force: true });
      mkdirSync(copyDir);
    },
    cmd: () => [node, join(built, 'batch-import-floor.js'), folder, copyDir],
  },
  {
    // Not a target either: the import's shape — an importer and two worker processes, every byte read once,
    // two SHA-256 and a CRC-32, a staging file fsynced, a rename and one SQLite transaction per package — with
    // none of its checks and none of its modules (bench/batch-import-pipeline-floor.ts). What is left of the
    // target's time for verifying, once the app's processes have done this, is the difference to 1.00.
    id: 'pipeline',
    label: `reference: the pipeline floor — an importer and two workers do the import's byte work (read once, two SHA-256, CRC-32, staging file fsynced) and commit one SQLite row per package, with no check and no app module`,
    before: () => {
      rmSync(copyDir, { recursive: true, force: true });
      mkdirSync(copyDir);
    },
    cmd: () => [node, join(built, 'batch-import-pipeline-floor.js'), folder, copyDir],
  },
  {
    id: 'import',
    label: `**batch import** of the ${PACKAGES} packages (verify in two workers, register rules, evidence into the store, SQLite)`,
    // Untimed: a fresh copy of the prepared data folder (the register, the trust anchor, no imports yet).
    before: () => {
      rmSync(runData, { recursive: true, force: true });
      cpSync(template, runData, { recursive: true });
    },
    cmd: () => [node, join(built, 'batch-import-child.js'), runData, folder],
  },
  {
    // The same import with one verification worker instead of VERIFY_WORKERS (services/bundle/verify/spare-workers.ts):
    // the evidence for that number, measured in the same run.
    id: 'import1',
    label: `batch import with one verification worker (the default before stop 23)`,
    before: () => {
      rmSync(runData, { recursive: true, force: true });
      cpSync(template, runData, { recursive: true });
    },
    cmd: () => [node, join(built, 'batch-import-child.js'), runData, folder, '1'],
  },
  {
    // The same import with its workers started when the import starts, not warmed before the backend loads
    // (services/bundle/verify/spare-workers.ts; the app warms them while its folder dialog is open). Its
    // in-process time, counted from a loaded backend, is what the app's user waits for after choosing a folder.
    id: 'importCold',
    label: `batch import with its verification workers started by the import, not warmed (before stop 24)`,
    before: () => {
      rmSync(runData, { recursive: true, force: true });
      cpSync(template, runData, { recursive: true });
    },
    cmd: () => [node, join(built, 'batch-import-child.js'), runData, folder, '-', 'cold'],
  },
];

// Rotated rounds: on the machine of stop 23 the run right after the floor's 300 MiB of writes was often the slow one.
const samples = interleaved(group, RUNS, runOnce, (c, s, r) => process.stdout.write(`  run ${r + 1}/${RUNS} ${c.id}: ${s.wallS.toFixed(2)} s\n`));
const loadAfter = loadavg();
if (process.env.BENCH_KEEP) process.stdout.write(`kept ${work}\n`);
else rmSync(work, { recursive: true, force: true });

const s2 = (v: number): string => v.toFixed(2);
const wallOf = (id: Contender['id']): number => median(samples.get(id)!.map((x) => x.wallS));
const ratio = wallOf('import') / wallOf('sha256sum');
const row = (c: Contender): string => {
  const xs = samples.get(c.id)!;
  const inProc = xs[0]!.inProcessS === null ? '—' : s2(median(xs.map((x) => x.inProcessS!)));
  const self = xs[0]!.selfRssKb === null ? '—' : (Math.max(...xs.map((x) => x.selfRssKb!)) / 1024).toFixed(0);
  const tree = xs[0]!.treeRssKb === null ? '—' : (Math.max(...xs.map((x) => x.treeRssKb!)) / 1024).toFixed(0);
  return `| ${c.label} | ${s2(wallOf(c.id))} | ${s2(Math.min(...xs.map((x) => x.wallS)))}–${s2(Math.max(...xs.map((x) => x.wallS)))} | ${s2(wallOf(c.id) / wallOf('sha256sum'))} | ${inProc} | ${(Math.max(...xs.map((x) => x.rssKb)) / 1024).toFixed(0)} | ${self} | ${tree} |`;
};
const la = (l: number[]): string => l.map((v) => v.toFixed(2)).join(' / ');
// The target is read on the whole import (importer + workers at the same instant), not on its largest process.
const peakMb = Math.max(...samples.get('import')!.map((x) => x.treeRssKb ?? x.rssKb)) / 1024;
const lines = [
  '## Batch import',
  '',
  `Measured by \`npx tsx bench/batch-import.bench.ts${args.filter((a) => a !== '--no-write').length ? ` ${args.filter((a) => a !== '--no-write').join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}`
    + ` (Node ${process.version}, ${cpus().length} CPU(s) shared with other work, ${cpus()[0]?.model.trim() ?? ''};`
    + ` load average 1/5/15 min ${la(loadBefore)} before, ${la(loadAfter)} after).`,
  `Input: ${PACKAGES} signed submission packages (ward set, example answers, one incompressible evidence file each), ${s2(totalMib)} MiB in total, in the page cache before every run.`,
  'Method: each contender is its own process, timed from spawn to exit (wall clock **including** Node start-up and module loading:'
    + ' the importer `bench/batch-import-child.ts` and the verification worker compiled to JavaScript with esbuild, as the app ships them; the CLI\'s stored backend on a fresh copy of a prepared data folder — register of 60 units with their'
    + ` signer, trust anchor); ${RUNS} interleaved runs after one untimed warm-up each (each round in a rotated order, every other round reversed), median shown. "Time ratio" is each contender's`
    + ' median ÷ `sha256sum`\'s median (≤ 1.00 means at least as fast). "In-process" is the importer\'s own clock from its backend loaded to the import\'s end: what the app\'s user waits for once the folder is chosen. The durable copy and the two floors are references, not contenders: the least the disk needs to store the same bytes, the least an import in one Node process does with them, and the least the import\'s three processes do with them before any check. Peak RSS: the largest `/usr/bin/time %M` of the runs'
    + ' (the largest single process of the tree: the importer or one of its verification workers), the importer\'s own'
    + ' `process.resourceUsage().maxRSS`, and the whole import: the importer\'s and its workers\' resident memory together, shared file pages such as Node\'s own code counted once (within 2 MiB of their summed PSS), sampled every 50 ms by the importer from /proc — the figure the < 300 MB target is read on.',
  '',
  '| Contender | Median wall (s) | Range (s) | Time ratio | In-process median (s) | Peak RSS (MiB) | Importer maxRSS (MiB) | Importer + workers peak (MiB) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...group.map(row),
  '',
  `Batch import takes **${s2(ratio)}×** the time of \`sha256sum\` over the same bytes (target ≤ 1.00: ${ratio <= 1 ? 'met' : '**not met**'});`
    + ` with its workers not warmed ${s2(wallOf('importCold') / wallOf('sha256sum'))}×;`
    + ` with one verification worker it takes ${s2(wallOf('import1') / wallOf('sha256sum'))}×;`
    + ` a durable copy of the same bytes alone takes ${s2(wallOf('copy') / wallOf('sha256sum'))}×, so the import takes ${s2(wallOf('import') / wallOf('copy'))}× the durable copy;`
    + ` the bytes' share of the work in one Node process (read once, two SHA-256, a durable copy) takes ${s2(wallOf('floor') / wallOf('sha256sum'))}×;`
    + ` the pipeline floor (the import's processes, bytes and commits, no check) takes ${s2(wallOf('pipeline') / wallOf('sha256sum'))}×;`
    + ` peak memory of the importer and its workers together ${peakMb.toFixed(0)} MiB (target < 300 MB: ${peakMb * 1.048576 < 300 ? 'met' : '**not met**'}).`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
if (write) {
  const doc = join(process.cwd(), 'docs', 'performance.md');
  const prev = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Performance\n';
  const re = /## Batch import\n[\s\S]*?(?=\n### |\n## |$)/;
  const section = lines.join('\n');
  const next = re.test(prev) ? prev.replace(re, section) : `${prev.trimEnd()}\n\n${section}`;
  writeFileSync(doc, next.endsWith('\n') ? next : `${next}\n`);
}

/**
 * Bundle benchmark: ~1 GiB of incompressible evidence (200 files) in the page cache.
 *   pack   (write + sign the .asice, fsync)  vs  yazl alone on the same files  vs  `zip -0 -q -r` + `sync FILE`
 *   verify (full verification, steps 1–9)    vs  `sha256sum` over the same files
 * Every contender is its own process and is timed from spawn to exit (wall clock INCLUDING Node start-up
 * and module loading), interleaved: run 1 of each, then run 2 of each…, median of --runs (default 5), one
 * untimed warm-up each. Ratios are against the baseline measured in the same run. Peak RSS: /usr/bin/time %M.
 * Writes the figures into docs/performance.md under "## Bundle" (up to "### Zip writer decision").
 * Run: npx tsx bench/bundle.bench.ts [--size-mib 1024] [--runs 5] [--no-write]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const FILES = 200;
const args = process.argv.slice(2);
const arg = (name: string, def: number): number => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : def);

type Listed = { file: string; size: number; sha256: string };
const listing = (evDir: string): Listed[] => JSON.parse(readFileSync(join(evDir, 'index.json'), 'utf8')) as Listed[];

// ---------- child modes (each contender runs in its own process) ----------
if (args[0] === '--child') {
  const mode = args[1];
  const t0 = performance.now();
  if (mode === 'pack') {
    const [, , evDir, out, p12, pwdEnv] = args;
    const { openP12Signer } = await import('../electron/backend/services/signing/p12-signer');
    const { packBundle } = await import('../electron/backend/services/bundle/pack');
    const { SUBMISSION_FORMAT } = await import('../shared/schemas/submission');
    const evidence = listing(evDir!).map((e, i) => ({ path: `evidence/${String(i + 1).padStart(4, '0')}.pdf`, source: join(evDir!, e.file), size: e.size, sha256: e.sha256 }));
    const signer = await openP12Signer(readFileSync(p12!), process.env[pwdEnv!] ?? '');
    const started = performance.now();
    await packBundle({
      out: out!,
      signer,
      now: new Date(),
      evidence,
      submission: {
        format: SUBMISSION_FORMAT,
        submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        revision: 1,
        supersedes: null,
        createdAt: new Date().toISOString(),
        app: { name: 'bench', version: '0' },
        agency: { code: 'BENCH', name: 'Bench' },
        period: '2025',
        indicatorSet: { id: 'bench', version: '1', sha256: '0'.repeat(64) },
        answers: [],
        evidence: evidence.map((e) => ({ path: e.path, originalName: `${e.path}.pdf`, mediaType: 'application/pdf', size: e.size, sha256: e.sha256 })),
      },
    });
    process.stdout.write(JSON.stringify({ ms: performance.now() - started, totalMs: performance.now() - t0 }));
  } else if (mode === 'yazl') {
    // yazl alone: the same files STORED into a zip and fsynced; no hashing, no signature.
    const [, , evDir, out] = args;
    const { default: yazl } = await import('yazl');
    const started = performance.now();
    const zip = new yazl.ZipFile();
    listing(evDir!).forEach((e, i) => zip.addFile(join(evDir!, e.file), `evidence/${String(i + 1).padStart(4, '0')}.pdf`, { compress: false, forceDosTimestamp: true }));
    zip.end();
    const fd = openSync(out!, 'wx');
    await pipeline(zip.outputStream, createWriteStream('', { fd, autoClose: false }));
    const { fsyncSync } = await import('node:fs');
    fsyncSync(fd);
    closeSync(fd);
    process.stdout.write(JSON.stringify({ ms: performance.now() - started, totalMs: performance.now() - t0 }));
  } else if (mode === 'verify') {
    const [, , bundle, ca] = args;
    const { verifyBundle } = await import('../electron/backend/services/bundle/verify/verify-bundle');
    const { loadTrustStore } = await import('../electron/backend/services/bundle/verify/trust');
    const started = performance.now();
    const r = await verifyBundle(bundle!, { trust: loadTrustStore(ca!) });
    if (r.status === 'INVALID') throw new Error(`bench bundle invalid: ${r.code} ${r.detail}`);
    process.stdout.write(JSON.stringify({ ms: performance.now() - started, totalMs: performance.now() - t0, status: r.status }));
  }
  process.exit(0);
}

// ---------- parent ----------
const sizeMib = arg('size-mib', 1024);
const RUNS = arg('runs', 5);
const write = !args.includes('--no-write');
const perFile = Math.floor((sizeMib * 1024 * 1024) / FILES);
const work = mkdtempSync(join(tmpdir(), 'cchc-bench-bundle-'));
const evDir = join(work, 'evidence');
mkdirSync(evDir);
const loadBefore = loadavg();

const { createTestPki, ASCII_PASSWORD } = await import('../test/helpers/pki');
mkdirSync(join(work, 'pki'));
const pki = await createTestPki(join(work, 'pki'));

process.stdout.write(`Writing ${FILES} × ${(perFile / 1048576).toFixed(1)} MiB of random data to ${evDir}…\n`);
const index: Listed[] = [];
const chunk = Buffer.alloc(1024 * 1024);
for (let i = 0; i < FILES; i++) {
  const file = `f${String(i).padStart(4, '0')}.bin`;
  const fd = openSync(join(evDir, file), 'w');
  const h = createHash('sha256');
  for (let left = perFile; left > 0; ) {
    const n = Math.min(left, chunk.length);
    randomBytes(n).copy(chunk);
    writeSync(fd, chunk, 0, n);
    h.update(chunk.subarray(0, n));
    left -= n;
  }
  closeSync(fd);
  index.push({ file, size: perFile, sha256: h.digest('hex') });
}
writeFileSync(join(evDir, 'index.json'), JSON.stringify(index));
const dataFiles = index.map((e) => join(evDir, e.file));
const mib = (index.length * perFile) / 1048576;

type Sample = { wallS: number; rssKb: number; inProcessS: number | null };
type Contender = { id: string; label: string; out: string | null; cmd: () => string[]; env?: NodeJS.ProcessEnv };

/** Spawns one contender under /usr/bin/time (peak RSS); the wall time is taken here, spawn to exit. */
const runOnce = (c: Contender): Sample => {
  if (c.out) rmSync(c.out, { force: true });
  execFileSync('sync'); // the previous contender's dirty pages are not billed to this one
  execFileSync('cat', dataFiles, { stdio: ['ignore', 'ignore', 'inherit'] }); // inputs in the page cache
  const fmt = join(work, 'time.txt');
  const [cmd, ...argv] = c.cmd();
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', fmt, cmd!, ...argv], { cwd: work, env: { ...process.env, ...c.env }, maxBuffer: 64 * 1024 * 1024 });
  const wallS = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${c.id} failed: ${r.stderr.toString().slice(0, 800)}`);
  const out = r.stdout.toString().trim();
  const inProcessS = out.startsWith('{') ? (JSON.parse(out) as { ms: number }).ms / 1000 : null;
  return { wallS, rssKb: Number(readFileSync(fmt, 'utf8').trim().split(/\s+/).at(-1)), inProcessS };
};

const node = process.execPath;
const self = join(process.cwd(), 'bench', 'bundle.bench.ts');
// Children run with cwd = the work folder (zip needs relative paths): load tsx by its resolved URL.
const tsxLoader = import.meta.resolve('tsx');
const child = (...a: string[]) => () => [node, '--import', tsxLoader, self, '--child', ...a];
const outOf = (name: string) => join(work, name);
const bundle = outOf('pack.asice');
const zipOut = outOf('baseline.zip');
const packGroup: Contender[] = [
  { id: 'zip', label: 'baseline `zip -0 -q -r` + `sync FILE`', out: zipOut, cmd: () => ['sh', '-c', `zip -0 -q -r ${zipOut} evidence && sync ${zipOut}`] },
  {
    id: 'pack',
    label: '**pack** (zip with yazl + SHA-256 of each file and of the bundle + CAdES signature)',
    out: bundle,
    cmd: child('pack', evDir, bundle, pki.p12.modernAscii, 'BENCH_P12'),
    env: { BENCH_P12: ASCII_PASSWORD },
  },
  { id: 'yazl', label: 'yazl alone (stored, no hashing, no signature) + fsync', out: outOf('yazl.zip'), cmd: child('yazl', evDir, outOf('yazl.zip')) },
];

/** Interleaved: one untimed warm-up of each, then run r of every contender before run r + 1 of any. */
const measure = (group: Contender[]): Map<string, Sample[]> => {
  const samples = new Map(group.map((c) => [c.id, [] as Sample[]]));
  for (const c of group) runOnce(c);
  for (let r = 0; r < RUNS; r++) {
    for (let i = 0; i < group.length; i++) {
      const c = group[(i + r) % group.length]!; // rotate the order so no contender always goes first
      samples.get(c.id)!.push(runOnce(c));
      process.stdout.write(`  run ${r + 1}/${RUNS} ${c.id}: ${samples.get(c.id)!.at(-1)!.wallS.toFixed(2)} s\n`);
    }
  }
  return samples;
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

process.stdout.write('Pack group…\n');
const packSamples = measure(packGroup);
// The bundle to verify is the last one pack wrote.
if (!existsSync(bundle)) runOnce(packGroup.find((c) => c.id === 'pack')!);
const verifyGroup: Contender[] = [
  { id: 'sha256sum', label: 'baseline `sha256sum` of the 200 files', out: null, cmd: () => ['sha256sum', ...dataFiles] },
  { id: 'verify', label: '**verify** (steps 1–9)', out: null, cmd: child('verify', bundle, pki.caFile) },
];
process.stdout.write('Verify group…\n');
const verifySamples = measure(verifyGroup);
const loadAfter = loadavg();

const s2 = (v: number): string => v.toFixed(2);
const row = (c: Contender, samples: Map<string, Sample[]>, baseline: string): string[] => {
  const xs = samples.get(c.id)!;
  const wall = median(xs.map((x) => x.wallS));
  const inProc = xs[0]!.inProcessS === null ? null : median(xs.map((x) => x.inProcessS!));
  const base = median(samples.get(baseline)!.map((x) => x.wallS));
  return [
    c.label,
    s2(wall),
    `${s2(Math.min(...xs.map((x) => x.wallS)))}–${s2(Math.max(...xs.map((x) => x.wallS)))}`,
    c.id === baseline ? '1.00×' : `${s2(base / wall)}×`,
    inProc === null ? '—' : s2(inProc),
    (Math.max(...xs.map((x) => x.rssKb)) / 1024).toFixed(0),
  ];
};
const wallOf = (samples: Map<string, Sample[]>, id: string): number => median(samples.get(id)!.map((x) => x.wallS));
const zipS = wallOf(packSamples, 'zip');
const packS = wallOf(packSamples, 'pack');
const yazlS = wallOf(packSamples, 'yazl');
const verifyRatio = wallOf(verifySamples, 'sha256sum') / wallOf(verifySamples, 'verify');
const la = (l: number[]): string => l.map((v) => v.toFixed(2)).join(' / ');
const lines = [
  '## Bundle',
  '',
  `Measured by \`npx tsx bench/bundle.bench.ts${sizeMib !== 1024 ? ` --size-mib ${sizeMib}` : ''}\` on ${new Date().toISOString().slice(0, 10)}`
    + ` (Node ${process.version}, ${cpus().length} CPU(s) shared with other work, ${cpus()[0]?.model.trim() ?? ''};`
    + ` load average 1/5/15 min ${la(loadBefore)} before, ${la(loadAfter)} after).`,
  `Input: ${FILES} random (incompressible) files, ${mib.toFixed(0)} MiB in total, in the page cache before every run.`,
  `Method: every contender is its own process, timed from spawn to exit (wall clock **including** Node start-up and`
    + ` module loading: \`node --import tsx\`), with fsync of the output as the app does; ${RUNS} interleaved runs after one`
    + ' untimed warm-up each, median shown. "Speed" is the baseline\'s median ÷ the contender\'s median, same run.'
    + ' Peak RSS: the largest `/usr/bin/time %M` of the runs.',
  '',
  '| Contender | Median wall (s) | Range (s) | Speed vs baseline | In-process median (s) | Peak RSS (MiB) |',
  '|---|---:|---:|---:|---:|---:|',
  ...packGroup.map((c) => `| ${row(c, packSamples, 'zip').join(' | ')} |`),
  ...verifyGroup.map((c) => `| ${row(c, verifySamples, 'sha256sum').join(' | ')} |`),
  '',
  `Pack is **${s2(zipS / packS)}×** the speed of \`zip -0\` and **${s2(yazlS / packS)}×** the speed of yazl alone`
    + ` (pack also hashes every byte twice on a worker thread and signs); verify is **${s2(verifyRatio)}×** the speed of \`sha256sum\`.`,
  `Bundle: ${(statSync(bundle).size / 1048576).toFixed(1)} MiB.`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
if (write) {
  const doc = join(process.cwd(), 'docs', 'performance.md');
  const prev = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Performance\n';
  const re = /## Bundle\n[\s\S]*?(?=\n### Zip writer decision|\n## |$)/;
  const section = lines.join('\n');
  const next = re.test(prev) ? prev.replace(re, section) : `${prev.trimEnd()}\n\n${section}`;
  writeFileSync(doc, next.endsWith('\n') ? next : `${next}\n`);
}
rmSync(work, { recursive: true, force: true });

/**
 * Scoring benchmark: a full recompute of the sở sample set with every node answered (the shipped example),
 * against two baselines measured in the same run on the same machine:
 *   - JSON.parse of the set file (what loading the set costs anyway),
 *   - a plain loop summing as many integers as the set has nodes (the floor for any roll-up).
 * Then the same work as a user runs it: `cchc score` as its own process timed spawn to exit (start-up
 * included), interleaved with two process baselines: plain `node` parsing the same two JSON files, and
 * `cchc --help` (the CLI's own start-up with no work); median of 5 runs after one warm-up each.
 * Run: npx tsx bench/scoring.bench.ts [--write]   (--write updates the "## Scoring" section of docs/performance.md)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

import { allNodes } from '../shared/domain/indicator-tree';
import { scoreAssessment } from '../shared/domain/scoring/index';
import { portableAnswersFileSchema } from '../shared/schemas/answers';
import { parseIndicatorSet } from '../shared/schemas/indicator-set-validate';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const setText = readFileSync(root('resources/indicator-sets/hp-2025-so.json'), 'utf8');
const set = parseIndicatorSet(JSON.parse(setText));
const answers = portableAnswersFileSchema.parse(JSON.parse(readFileSync(root('resources/examples/hp-2025-so-answers.json'), 'utf8'))).answers;
const nodeCount = allNodes(set).length;
const ints = Array.from({ length: nodeCount }, (_, i) => i * 7 + 1);

/** Median of `rounds` timings of `iterations` calls, in microseconds per call. */
const time = (fn: () => unknown, iterations: number, rounds = 7): number => {
  for (let i = 0; i < iterations; i++) fn(); // warm-up (JIT)
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    per.push(Number(process.hrtime.bigint() - t0) / 1000 / iterations);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)]!;
};

let sink = 0;
const score = time(() => {
  sink += scoreAssessment(set, answers).final;
}, 2000);
const parse = time(() => {
  sink += (JSON.parse(setText) as { nodes: unknown[] }).nodes.length;
}, 2000);
const loop = time(() => {
  let s = 0;
  for (let i = 0; i < ints.length; i++) s += ints[i]!;
  sink += s;
}, 200_000);

const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`);
const lines = [
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, shared), Node ${process.version}`,
  `Set: hp-2025-so, ${nodeCount} nodes, ${answers.length} answers (every leaf answered)`,
  '',
  '| Measurement (median of 7 rounds) | Time per call | Full recompute ÷ this |',
  '|---|---|---|',
  `| Full recompute: scoreAssessment (every node, roll-ups, index, classification) | ${fmt(score)} | 1 |`,
  `| Baseline: JSON.parse of the set file (${(setText.length / 1024).toFixed(0)} kB) | ${fmt(parse)} | ${(score / parse).toFixed(2)} × |`,
  `| Baseline: plain loop summing ${nodeCount} integers | ${fmt(loop)} | ${(score / loop).toFixed(0)} × |`,
  '',
  `Target < 1 ms per full recompute: ${score < 1000 ? 'MET' : 'NOT MET'} (${fmt(score)}).`,
];
// ---------- process level: spawn to exit, interleaved ----------
const setFile = root('resources/indicator-sets/hp-2025-so.json');
const answersFile = root('resources/examples/hp-2025-so-answers.json');
const cli = root('bin/cchc');
const contenders = [
  { id: 'node', label: 'Baseline: `node` reading and parsing the set and answers files', argv: ['-e', `const f=require('fs');JSON.parse(f.readFileSync(${JSON.stringify(setFile)}));JSON.parse(f.readFileSync(${JSON.stringify(answersFile)}))`] },
  { id: 'help', label: 'Baseline: `cchc --help` (the CLI starting, no work)', argv: [cli, '--help'] },
  { id: 'score', label: '**`cchc score --set … --answers …`** (parse, validate, score, print)', argv: [cli, 'score', '--set', setFile, '--answers', answersFile] },
];
const wall = new Map(contenders.map((c) => [c.id, [] as number[]]));
const runOnce = (c: (typeof contenders)[number]): number => {
  const t = performance.now();
  const r = spawnSync(process.execPath, c.argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${c.id} failed: ${r.stderr.slice(0, 500)}`);
  return performance.now() - t;
};
for (const c of contenders) runOnce(c);
for (let r = 0; r < 5; r++) contenders.forEach((_, i) => { const c = contenders[(i + r) % contenders.length]!; wall.get(c.id)!.push(runOnce(c)); });
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[2]!;
const base = med(wall.get('node')!);
lines.push('', 'As a process (spawn to exit, Node start-up included; median of 5 interleaved runs after one warm-up):', '', '| Contender | Median (ms) | Range (ms) | ÷ plain node |', '|---|---:|---:|---:|');
for (const c of contenders) {
  const w = wall.get(c.id)!;
  lines.push(`| ${c.label} | ${med(w).toFixed(0)} | ${Math.min(...w).toFixed(0)}–${Math.max(...w).toFixed(0)} | ${(med(w) / base).toFixed(2)} × |`);
}
lines.push('', `\`cchc score\` − \`cchc --help\` = ${(med(wall.get('score')!) - med(wall.get('help')!)).toFixed(0)} ms: almost all of a CLI run is Node + tsx start-up and module loading, not scoring.`);
console.log(lines.join('\n'));
if (sink === -1) console.log(sink); // keep the work observable

if (process.argv.includes('--write')) {
  const file = root('docs/performance.md');
  const section = `## Scoring\n\nMeasured by \`npx tsx bench/scoring.bench.ts --write\`.\n\n${lines.join('\n')}\n`;
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const re = /## Scoring\n[\s\S]*?(?=\n## |$)/;
  doc = re.test(doc) ? doc.replace(re, section.trimEnd() + '\n') : `${doc.trimEnd()}\n\n${section}`;
  writeFileSync(file, doc);
  console.log(`\nWrote the "## Scoring" section of ${file}`);
}

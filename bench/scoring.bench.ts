/**
 * Scoring benchmark: a full recompute of the sở sample set with every node answered (the shipped example),
 * against two baselines measured in the same run on the same machine:
 *   - JSON.parse of the set file (what loading the set costs anyway),
 *   - a plain loop summing as many integers as the set has nodes (the floor for any roll-up).
 * Run: npx tsx bench/scoring.bench.ts [--write]   (--write updates the "## Scoring" section of docs/performance.md)
 */
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

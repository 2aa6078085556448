/**
 * How the process benchmarks time their contenders (bench/batch-import.bench.ts, bench/evidence.bench.ts):
 * each run is one spawn under /usr/bin/time, timed here from spawn to exit, after a `sync` (the previous run's
 * dirty pages are not billed to this one) and a read of the inputs (they start in the page cache); the runs are
 * interleaved, one untimed warm-up of each contender first, then rounds in a rotated order, every other round
 * reversed, so no contender always follows the same one; the median is what the benches report.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ProcessRun = { wallS: number; rssKb: number; stdout: string };

/** One spawn of `cmd` under /usr/bin/time (peak RSS in KiB from its %M); throws with stderr when it fails. */
export const timeProcess = (cmd: readonly string[], o: { work: string; inputs: readonly string[]; what: string }): ProcessRun => {
  execFileSync('sync');
  execFileSync('cat', [...o.inputs], { stdio: ['ignore', 'ignore', 'inherit'] });
  const fmt = join(o.work, 'time.txt');
  const [bin, ...argv] = cmd;
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', fmt, bin!, ...argv], { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 });
  const wallS = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${o.what} failed: ${r.stderr.toString().slice(0, 1200)}`);
  return { wallS, rssKb: Number(readFileSync(fmt, 'utf8').trim().split(/\s+/).at(-1)), stdout: r.stdout.toString().trim() };
};

/** Every contender once untimed, then `runs` rotated rounds; the samples of each contender by id. */
export const interleaved = <C extends { id: string }, S>(group: readonly C[], runs: number, runOnce: (c: C) => S, onSample?: (c: C, s: S, round: number) => void): Map<C['id'], S[]> => {
  const samples = new Map<C['id'], S[]>(group.map((c) => [c.id, []]));
  for (const c of group) runOnce(c);
  for (let r = 0; r < runs; r++) {
    const rotated = group.map((_, i) => group[(i + r) % group.length]!);
    for (const c of r % 2 ? rotated.reverse() : rotated) {
      const s = runOnce(c);
      samples.get(c.id)!.push(s);
      onSample?.(c, s, r);
    }
  }
  return samples;
};

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

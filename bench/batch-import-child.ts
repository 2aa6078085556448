/**
 * The importing process of bench/batch-import.bench.ts: Sở Nội vụ's batch import of a folder exactly as the
 * app runs it (the CLI's stored backend, the host's worker launcher, services/inbox/import-batch.ts). The bench
 * compiles this file and the verification worker to JavaScript first, as the packaged app ships them, so the
 * timing includes Node start-up but not tsx compiling TypeScript.
 * It also samples, every 20 ms, the memory of itself plus its child processes (the verification workers; PSS,
 * so pages they share count once), so the bench can report the import's whole footprint, not only its largest
 * process.
 * Usage: node batch-import-child.js <data folder> <packages folder> [verification workers]
 */
import { readdirSync, readFileSync } from 'node:fs';

import { withStoredBackend } from '../electron/cli/stored-backend';
import { importBatch, listBatchFolder } from '../electron/backend/services/inbox/import-batch';

const [dataDir, folder, workers] = process.argv.slice(2);

/**
 * Proportional set size of a process in KiB (0 once it is gone): its own pages plus its share of pages mapped
 * by several processes (the Node binary's code, which each worker maps too), so the sum over the tree counts
 * every page once. Linux /proc, like the bench's /usr/bin/time.
 */
const pssKb = (pid: string): number => {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};
/** This process's children: field 4 of /proc/<pid>/stat is the parent (after the parenthesised name). */
const children = (): string[] =>
  readdirSync('/proc').filter((p) => {
    if (!/^\d+$/.test(p)) return false;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
    } catch {
      return false;
    }
  });
let treePeakKb = 0;
const sample = (): void => {
  treePeakKb = Math.max(treePeakKb, [String(process.pid), ...children()].reduce((n, p) => n + pssKb(p), 0));
};
const sampler = setInterval(sample, 20);

const t0 = performance.now();
const r = await withStoredBackend(dataDir!, process.cwd(), (b) => importBatch(b.ctx, listBatchFolder(folder!), workers ? { verifyWorkers: Number(workers) } : {}));
clearInterval(sampler);
if (r.accepted !== r.total) throw new Error(`bench packages refused: ${JSON.stringify(r.files.filter((f) => f.outcome === 'refused'))}`);
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, accepted: r.accepted, maxRssKb: process.resourceUsage().maxRSS, treePeakKb }));

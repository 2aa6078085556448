/**
 * The importing process of bench/batch-import.bench.ts: Sở Nội vụ's batch import of a folder exactly as the
 * app runs it (the CLI's stored backend, the host's worker launcher, services/inbox/import-batch.ts). The bench
 * compiles this file and the verification worker to JavaScript first, as the packaged app ships them, so the
 * timing includes Node start-up but not tsx compiling TypeScript.
 * It also samples, every 50 ms, the memory of itself plus its child processes (the verification workers; pages
 * they share counted once), so the bench can report the import's whole footprint, not only its largest process.
 * Usage: node batch-import-child.js <data folder> <packages folder> [verification workers, or - for the default] [cold]
 */
import { readdirSync, readFileSync } from 'node:fs';

import { VERIFY_WORKERS, warmVerifyWorkers } from '../electron/backend/services/bundle/verify/spare-workers';
import { launchWorker } from '../electron/workers/launch';

const [dataDir, folder, workersArg, cold] = process.argv.slice(2);
const workers = workersArg && workersArg !== '-' ? workersArg : undefined;

// As the app does while its folder dialog is open (handlers/inbox.ts): the workers start before this
// process loads the backend, which in the app is already loaded. `cold`: as before stop 24, the import starts them.
if (cold !== 'cold') warmVerifyWorkers(launchWorker, workers ? Number(workers) : VERIFY_WORKERS);
const { withStoredBackend } = await import('../electron/cli/stored-backend');
const { importBatch, listBatchFolder } = await import('../electron/backend/services/inbox/import-batch');

/**
 * Resident memory of a process from /proc/<pid>/status in KiB: anonymous + shared-memory pages, which are its
 * own, and file-backed pages (mostly Node's own code, mapped by every process of the tree). All zero once it is
 * gone. Cheap to read, unlike smaps_rollup's PSS, which cost the importer a fifth of its CPU at this rate.
 */
const residentKb = (pid: string): { own: number; file: number } => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { own: field('RssAnon') + field('RssShmem'), file: field('RssFile') };
  } catch {
    return { own: 0, file: 0 };
  }
};
/** This process's children: field 4 of /proc/<pid>/stat is the parent (after the parenthesised name). */
const childrenOf = (): string[] =>
  readdirSync('/proc').filter((p) => {
    if (!/^\d+$/.test(p)) return false;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
    } catch {
      return false;
    }
  });
/**
 * The tree's memory: every process's own pages plus the largest file-backed share once (the file pages are
 * the same Node binary and libraries in each; counting them once is what PSS would say, within a few MiB).
 */
let treePeakKb = 0;
let children: string[] = [];
let tick = 0;
const sample = (): void => {
  if (tick++ % 5 === 0) children = childrenOf(); // a worker starts or is replaced rarely; scanning /proc is the dear part
  const all = [String(process.pid), ...children].map(residentKb);
  treePeakKb = Math.max(treePeakKb, all.reduce((n, m) => n + m.own, 0) + Math.max(...all.map((m) => m.file)));
};
const sampler = setInterval(sample, 50);

// The in-process time starts here, as in the app once the folder is chosen: the backend loaded, the workers warming.
const t0 = performance.now();
const r = await withStoredBackend(dataDir!, process.cwd(), (b) => importBatch(b.ctx, listBatchFolder(folder!), workers ? { verifyWorkers: Number(workers) } : {}));
clearInterval(sampler);
if (r.accepted !== r.total) throw new Error(`bench packages refused: ${JSON.stringify(r.files.filter((f) => f.outcome === 'refused'))}`);
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, accepted: r.accepted, maxRssKb: process.resourceUsage().maxRSS, treePeakKb }));

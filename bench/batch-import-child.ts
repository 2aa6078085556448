/**
 * The importing process of bench/batch-import.bench.ts: Sở Nội vụ's batch import of a folder exactly as the
 * app runs it (the CLI's stored backend, the host's worker launcher, services/inbox/import-batch.ts). The bench
 * compiles this file and the verification worker to JavaScript first, as the packaged app ships them, so the
 * timing includes Node start-up but not tsx compiling TypeScript.
 * Usage: node batch-import-child.js <data folder> <packages folder> [verification workers]
 */
import { withStoredBackend } from '../electron/cli/stored-backend';
import { importBatch, listBatchFolder } from '../electron/backend/services/inbox/import-batch';

const [dataDir, folder, workers] = process.argv.slice(2);
const t0 = performance.now();
const r = await withStoredBackend(dataDir!, process.cwd(), (b) => importBatch(b.ctx, listBatchFolder(folder!), workers ? { verifyWorkers: Number(workers) } : {}));
if (r.accepted !== r.total) throw new Error(`bench packages refused: ${JSON.stringify(r.files.filter((f) => f.outcome === 'refused'))}`);
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, accepted: r.accepted, maxRssKb: process.resourceUsage().maxRSS }));

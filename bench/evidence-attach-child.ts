/**
 * The attaching process of bench/evidence.bench.ts: one evidence file attached to a draft assessment of an
 * existing data folder, as the app does it (the CLI's stored backend, services/evidence/attach.ts: stream copy
 * into the content-addressed store with its SHA-256, fsync, rename, row). The bench compiles this file to
 * JavaScript first, as the packaged app ships its code, so the timing includes Node start-up and module
 * loading but not tsx compiling TypeScript.
 * Usage: node evidence-attach-child.js <data folder> <assessment id> <file>
 */
import { withStoredBackend } from '../electron/cli/stored-backend';
import { attachFiles } from '../electron/backend/services/evidence/attach';

const [dataDir, assessmentId, file] = process.argv.slice(2);
const t0 = performance.now();
const r = await withStoredBackend(dataDir!, process.cwd(), (b) =>
  attachFiles(b.ctx.db, b.ctx.dataDir, { assessmentId: assessmentId!, nodeId: 'n1', files: [{ path: file!, name: 'source.pdf' }] }, { maxBytes: Number.MAX_SAFE_INTEGER }),
);
if (r.documents.length !== 1) throw new Error(`not attached: ${JSON.stringify(r.refused)}`);
process.stdout.write(JSON.stringify({ ms: performance.now() - t0 }));

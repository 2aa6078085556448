// The verification worker as the app ships it: ONE ES module with its dependencies bundled (zod, pkijs,
// @peculiar/x509, fast-xml-parser, yauzl…), written beside main's bundle (out/main/verify-worker.js), where
// electron/main/utility-launcher.ts starts it. Every import and every batch import starts this worker: with its
// dependencies external (resolved by Node one package at a time) it took 0.26 s to load, as one file 0.145 s, and
// a 60-package batch import ran 1.71 s instead of 2.35 s (docs/performance.md "Batch import").
// `electron-vite build` runs it once main's bundle is written (a plugin in electron.vite.config.mts), so
// `npm run build`, `npm start` and the packaging steps all ship this file; the bench (bench/batch-import.bench.ts)
// and test/backend/bundle/verify-worker-build.test.ts run the same script (`node scripts/verify-worker-build.mjs
// <outFile>`).
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Builds electron/workers/verify-worker.ts into `outFile`. */
export const buildVerifyWorker = async (outFile) => {
  await build({
    entryPoints: [join(ROOT, 'electron', 'workers', 'verify-worker.ts')],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // The worker never needs Electron; refusing it here keeps it runnable under plain Node as well.
    external: ['electron'],
    // CommonJS dependencies call require(): the ES module gives them one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
};

// `node scripts/verify-worker-build.mjs [outFile]` (default: out/main/verify-worker.js).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildVerifyWorker(resolve(process.argv[2] ?? join(ROOT, 'out', 'main', 'verify-worker.js')));
}

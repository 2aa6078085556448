import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

import { buildVerifyWorker } from './scripts/verify-worker-build.mjs';

// The Electron build: main (ESM), preload (one CommonJS file, required by the sandbox) and renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // Isolated workers started with utilityProcess (see electron/main/utility-launcher.ts). The verification
          // worker is not here: the plugin below writes it as one file with its dependencies bundled
          // (scripts/verify-worker-build.mjs; it starts for every import, docs/performance.md "Batch import").
          'pkcs11-worker': resolve('electron/workers/pkcs11-worker.ts'),
          'xlsx-worker': resolve('electron/workers/xlsx-worker.ts'),
        },
      },
      externalizeDeps: true,
    },
    plugins: [
      {
        name: 'cchc-verify-worker',
        apply: 'build',
        // After main's bundle is written (the build empties out/main first).
        closeBundle: () => buildVerifyWorker(resolve('out/main/verify-worker.js')),
      },
    ],
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    // Minified like the web build (electron-vite leaves the renderer unminified by default).
    build: { outDir: 'out/renderer', minify: true, rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});

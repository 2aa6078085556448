import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// The Electron build: main (ESM), preload (one CommonJS file, required by the sandbox) and renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // Isolated workers started with utilityProcess (see electron/main/utility-launcher.ts).
          'pkcs11-worker': resolve('electron/workers/pkcs11-worker.ts'),
          'verify-worker': resolve('electron/workers/verify-worker.ts'),
          'xlsx-worker': resolve('electron/workers/xlsx-worker.ts'),
        },
      },
      externalizeDeps: true,
    },
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

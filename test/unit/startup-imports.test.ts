import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Start-up cost guard: these packages take 0.3–0.8 s each to load (measured with a bare `import()` on
 * our machines) and are only needed when a file is imported, exported or signed, so the backend reaches
 * them through dynamic imports (electron/backend/services/office-loader.ts and the job code). A static
 * import anywhere on the path from the backend's entry would load them at every start — of the app, the
 * web host, the CLI and each crash-test child. esbuild's metafile gives the static import graph.
 */
const LAZY = ['exceljs', 'pdfmake', 'fontkit', '@libpdf/core'];

const staticChain = async (entry: string): Promise<Map<string, string[]>> => {
  const r = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, metafile: true, logLevel: 'silent' });
  const parents = new Map<string, string>();
  const reached = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const i of r.metafile.inputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement' || reached.has(i.path)) continue;
      reached.add(i.path);
      parents.set(i.path, file);
      queue.push(i.path);
    }
  }
  const chains = new Map<string, string[]>();
  for (const pkg of LAZY) {
    if (!reached.has(pkg)) continue;
    const chain = [pkg];
    for (let p = parents.get(pkg); p; p = parents.get(p)) chain.push(p);
    chains.set(pkg, chain);
  }
  return chains;
};

describe('start-up imports', () => {
  it.each(['electron/backend/backend.ts', 'electron/cli/main.ts'])('%s loads no office or PDF library statically', async (entry) => {
    const chains = await staticChain(entry);
    expect(Object.fromEntries([...chains].map(([k, v]) => [k, v.join(' ← ')]))).toEqual({});
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { CHANNEL_NAMES, splitChannel } from '../../shared/ipc/contract';

/**
 * One name per capability, end to end: the namespace `indicatorSets` lives in
 * shared/ipc/channels/indicator-sets.ts (exporting `indicatorSetsChannels`), is served by
 * electron/backend/handlers/indicator-sets.ts (exporting `indicatorSetsHandlers`), and — where the
 * capability has them — by the service folder electron/backend/services/indicator-sets/ and the renderer
 * feature renderer/src/features/indicator-sets/. docs/architecture.md's capability map shows the same.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHANNELS_DIR = join(ROOT, 'shared/ipc/channels');
const HANDLERS_DIR = join(ROOT, 'electron/backend/handlers');
const SERVICES_DIR = join(ROOT, 'electron/backend/services');
const FEATURES_DIR = join(ROOT, 'renderer/src/features');
const ARCHITECTURE = join(ROOT, 'docs/architecture.md');

/** Handler files that serve no namespace: the map joining the slices, its types, a shared file reader. */
const HANDLER_HELPERS = ['index.ts', 'types.ts', 'single-file.ts'];
/** Service folders that are libraries used by several capabilities (named in the map's library table). */
const SERVICE_LIBRARIES = ['bundle', 'pades', 'admin-document', 'untrusted-xlsx'];
/** Renderer features without a namespace: pages that only compose other features. */
const COMPOSING_PAGES = ['home', 'help'];

const kebab = (namespace: string): string => namespace.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const tsFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
const folders = (dir: string): string[] => readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort();

type ChannelFile = { base: string; exportName: string; channels: string[]; namespaces: string[] };

const loadChannelFiles = async (): Promise<ChannelFile[]> =>
  Promise.all(
    tsFiles(CHANNELS_DIR).map(async (file) => {
      const mod = (await import(join(CHANNELS_DIR, file))) as Record<string, unknown>;
      const maps = Object.entries(mod).filter(([name]) => name.endsWith('Channels'));
      expect(maps.map(([name]) => name), `${file} exports exactly one *Channels map`).toHaveLength(1);
      const [exportName, map] = maps[0]!;
      const channels = Object.keys(map as Record<string, unknown>);
      const namespaces = [...new Set(channels.map((c) => splitChannel(c)[0]))];
      return { base: basename(file, '.ts'), exportName, channels, namespaces };
    }),
  );

/** Rows of the "Capability map" table: namespace → the cells of its row, backticks kept. */
const capabilityMapRows = (): Map<string, string[]> => {
  const text = readFileSync(ARCHITECTURE, 'utf8');
  const start = text.indexOf('## Capability map');
  expect(start, 'docs/architecture.md has a "## Capability map" section').toBeGreaterThanOrEqual(0);
  const section = text.slice(start).split('\n## ')[0]!;
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const rows = new Map<string, string[]>();
  // lines[0] is the header, lines[1] the separator; the first table of the section is the map.
  for (const line of lines.slice(2)) {
    if (!line.startsWith('| `')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const ns = cells[0]!.replace(/`/g, '');
    expect(rows.has(ns), `namespace ${ns} has one row in the capability map`).toBe(false);
    rows.set(ns, cells);
  }
  return rows;
};

describe('one name per capability', () => {
  it('each channel file declares exactly one namespace, named after the file', async () => {
    for (const f of await loadChannelFiles()) {
      expect(f.namespaces, `${f.base}.ts declares one namespace`).toHaveLength(1);
      const ns = f.namespaces[0]!;
      expect(f.base, `namespace ${ns} lives in channels/${kebab(ns)}.ts`).toBe(kebab(ns));
      expect(f.exportName, `channels/${f.base}.ts exports ${ns}Channels`).toBe(`${ns}Channels`);
    }
  });

  it('every contract channel comes from exactly one channel file, and no two files share a namespace', async () => {
    const files = await loadChannelFiles();
    const all = files.flatMap((f) => f.channels);
    expect([...all].sort()).toEqual([...CHANNEL_NAMES].sort());
    const namespaces = files.flatMap((f) => f.namespaces);
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });

  it('each channel file has a handler file of the same name serving exactly its channels', async () => {
    const files = await loadChannelFiles();
    for (const f of files) {
      const ns = f.namespaces[0]!;
      const path = join(HANDLERS_DIR, `${f.base}.ts`);
      expect(existsSync(path), `handlers/${f.base}.ts exists`).toBe(true);
      const mod = (await import(path)) as Record<string, unknown>;
      const slices = Object.entries(mod).filter(([name]) => name.endsWith('Handlers'));
      expect(slices.map(([name]) => name), `handlers/${f.base}.ts exports only ${ns}Handlers`).toEqual([`${ns}Handlers`]);
      expect(Object.keys(slices[0]![1] as Record<string, unknown>).sort(), `handlers/${f.base}.ts serves ${ns}.*`).toEqual(
        [...f.channels].sort(),
      );
    }
    const bases = files.map((f) => `${f.base}.ts`);
    const strays = tsFiles(HANDLERS_DIR).filter((h) => !bases.includes(h) && !HANDLER_HELPERS.includes(h));
    expect(strays, 'handler files without a channel file of the same name').toEqual([]);
  });

  it('service folders and renderer features are named after a capability, or are listed libraries / pages', async () => {
    const bases = (await loadChannelFiles()).map((f) => f.base);
    const strayServices = folders(SERVICES_DIR).filter((d) => !bases.includes(d) && !SERVICE_LIBRARIES.includes(d));
    expect(strayServices, 'service folders that are neither a capability nor a listed library').toEqual([]);
    const strayFeatures = folders(FEATURES_DIR).filter((d) => !bases.includes(d) && !COMPOSING_PAGES.includes(d));
    expect(strayFeatures, 'renderer features that are neither a capability nor a listed page').toEqual([]);
    for (const lib of [...SERVICE_LIBRARIES, ...COMPOSING_PAGES]) {
      expect(folders(COMPOSING_PAGES.includes(lib) ? FEATURES_DIR : SERVICES_DIR), `${lib}/ exists`).toContain(lib);
    }
  });

  it('docs/architecture.md shows the capability map with one row per namespace, matching the files', async () => {
    const files = await loadChannelFiles();
    const rows = capabilityMapRows();
    expect([...rows.keys()].sort()).toEqual(files.map((f) => f.namespaces[0]!).sort());
    for (const f of files) {
      const cells = rows.get(f.namespaces[0]!)!;
      const [, channel, handler, service, feature] = cells;
      const folderCell = (dir: string) => (existsSync(join(dir, f.base)) ? `\`${f.base}/\`` : '—');
      expect({ channel, handler, service, feature }, `capability map row of ${f.namespaces[0]}`).toEqual({
        channel: `\`${f.base}.ts\``,
        handler: `\`${f.base}.ts\``,
        service: folderCell(SERVICES_DIR),
        feature: folderCell(FEATURES_DIR),
      });
    }
    const text = readFileSync(ARCHITECTURE, 'utf8');
    for (const lib of SERVICE_LIBRARIES) expect(text, `the map names library services/${lib}/`).toContain(`services/${lib}/`);
    for (const page of COMPOSING_PAGES) expect(text, `the map names page features/${page}/`).toContain(`features/${page}/`);
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The layout of the data folder; every path the backend writes is derived from here. */
export const dataPaths = (dataDir: string) => ({
  root: dataDir,
  database: join(dataDir, 'cchc.sqlite'),
  settings: join(dataDir, 'settings.json'),
  evidence: join(dataDir, 'evidence'),
  tmp: join(dataDir, 'tmp'),
  uploads: join(dataDir, 'tmp', 'uploads'),
  exports: join(dataDir, 'exports'),
  backups: join(dataDir, 'backups'),
});
export type DataPaths = ReturnType<typeof dataPaths>;

export const ensureDataDirs = (dataDir: string): DataPaths => {
  const p = dataPaths(dataDir);
  for (const dir of [p.root, p.evidence, p.tmp, p.uploads, p.exports, p.backups]) mkdirSync(dir, { recursive: true });
  return p;
};

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** How one reader sees a zip: did it accept it (test/CRC pass), and which entry names did it list. */
export type ReaderView = { ok: boolean; names: string[]; note: string };
export type ZipViews = { unzip: ReaderView; zipfile: ReaderView; stream: ReaderView };

const PY = fileURLToPath(new URL('./zip-views.py', import.meta.url));

/** Info-ZIP `unzip -t` (exit 0 = no error, no warning) and `unzip -Z1` (names from the central directory). */
const unzipView = (file: string): ReaderView => {
  const t = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' });
  const l = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
  return {
    ok: t.status === 0,
    names: l.status === 0 ? l.stdout.split('\n').filter(Boolean) : [],
    note: `exit ${t.status}: ${`${t.stdout}${t.stderr}`.trim().replace(/\s+/g, ' ').slice(0, 240)}`,
  };
};

/** unzip -t, Python's zipfile (namelist + testzip) and a streaming walk of the local headers. */
export const zipViews = (file: string): ZipViews => {
  const py = spawnSync('python3', [PY, file], { encoding: 'utf8' });
  if (py.status !== 0) throw new Error(`zip-views.py failed: ${py.stderr}`);
  const v = JSON.parse(py.stdout) as { zipfile: ReaderView; stream: ReaderView };
  return { unzip: unzipView(file), ...v };
};

/**
 * Whether a reader disagrees with the bundle as signed: it refuses the file, or it lists other names than
 * the ones the manifest covers (an extra, hidden, renamed or missing entry).
 */
export const disagrees = (v: ReaderView, signedNames: string[]): boolean =>
  !v.ok || [...v.names].sort().join('\n') !== [...signedNames].sort().join('\n');

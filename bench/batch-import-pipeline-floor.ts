/**
 * The pipeline floor of bench/batch-import.bench.ts: the batch import's processes and bytes without any of its
 * checks, to read the target against. Like the app (services/inbox/import-batch.ts), this process forks two
 * workers (bench/batch-import-pipeline-floor-worker.ts: read once, two SHA-256, CRC-32, a staging file fsynced),
 * hands them the packages in turn and, in the packages' order, renames each staged file into a store folder and
 * commits one row per package in its own SQLite transaction, with the app's durability pragmas
 * (db/connection.ts: WAL, synchronous FULL). No module of the app is loaded: no zip tables, signature,
 * certificate, register, schema or rule.
 * Usage: node batch-import-pipeline-floor.js <packages folder> <out folder>
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';

type Staged = { file: string; staging: string; packageSha256: string; entrySha256: string; crc: number };

const [folder, out] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const workers: ChildProcess[] = [0, 1].map(() => fork(join(here, 'batch-import-pipeline-floor-worker.js'), [], { serialization: 'json' }));
const waiting = new Map<string, (s: Staged) => void>();
for (const w of workers) w.on('message', (m: Staged) => waiting.get(m.file)?.(m));

mkdirSync(join(out!, 'store'), { recursive: true });
const db = new Database(join(out!, 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE imported (id INTEGER PRIMARY KEY, package_sha256 TEXT NOT NULL, entry_sha256 TEXT NOT NULL, report TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO imported (id, package_sha256, entry_sha256, report) VALUES (?, ?, ?, ?)');

const files = readdirSync(folder!).sort().map((n) => join(folder!, n));
const verdicts = files.map(
  (file, i) =>
    new Promise<Staged>((resolve) => {
      waiting.set(file, resolve);
      workers[i % workers.length]!.send({ file, staging: join(out!, `${i}.part`) });
    }),
);
for (const [i, verdict] of verdicts.entries()) {
  const s = await verdict;
  renameSync(s.staging, join(out!, 'store', s.entrySha256));
  db.transaction(() => insert.run(i, s.packageSha256, s.entrySha256, JSON.stringify(s)))();
}
db.close();
for (const w of workers) w.disconnect();
process.stdout.write(JSON.stringify({ accepted: files.length }));

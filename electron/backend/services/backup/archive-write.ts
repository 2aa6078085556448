import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fsyncSync, openSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import yazl from 'yazl';

import { step } from '../../../../shared/domain/progress-steps';
import type { JobControl } from '../../jobs';
import { fsyncDirSync, renameWithRetrySync } from '../../storage/atomic-write';
import { readBackupArchive } from './archive-read';
import type { InventoryEntry } from './evidence-inventory';
import { backupFaults } from './faults';
import { BACKUP_FORMAT, DATABASE_ENTRY, MANIFEST_ENTRY } from './manifest';
import type { BackupManifest } from './manifest';

const hashFile = async (file: string): Promise<string> => {
  const h = createHash('sha256');
  await pipeline(createReadStream(file), h);
  return h.digest('hex');
};

export type ArchiveInput = {
  /** A consistent database snapshot (never the live file). */
  databaseFile: string;
  schemaVersion: number;
  appVersion: string;
  createdAt: Date;
  evidenceRoot: string;
  evidence: InventoryEntry[];
  /** Config files (imported sets, trust anchors) under `dataDir`. */
  dataDir: string;
  files: InventoryEntry[];
};

/**
 * Writes the single backup file: manifest, database snapshot, evidence files. Built as
 * `<target>.partial` in the target folder, fsynced, READ BACK AND VERIFIED (every entry re-hashed against
 * the manifest), and only then renamed to its final name. A full disk or a crash mid-way never leaves a
 * half backup under the final name.
 */
export const writeBackupArchive = async (target: string, input: ArchiveInput, ctl?: JobControl): Promise<{ sizeBytes: number; manifest: BackupManifest }> => {
  const dbSize = statSync(input.databaseFile).size;
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: input.createdAt.toISOString(),
    appVersion: input.appVersion.slice(0, 64),
    schemaVersion: input.schemaVersion,
    database: { path: DATABASE_ENTRY, size: dbSize, sha256: await hashFile(input.databaseFile) },
    evidence: input.evidence.map((e) => ({ path: e.path, size: e.size, sha256: e.sha256 })),
    files: input.files.map((e) => ({ path: e.path, size: e.size, sha256: e.sha256 })),
  };
  const partial = `${target}.partial`;
  const total = manifest.evidence.length + manifest.files.length + 2;
  try {
    const zip = new yazl.ZipFile();
    const mtime = input.createdAt;
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 1), 'utf8'), MANIFEST_ENTRY, { mtime, compress: true });
    zip.addFile(input.databaseFile, DATABASE_ENTRY, { mtime, compress: true });
    // Evidence is mostly PDF/Office/images (already compressed): stored, which is much faster.
    for (const f of manifest.files) zip.addFile(join(input.dataDir, f.path), f.path, { mtime, compress: true });
    for (const e of manifest.evidence) zip.addFile(join(input.evidenceRoot, e.path.slice('evidence/'.length)), e.path, { mtime, compress: false });
    zip.end();
    let written = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        written += chunk.length;
        try {
          backupFaults.onArchiveWrite?.(written);
          ctl?.throwIfCancelled();
        } catch (e) {
          return cb(e as Error);
        }
        cb(null, chunk);
      },
    });
    ctl?.progress(1, total + 1, step('BACKUP_WRITING'));
    // yazl reports a source file it cannot read on the ZipFile itself (the output would then never end).
    const sourceFailed = new Promise<never>((_resolve, reject) => zip.on('error', reject));
    sourceFailed.catch(() => undefined);
    const sink = createWriteStream(partial, { flags: 'w', mode: 0o600 });
    try {
      await Promise.race([pipeline(zip.outputStream, meter, sink), sourceFailed]);
    } catch (e) {
      meter.destroy();
      sink.destroy();
      // Wait for the descriptor to close, so the .partial can be removed (Windows refuses open files).
      if (!sink.closed) await Promise.race([once(sink, 'close'), new Promise((r) => setTimeout(r, 2000))]).catch(() => undefined);
      throw e;
    }
    const fd = openSync(partial, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    ctl?.progress(2, total + 1, step('BACKUP_CHECKING_WRITTEN'));
    await readBackupArchive(partial, { signal: ctl?.signal });
    backupFaults.beforeRename?.(partial, target);
    renameWithRetrySync(partial, target);
    fsyncDirSync(dirname(target));
    return { sizeBytes: statSync(target).size, manifest };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
};

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

import { AppFailure } from '../../../../shared/ipc/result';
import { dataPaths } from '../../data-dir';
import { discardTemp, inflightTemps, TEMP_PREFIX, TEMP_SUFFIX } from '../evidence/store';
import type { TempCopy } from '../evidence/store';

/**
 * Copies one zip entry's bytes into a temp file of the evidence store while hashing them, with the store's
 * discipline (evidence/store.ts): temp name carrying our pid (so start-up cleanup knows it), written in
 * full, chmod read-only, fsynced; the caller then commitTemp()s it (rename + dir fsync) in the same tick as
 * the database insert. The bytes must be exactly what verification saw: size and SHA-256 are checked here.
 */
export const entryToTemp = async (
  dataDir: string,
  source: AsyncIterable<Buffer>,
  expect: { size: number; sha256: string; name: string },
  signal?: AbortSignal,
): Promise<TempCopy> => {
  const tmpDir = dataPaths(dataDir).tmp;
  mkdirSync(tmpDir, { recursive: true });
  const tmpPath = join(tmpDir, `${TEMP_PREFIX}${process.pid}-${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
  inflightTemps.add(tmpPath);
  const hash = createHash('sha256');
  let size = 0;
  let fh: FileHandle | undefined;
  try {
    fh = await open(tmpPath, 'wx', 0o600);
    for await (const chunk of source) {
      if (signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
      size += chunk.length;
      if (size > expect.size) throw AppFailure.of('INBOX_ENTRY_TOO_LONG', { name: expect.name });
      hash.update(chunk);
      for (let off = 0; off < chunk.length; ) {
        const { bytesWritten } = await fh.write(chunk, off, chunk.length - off, size - chunk.length + off);
        off += bytesWritten;
      }
    }
    const sha256 = hash.digest('hex');
    if (size !== expect.size || sha256 !== expect.sha256) {
      // The file changed between verification and import: refuse rather than store unverified bytes.
      throw AppFailure.of('INBOX_ENTRY_CHANGED', { name: expect.name });
    }
    await fh.chmod(0o444);
    await fh.sync();
    await fh.close();
    fh = undefined;
    return { tmpPath, sha256, size, head: Buffer.alloc(0) };
  } catch (e) {
    await fh?.close().catch(() => {});
    discardTemp(tmpPath);
    throw e;
  }
};

import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 1024 * 1024;

/**
 * SHA-256 (hex) of a whole file, in 1 MiB positional reads into one buffer (fresh buffers per chunk cost a batch
 * import of hundreds of MiB more in garbage collection than the hash itself). No dependencies beyond Node.
 */
export const sha256OfFile = async (file: string, signal?: AbortSignal): Promise<string> => {
  const h = createHash('sha256');
  const fh = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let pos = 0; ; ) {
      signal?.throwIfAborted();
      const { bytesRead } = await fh.read(buffer, 0, CHUNK_BYTES, pos);
      if (bytesRead === 0) break;
      h.update(buffer.subarray(0, bytesRead));
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return h.digest('hex');
};

/** The same, synchronously: for the verification worker, which has nothing else to do meanwhile. */
export const sha256OfFileSync = (file: string): string => {
  const h = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let n = readSync(fd, buffer, 0, CHUNK_BYTES, null); n > 0; n = readSync(fd, buffer, 0, CHUNK_BYTES, null)) h.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
};

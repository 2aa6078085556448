import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { UploadedFile, UploadRegistry } from '../backend/services/uploads';

export const DEFAULT_UPLOAD_CAP = 200 * 1024 * 1024;

/**
 * Streams a raw request body (the file's bytes) into the uploads temp folder with a size cap, then
 * registers it and returns the opaque id. The file name travels URL-encoded in a header and is only
 * metadata: the stored name is random.
 */
export const receiveUpload = async (
  req: IncomingMessage,
  uploadsDir: string,
  registry: UploadRegistry,
  capBytes: number,
): Promise<UploadedFile | { error: 'too_large' | 'bad_name' }> => {
  let name: string;
  try {
    name = decodeURIComponent(String(req.headers['x-file-name'] ?? '')).normalize('NFC');
  } catch {
    return { error: 'bad_name' };
  }
  if (!name || name.length > 255 || /[\0/\\]/.test(name)) return { error: 'bad_name' };
  const path = join(uploadsDir, `up-${randomBytes(12).toString('hex')}`);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > capBytes) cb(new Error('too_large'));
      else cb(null, chunk);
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    rmSync(path, { force: true });
    if (e instanceof Error && e.message === 'too_large') return { error: 'too_large' };
    throw e;
  }
  return registry.register(path, name, size);
};

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 (hex) of a whole file, streamed in 1 MiB reads. No dependencies: the verification worker uses it too. */
export const sha256OfFile = async (file: string, signal?: AbortSignal): Promise<string> => {
  const h = createHash('sha256');
  for await (const c of createReadStream(file, { highWaterMark: 1024 * 1024, ...(signal ? { signal } : {}) }) as AsyncIterable<Buffer>) h.update(c);
  return h.digest('hex');
};

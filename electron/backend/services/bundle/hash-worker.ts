import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of several byte streams (the whole bundle, the evidence entry being packed) on ONE worker
 * thread, so the main thread keeps reading, zipping and writing. Each chunk is copied into one of a few
 * pooled 1 MiB buffers that are *transferred* (zero-copy) to the worker and back: memory stays flat
 * (POOL × 1 MiB) and a writer faster than the hashing simply waits for a free buffer (backpressure).
 * Messages are processed in order, so a digest asked for after the last update covers every byte.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.digest !== undefined) {
    const h = hashes.get(m.digest) ?? createHash('sha256');
    hashes.delete(m.digest);
    parentPort.postMessage({ stream: m.digest, digest: h.digest('hex') });
    return;
  }
  let h = hashes.get(m.stream);
  if (!h) hashes.set(m.stream, (h = createHash('sha256')));
  h.update(new Uint8Array(m.ab, 0, m.n));
  parentPort.postMessage({ ab: m.ab }, [m.ab]);
});
`;

export const CHUNK = 1024 * 1024;
const POOL = 8;

export class HashWorker {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly pool: ArrayBuffer[] = [];
  private created = 0;
  private readonly waiters: { resolve: (b: ArrayBuffer) => void; reject: (e: Error) => void }[] = [];
  private readonly digests = new Map<string, { resolve: (d: string) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  constructor() {
    this.worker.on('message', (m: { ab?: ArrayBuffer; stream?: string; digest?: string }) => {
      if (m.ab) {
        const w = this.waiters.shift();
        if (w) w.resolve(m.ab);
        else this.pool.push(m.ab);
      } else if (m.stream !== undefined && m.digest !== undefined) {
        const d = this.digests.get(m.stream);
        this.digests.delete(m.stream);
        d?.resolve(m.digest);
      }
    });
    this.worker.on('error', (e) => this.fail(e));
  }

  private fail(e: Error): void {
    this.failure = e;
    this.waiters.splice(0).forEach((w) => w.reject(e));
    for (const d of this.digests.values()) d.reject(e);
    this.digests.clear();
  }

  private acquire(): Promise<ArrayBuffer> {
    if (this.failure) return Promise.reject(this.failure);
    const b = this.pool.pop();
    if (b) return Promise.resolve(b);
    if (this.created < POOL) {
      this.created++;
      return Promise.resolve(new ArrayBuffer(CHUNK));
    }
    return new Promise<ArrayBuffer>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Adds bytes to `stream`'s hash. Resolves once they are copied (the caller may reuse `data`). */
  async update(stream: string, data: Uint8Array): Promise<void> {
    for (let off = 0; off < data.length; off += CHUNK) {
      const part = data.subarray(off, Math.min(data.length, off + CHUNK));
      const ab = await this.acquire();
      new Uint8Array(ab).set(part);
      this.worker.postMessage({ stream, ab, n: part.length }, [ab]);
    }
  }

  /** The hex SHA-256 of everything given to `stream` so far; the stream starts over afterwards. */
  digest(stream: string): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<string>((resolve, reject) => {
      this.digests.set(stream, { resolve, reject });
      this.worker.postMessage({ digest: stream });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

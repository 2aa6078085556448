import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of the whole bundle, computed on a worker thread while the zip writer streams: the main thread
 * already spends its time on CRC-32 and the per-entry SHA-256, and a third pass over every byte on the
 * same thread made the export ~1.5× slower. Evidence chunks are read into a small pool of 1 MiB buffers
 * that are *transferred* (zero-copy) to the worker and back, so there is no per-chunk garbage and memory
 * stays flat (POOL × 1 MiB); small header buffers are copied.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const h = require('node:crypto').createHash('sha256');
parentPort.on('message', (m) => {
  if (m === null) { parentPort.postMessage({ digest: h.digest('hex') }); return; }
  h.update(new Uint8Array(m.ab, 0, m.n));
  if (m.ret) parentPort.postMessage({ ab: m.ab }, [m.ab]);
});
`;

export const CHUNK = 1024 * 1024;
const POOL = 4;

export class OutputHasher {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly pool: Buffer[] = [];
  private created = 0;
  private waiters: { resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  private digestWaiter: ((d: string) => void) | null = null;
  private failure: Error | null = null;

  constructor() {
    this.worker.on('message', (m: { ab?: ArrayBuffer; digest?: string }) => {
      if (m.ab) {
        const buf = Buffer.from(m.ab);
        const w = this.waiters.shift();
        if (w) w.resolve(buf);
        else this.pool.push(buf);
      } else if (m.digest !== undefined) this.digestWaiter?.(m.digest);
    });
    this.worker.on('error', (e) => {
      this.failure = e;
      this.waiters.splice(0).forEach((w) => w.reject(e));
    });
  }

  /** A 1 MiB buffer to read into; it must come back through submit() or release(). */
  acquire(): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    const b = this.pool.pop();
    if (b) return Promise.resolve(b);
    if (this.created < POOL) {
      this.created++;
      return Promise.resolve(Buffer.from(new ArrayBuffer(CHUNK)));
    }
    return new Promise<Buffer>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  release(buf: Buffer): void {
    this.pool.push(buf);
  }

  /** Hashes the first `n` bytes of a pooled buffer; the buffer is transferred and unusable until re-acquired. */
  submit(buf: Buffer, n: number): void {
    const ab = buf.buffer as ArrayBuffer;
    this.worker.postMessage({ ab, n, ret: true }, [ab]);
  }

  /** Hashes a small buffer (headers, descriptors, in-memory entries) by copy. */
  update(buf: Uint8Array): void {
    if (buf.length === 0) return;
    const copy = new Uint8Array(buf).buffer;
    this.worker.postMessage({ ab: copy, n: buf.length, ret: false }, [copy]);
  }

  async digest(): Promise<string> {
    if (this.failure) throw this.failure;
    const d = await new Promise<string>((resolve) => {
      this.digestWaiter = resolve;
      this.worker.postMessage(null);
    });
    await this.worker.terminate();
    return d;
  }

  async dispose(): Promise<void> {
    await this.worker.terminate();
  }
}

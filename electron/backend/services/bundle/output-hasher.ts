import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of the whole bundle, computed on a worker thread while the zip writer streams: the main thread
 * already spends its time on CRC-32 and the per-entry SHA-256, and this third pass over every byte would
 * otherwise make the export ~1.5× slower. Chunks are copied to the worker (≈0.1 ms/MiB) with bounded
 * backpressure (at most 4 MiB in flight), so memory stays flat.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const h = require('node:crypto').createHash('sha256');
parentPort.on('message', (m) => {
  if (m === null) { parentPort.postMessage({ digest: h.digest('hex') }); return; }
  h.update(m);
  parentPort.postMessage({ ack: m.byteLength });
});
`;

const MAX_IN_FLIGHT = 4 * 1024 * 1024;

export class OutputHasher {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private digestWaiter: ((d: string) => void) | null = null;
  private failure: Error | null = null;

  constructor() {
    this.worker.on('message', (m: { ack?: number; digest?: string }) => {
      if (m.ack !== undefined) {
        this.inFlight -= m.ack;
        if (this.inFlight <= MAX_IN_FLIGHT) this.waiters.splice(0).forEach((w) => w());
      } else if (m.digest !== undefined) this.digestWaiter?.(m.digest);
    });
    this.worker.on('error', (e) => {
      this.failure = e;
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  async update(buf: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.inFlight += buf.length;
    this.worker.postMessage(buf); // structured clone: the caller may reuse `buf`
    if (this.inFlight > MAX_IN_FLIGHT) await new Promise<void>((r) => this.waiters.push(r));
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

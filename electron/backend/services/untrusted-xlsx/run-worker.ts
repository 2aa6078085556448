import type { WorkerLauncher } from '../../workers-seam/launcher';
import type { XlsxSheet, XlsxWorkerRequest, XlsxWorkerResponse, XlsxWorkerStats } from '../../workers-seam/xlsx-protocol';
import type { XlsxLimits } from './limits';
import { XlsxRefusal } from './refusal';

export type WorkerOutcome = { ok: true; sheets: XlsxSheet[]; stats: XlsxWorkerStats } | { ok: false; refusal: XlsxRefusal; stats: XlsxWorkerStats | null };

/**
 * Parses the workbook in the xlsx worker with a V8 heap cap and a wall-clock timeout. A worker that dies
 * (out of memory), hangs or is killed is a refusal (XLSX_TOO_COMPLEX), never an INTERNAL error; `stats` is
 * what the worker measured about itself (null when it died without answering).
 */
export const parseInWorker = (bytes: Buffer, limits: XlsxLimits, launcher: WorkerLauncher): Promise<WorkerOutcome> =>
  new Promise<WorkerOutcome>((resolve) => {
    const child = launcher('xlsx-worker', undefined, { maxHeapMb: limits.maxHeapMb });
    let settled = false;
    const finish = (o: WorkerOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
      resolve(o);
    };
    const died = (): void => finish({ ok: false, refusal: new XlsxRefusal('XLSX_TOO_COMPLEX'), stats: null });
    const timer = setTimeout(died, limits.timeoutMs);
    child.on('message', (m: XlsxWorkerResponse) => {
      if (m.type === 'result') finish({ ok: true, sheets: m.sheets, stats: m.stats });
      else finish({ ok: false, refusal: new XlsxRefusal(m.reason, m.params), stats: m.stats });
    });
    child.on('exit', died);
    child.on('error', died);
    const req: XlsxWorkerRequest = { id: 1, bytes: bytes.toString('base64'), limits };
    child.send(req);
  });

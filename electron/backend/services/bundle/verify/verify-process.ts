import { bundleMessage } from '../../../../../shared/domain/bundle-codes';
import type { VerifyResult } from '../../../../../shared/schemas/submission';
import type { WorkerLauncher } from '../../../workers-seam/launcher';
import type { VerifyWorkerRequest, VerifyWorkerResponse } from '../../../workers-seam/verify-protocol';
import { DEFAULT_LIMITS } from '../constants';
import type { TrustStore } from './trust';

export type VerifyInWorkerOptions = Omit<VerifyWorkerRequest, 'id' | 'file' | 'trust'> & {
  trust: TrustStore;
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
  /** How the worker process starts (the host's launcher, BackendContext.workerLauncher). */
  launcher: WorkerLauncher;
};

const failed = (code: 'E_TIMEOUT' | 'E_IO', detail: string): VerifyResult => ({
  status: 'INVALID',
  code,
  message: bundleMessage(code),
  detail,
  warnings: [],
  signer: null,
  chain: [],
  signingTime: null,
  files: [],
  submission: null,
  bundleSha256: null,
  checkedAt: new Date().toISOString(),
});

/**
 * Runs verifyBundle in a separate process with a wall-clock timeout: a hostile file that hangs or
 * crashes the parser takes the worker down, not the app. Cancel (signal) kills the worker.
 */
export const verifyInWorker = (file: string, o: VerifyInWorkerOptions): Promise<VerifyResult> =>
  new Promise<VerifyResult>((resolve) => {
    const child = o.launcher('verify-worker');
    let settled = false;
    const finish = (r: VerifyResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      child.kill();
      resolve(r);
    };
    const timeoutMs = o.timeoutMs ?? o.limits?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
    const timer = setTimeout(() => finish(failed('E_TIMEOUT', `worker did not finish within ${timeoutMs} ms`)), timeoutMs);
    const onAbort = (): void => finish(failed('E_TIMEOUT', 'cancelled'));
    o.signal?.addEventListener('abort', onAbort);
    child.on('message', (m: VerifyWorkerResponse) => {
      if (m.type === 'progress') o.onProgress?.(m.done, m.total, m.label);
      else if (m.type === 'result') finish(m.result);
      else finish(failed('E_IO', m.message));
    });
    child.on('exit', (code, sig) => finish(failed('E_IO', `verification process ended (${code ?? sig})`)));
    child.on('error', (e) => finish(failed('E_IO', e.message)));
    const req: VerifyWorkerRequest = {
      id: 1,
      file,
      trust: {
        anchors: o.trust.anchors.map((d) => Buffer.from(d).toString('base64')),
        crls: o.trust.crls.map((d) => Buffer.from(d).toString('base64')),
        ...(o.trust.selfCheckWhenEmpty ? { selfCheckWhenEmpty: true } : {}),
      },
      checkSets: o.checkSets,
      knownSets: o.knownSets,
      imported: o.imported,
      ...(o.anyKind ? { anyKind: true } : {}),
      ...(o.expectKind ? { expectKind: o.expectKind } : {}),
      ...(o.importedRounds ? { importedRounds: o.importedRounds } : {}),
      ...(o.now ? { now: o.now } : {}),
      ...(o.limits ? { limits: o.limits } : {}),
    };
    child.send(req);
  });

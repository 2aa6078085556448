import { bundleMessage } from '../../../../../shared/domain/bundle-codes';
import type { VerifyResult } from '../../../../../shared/schemas/submission';
import type { WorkerHandle, WorkerLauncher } from '../../../workers-seam/launcher';
import type { VerifyWorkerRequest, VerifyWorkerResponse } from '../../../workers-seam/verify-protocol';
import { DEFAULT_LIMITS } from '../constants';
import type { StagedEntry } from '../../evidence/staging';
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

const verdictOf = (result: VerifyResult): WorkerVerdict => ({ result, staged: [], content: null });

const requestOf = (id: number, file: string, o: Omit<VerifyInWorkerOptions, 'launcher'>): VerifyWorkerRequest => ({
  id,
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
  ...(o.stage ? { stage: o.stage } : {}),
});

/** The worker's answer: the report, and for a staging request what was staged (evidence/staging.ts). */
export type WorkerVerdict = { result: VerifyResult; staged: StagedEntry[]; content: string | null };

/** One verification worker kept for several files, one at a time (a batch import); `close` ends it. */
export type VerifySession = {
  verify: (file: string, o: Omit<VerifyInWorkerOptions, 'launcher'>) => Promise<VerifyResult>;
  /** The same, with what a staging request staged. */
  check: (file: string, o: Omit<VerifyInWorkerOptions, 'launcher'>) => Promise<WorkerVerdict>;
  close: () => void;
};

/**
 * A verification worker reused from file to file: starting the worker (Node and the verifier's modules) costs
 * far more than verifying a package of a few MiB, and a batch verifies hundreds. Each file keeps its own
 * wall-clock timeout; a file that times out, is cancelled, or crashes the worker takes that worker down, and
 * the next file gets a fresh one — a hostile file can spoil its own verification, never another's.
 */
export const openVerifySession = (launcher: WorkerLauncher): VerifySession => {
  let child: WorkerHandle | null = null;
  let nextId = 1;
  let current: { id: number; finish: (r: WorkerVerdict) => void; onProgress: VerifyInWorkerOptions['onProgress'] } | null = null;
  const drop = (): void => {
    const c = child;
    child = null;
    c?.kill();
  };
  const start = (): WorkerHandle => {
    const c = launcher('verify-worker');
    c.on('message', (m: VerifyWorkerResponse) => {
      if (c !== child || !current || m.id !== current.id) return;
      if (m.type === 'progress') current.onProgress?.(m.done, m.total, m.label);
      else if (m.type === 'result') current.finish({ result: m.result, staged: m.staged ?? [], content: m.content ?? null });
      else {
        drop();
        current.finish(verdictOf(failed('E_IO', m.message)));
      }
    });
    c.on('exit', (code: number | null, sig: string | null) => {
      if (c !== child) return;
      child = null;
      current?.finish(verdictOf(failed('E_IO', `verification process ended (${code ?? sig})`)));
    });
    c.on('error', (e: Error) => {
      if (c !== child) return;
      drop();
      current?.finish(verdictOf(failed('E_IO', e.message)));
    });
    return c;
  };
  const check: VerifySession['check'] = (file, o) =>
    new Promise<WorkerVerdict>((resolve) => {
      if (current) throw new Error('verify session: one file at a time');
      const id = nextId++;
      let settled = false;
      const finish = (r: WorkerVerdict): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        o.signal?.removeEventListener('abort', onAbort);
        current = null;
        resolve(r);
      };
      const timeoutMs = o.timeoutMs ?? o.limits?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
      const timer = setTimeout(() => {
        drop();
        finish(verdictOf(failed('E_TIMEOUT', `worker did not finish within ${timeoutMs} ms`)));
      }, timeoutMs);
      const onAbort = (): void => {
        drop();
        finish(verdictOf(failed('E_TIMEOUT', 'cancelled')));
      };
      current = { id, finish, onProgress: o.onProgress };
      if (o.signal?.aborted) return onAbort();
      o.signal?.addEventListener('abort', onAbort);
      child ??= start();
      child.send(requestOf(id, file, o));
    });
  return { verify: async (file, o) => (await check(file, o)).result, check, close: drop };
};

/**
 * Runs verifyBundle in a separate process with a wall-clock timeout: a hostile file that hangs or
 * crashes the parser takes the worker down, not the app. Cancel (signal) kills the worker.
 */
export const verifyInWorker = async (file: string, o: VerifyInWorkerOptions): Promise<VerifyResult> => {
  const session = openVerifySession(o.launcher);
  try {
    return await session.verify(file, o);
  } finally {
    session.close();
  }
};

import { createHash } from 'node:crypto';

import { bundleMessage } from '../../../../../shared/domain/bundle-codes';
import type { VerifyResult } from '../../../../../shared/schemas/submission';
import type { OnProgress } from '../../../../../shared/domain/progress-steps';
import type { WorkerHandle, WorkerLauncher } from '../../../workers-seam/launcher';
import type { VerifyWorkerRequest, VerifyWorkerResponse } from '../../../workers-seam/verify-protocol';
import { DEFAULT_LIMITS } from '../constants';
import type { StagedEntry } from '../../evidence/staging';
import { checkExchangeSemantics } from './exchange-semantics';
import type { ExchangeContent, ExchangeKind } from './exchange-semantics';
import { fail } from './failure';
import { PACKAGE_PROFILES } from './profile';
import { takeSpareWorker } from './spare-workers';
import type { TrustStore } from './trust';

export type VerifyInWorkerOptions = Omit<VerifyWorkerRequest, 'id' | 'file' | 'trust'> & {
  trust: TrustStore;
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: OnProgress;
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

const verdictOf = (result: VerifyResult): WorkerVerdict => ({ result, staged: [], content: null, kept: {} });

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
  ...(o.withContent ? { withContent: true } : {}),
  ...(o.fileDigest ? { fileDigest: true } : {}),
});

/** The worker's answer: the report, and for a staging request what was staged (evidence/staging.ts). */
export type WorkerVerdict = {
  result: VerifyResult;
  staged: StagedEntry[];
  content: string | null;
  /** With the content: the other entries the container kept in memory (a round's sets), path → text. */
  kept: Record<string, string>;
  /** The errno code of a staging write that failed (evidence/staging.ts): the package was not refused for itself. */
  stagingError?: string;
  /** The package's own SHA-256 (a request with `fileDigest`, a valid package). */
  fileSha256?: string;
};

/** One verification worker kept for several files, one at a time (a batch import); `close` ends it. */
export type VerifySession = {
  verify: (file: string, o: Omit<VerifyInWorkerOptions, 'launcher'>) => Promise<VerifyResult>;
  /** The same, with what a staging request staged. */
  check: (file: string, o: Omit<VerifyInWorkerOptions, 'launcher'>) => Promise<WorkerVerdict>;
  close: () => void;
};

/**
 * A verification worker reused from file to file: starting the worker (Node and the verifier's modules) costs
 * far more than verifying a package of a few MiB, and a batch verifies hundreds. Several files may be queued:
 * all are sent at once and the worker takes them one after the other (verify-worker.ts), so it never waits for
 * this process to read a verdict before it starts the next file. Each file keeps its own wall-clock timeout,
 * counted from when it reaches the head of the queue; a file that times out, is cancelled, or crashes the
 * worker takes that worker down, and the files behind it go to a fresh one — a hostile file can spoil its own
 * verification, never another's.
 */
export const openVerifySession = (launcher: WorkerLauncher): VerifySession => {
  type Pending = {
    id: number;
    request: VerifyWorkerRequest;
    timeoutMs: number;
    timer: NodeJS.Timeout | null;
    onProgress: VerifyInWorkerOptions['onProgress'];
    finish: (r: WorkerVerdict) => void;
  };
  let child: WorkerHandle | null = null;
  let nextId = 1;
  const queue: Pending[] = [];
  let closed = false;
  const drop = (): void => {
    const c = child;
    child = null;
    c?.kill();
  };
  /** The head's timer runs; a worker that died takes the queue to a fresh one. */
  const pump = (): void => {
    const head = queue[0];
    if (!head || closed) return;
    head.timer ??= setTimeout(() => {
      drop();
      head.finish(verdictOf(failed('E_TIMEOUT', `worker did not finish within ${head.timeoutMs} ms`)));
    }, head.timeoutMs);
    if (child) return;
    child = start();
    for (const p of queue) child.send(p.request);
  };
  /** The file the worker is on failed with the worker: it is dropped, the others are sent again. */
  const workerFailed = (c: WorkerHandle, r: VerifyResult): void => {
    if (c !== child) return;
    drop();
    queue[0]?.finish(verdictOf(r));
  };
  const start = (): WorkerHandle => {
    const c = takeSpareWorker(launcher) ?? launcher('verify-worker');
    c.on('message', (m: VerifyWorkerResponse) => {
      const p = c === child ? queue.find((x) => x.id === m.id) : undefined;
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.done, m.total);
      else if (m.type === 'result')
        p.finish({
          result: m.result,
          staged: m.staged ?? [],
          content: m.content ?? null,
          kept: m.kept ?? {},
          ...(m.stagingError ? { stagingError: m.stagingError } : {}),
          ...(typeof m.fileSha256 === 'string' && /^[0-9a-f]{64}$/.test(m.fileSha256) ? { fileSha256: m.fileSha256 } : {}),
        });
      else workerFailed(c, failed('E_IO', m.message));
    });
    c.on('exit', (code: number | null, sig: string | null) => {
      if (c !== child) return;
      child = null;
      queue[0]?.finish(verdictOf(failed('E_IO', `verification process ended (${code ?? sig})`)));
    });
    c.on('error', (e: Error) => workerFailed(c, failed('E_IO', e.message)));
    return c;
  };
  const check: VerifySession['check'] = (file, o) =>
    new Promise<WorkerVerdict>((resolve) => {
      const id = nextId++;
      const p: Pending = {
        id,
        request: requestOf(id, file, o),
        timeoutMs: o.timeoutMs ?? o.limits?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
        timer: null,
        onProgress: o.onProgress,
        finish: (r) => {
          const at = queue.indexOf(p);
          if (at < 0) return;
          queue.splice(at, 1);
          if (p.timer) clearTimeout(p.timer);
          o.signal?.removeEventListener('abort', onAbort);
          resolve(r);
          pump();
        },
      };
      const onAbort = (): void => {
        // The worker may be on this file or hold it in its queue: it goes down either way.
        drop();
        p.finish(verdictOf(failed('E_TIMEOUT', 'cancelled')));
      };
      if (closed) return resolve(verdictOf(failed('E_TIMEOUT', 'cancelled')));
      queue.push(p);
      if (o.signal?.aborted) return onAbort();
      o.signal?.addEventListener('abort', onAbort);
      if (child) child.send(p.request);
      pump();
    });
  /** Ends the worker; files still queued get E_TIMEOUT 'cancelled' (their callers clean up what they staged). */
  const close = (): void => {
    closed = true;
    drop();
    for (const p of [...queue]) p.finish(verdictOf(failed('E_TIMEOUT', 'cancelled')));
  };
  return { verify: async (file, o) => (await check(file, o)).result, check, close };
};

/**
 * The content file's bytes as the worker checked them (a request with `stage` or `withContent`), compared once
 * more with the digest the signed manifest lists: the caller parses them instead of reading the package again.
 * A mismatch is a BundleFailure (E_MISSING_ENTRY, E_DIGEST_MISMATCH) the caller turns into its refusal.
 */
export const checkedContent = (verdict: Pick<WorkerVerdict, 'result' | 'content'>, path: string): Buffer => checkedBytes(verdict.result, path, verdict.content);

/**
 * The typed content of an appraisal result, a giải trình or a final result from the worker's verdict (a request
 * with `withContent` or `stage`): its checked bytes through the kind's step 8 again (pure, no package read).
 */
export const checkedExchange = <K extends ExchangeKind>(verdict: Pick<WorkerVerdict, 'result' | 'content'>, kind: K): ExchangeContent<K> => {
  const { signer, files } = verdict.result;
  if (!signer) return fail('E_SIGNER_COUNT', 'no signer in a valid report');
  const contentPath = PACKAGE_PROFILES.find((p) => p.kind === kind)!.contentPath;
  const checked = checkExchangeSemantics(kind, checkedContent(verdict, contentPath), new Map(files.map((f) => [f.path, f])), signer).checked;
  return checked.content as ExchangeContent<K>;
};

/** The kept entries (a round's sets) the same way: each compared with its digest in the signed manifest. */
export const checkedKept = (verdict: Pick<WorkerVerdict, 'result' | 'kept'>): Map<string, Buffer> =>
  new Map(Object.entries(verdict.kept).map(([path, text]) => [path, checkedBytes(verdict.result, path, text)]));

const checkedBytes = (result: VerifyResult, path: string, text: string | null | undefined): Buffer => {
  const listed = result.files.find((f) => f.path === path);
  if (!listed || typeof text !== 'string') return fail('E_MISSING_ENTRY', path);
  const bytes = Buffer.from(text, 'utf8');
  if (createHash('sha256').update(bytes).digest('hex') !== listed.sha256) fail('E_DIGEST_MISMATCH', path);
  return bytes;
};

/**
 * Runs the verification of one file in a worker of its own with a wall-clock timeout: a hostile file that hangs
 * or crashes the parser takes the worker down, not the app. Cancel (signal) kills the worker. The verdict
 * carries what the request asked back beyond the report (`withContent`, `stage`).
 */
export const checkInWorker = async (file: string, o: VerifyInWorkerOptions): Promise<WorkerVerdict> => {
  const session = openVerifySession(o.launcher);
  try {
    return await session.check(file, o);
  } finally {
    session.close();
  }
};

/** checkInWorker's report alone. */
export const verifyInWorker = async (file: string, o: VerifyInWorkerOptions): Promise<VerifyResult> => (await checkInWorker(file, o)).result;

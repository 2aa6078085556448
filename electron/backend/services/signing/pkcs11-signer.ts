import { X509Certificate } from 'node:crypto';

import { AppFailure } from '../../../../shared/ipc/result';
import type { WorkerHandle, WorkerLauncher } from '../../workers-seam/launcher';
import type { Pkcs11Opened, Pkcs11Request, Pkcs11Response, TokenSummary } from '../../workers-seam/pkcs11-protocol';
import { certDetails, OID } from './pki';
import type { Signer } from './signer';

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
type RequestBody = DistributiveOmit<Pkcs11Request, 'id'>;

/** Talks to one PKCS#11 worker process; every call has a timeout (a slow or hung token must not hang the app). */
class Pkcs11Client {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private readonly child: WorkerHandle;
  private exited = false;

  constructor(launcher: WorkerLauncher, env?: NodeJS.ProcessEnv) {
    this.child = launcher('pkcs11-worker', env);
    this.child.on('message', (r: Pkcs11Response) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      clearTimeout(p.timer);
      if (r.ok) p.resolve(r.value);
      else p.reject(AppFailure.fromError(r.error));
    });
    this.child.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(AppFailure.of('TOKEN_WORKER_DIED'));
      }
      this.pending.clear();
    });
  }

  call<T>(body: RequestBody, timeoutMs: number): Promise<T> {
    if (this.exited) return Promise.reject(AppFailure.of('TOKEN_SESSION_CLOSED'));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.kill();
        reject(AppFailure.of('TOKEN_TIMEOUT'));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ ...body, id } as Pkcs11Request);
    });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.call({ op: 'close' }, 10_000);
    } catch {
      /* killed below */
    }
    this.kill();
  }

  kill(): void {
    if (!this.exited) this.child.kill();
  }
}

export type Pkcs11Options = {
  /** Path of the vendor PKCS#11 module (.dll/.so/.dylib) the user chose. */
  module: string;
  tokenSerial?: string;
  certId?: string;
  /** Extra environment for the worker (tests: SOFTHSM2_CONF). */
  env?: NodeJS.ProcessEnv;
  /** How the worker process starts (the host's launcher, BackendContext.workerLauncher). */
  launcher: WorkerLauncher;
  timeoutMs?: number;
};

/** Lists the tokens present in the module's slots (no PIN needed). */
export const listPkcs11Tokens = async (o: Pick<Pkcs11Options, 'module' | 'env' | 'launcher' | 'timeoutMs'>): Promise<TokenSummary[]> => {
  const client = new Pkcs11Client(o.launcher, o.env);
  try {
    return await client.call<TokenSummary[]>({ op: 'listTokens', module: o.module }, o.timeoutMs ?? 30_000);
  } finally {
    await client.close();
  }
};

/**
 * Opens a signing session on a PKCS#11 token (C_Login with `pin`, once). The returned Signer keeps the
 * worker alive until close(); the PIN is sent to the worker and not kept here.
 */
export const openPkcs11Signer = async (o: Pkcs11Options, pin: string): Promise<Signer> => {
  const client = new Pkcs11Client(o.launcher, o.env);
  const timeout = o.timeoutMs ?? 60_000;
  let opened: Pkcs11Opened;
  try {
    opened = await client.call<Pkcs11Opened>(
      { op: 'open', module: o.module, pin, ...(o.tokenSerial ? { tokenSerial: o.tokenSerial } : {}), ...(o.certId ? { certId: o.certId } : {}) },
      timeout,
    );
  } catch (e) {
    await client.close();
    throw e;
  }
  const certificate = new Uint8Array(Buffer.from(opened.certificate, 'base64'));
  const leaf = new X509Certificate(certificate);
  const others = opened.others.map((b) => new Uint8Array(Buffer.from(b, 'base64')));
  // Intermediates on the token: keep those on the issuer path, drop self-signed roots.
  const chain: Uint8Array[] = [];
  let cur = leaf;
  for (let i = 0; i < 8; i++) {
    const next = others.map((d) => new X509Certificate(d)).find((c) => cur.checkIssued(c) && cur.verify(c.publicKey));
    if (!next || next.checkIssued(next)) break;
    chain.push(new Uint8Array(next.raw));
    cur = next;
  }
  return {
    certificate,
    chain,
    details: certDetails(certificate),
    signatureAlgorithm: opened.mechanism === 'CKM_ECDSA' ? OID.ecdsaWithSha256 : OID.sha256WithRSA,
    sign: async (data) =>
      new Uint8Array(Buffer.from(await client.call<string>({ op: 'sign', data: Buffer.from(data).toString('base64') }, timeout), 'base64')),
    close: () => client.close(),
  };
};

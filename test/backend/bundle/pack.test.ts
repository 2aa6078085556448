import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { packBundle } from '../../../electron/backend/services/bundle/pack';
import type { PackOptions } from '../../../electron/backend/services/bundle/pack';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyBundle } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { isAppFailure } from '../../../shared/ipc/result';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { knownSets, sampleInput } from './sample';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);

const setup = async (p12 = pki.p12.modernAscii) => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-pack-'));
  const input = sampleInput(join(dir, 'in'));
  const trust = loadTrustStore(pki.caFile);
  const opts: PackOptions = {
    out: join(dir, 'out.asice'),
    submission: input.submission,
    evidence: input.evidence,
    signer: await openP12Signer(readFileSync(p12), ASCII_PASSWORD),
    now: new Date(),
    verify: (f) => verifyBundle(f, { trust, lookupIndicatorSet: knownSets }),
  };
  return { dir, input, opts };
};

const failureCode = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return isAppFailure(e) ? e.code : `THROWN ${(e as Error).message}`;
  }
};

const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.asice') || f.endsWith('.partial'));

describe('packBundle', () => {
  it('reports progress up to the total and leaves only the final file', async () => {
    const { dir, opts } = await setup();
    const seen: [number, number][] = [];
    const r = await packBundle({ ...opts, onProgress: (d, t) => seen.push([d, t]) });
    const total = opts.evidence.reduce((s, e) => s + e.size, 0);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1]![0])).toBe(true);
    expect(leftovers(dir)).toEqual(['out.asice']);
    expect(r.verification?.files.map((f) => f.path)).toContain('evidence/0003.txt');
  });

  it('cancel: CANCELLED, no partial and no final file', async () => {
    const { dir, opts } = await setup();
    const ac = new AbortController();
    ac.abort();
    expect(await failureCode(packBundle({ ...opts, signal: ac.signal }))).toBe('CANCELLED');
    expect(leftovers(dir)).toEqual([]);
  });

  it('cancel while streaming evidence', async () => {
    const { dir, opts } = await setup();
    const ac = new AbortController();
    expect(await failureCode(packBundle({ ...opts, signal: ac.signal, onProgress: (d) => d > 0 && ac.abort() }))).toBe('CANCELLED');
    expect(leftovers(dir)).toEqual([]);
  });

  it('evidence changed, resized or deleted since attach: FILE_CHANGED and nothing left', async () => {
    for (const mutate of [
      (f: string) => {
        const b = readFileSync(f);
        b[5]! ^= 1;
        writeFileSync(f, b);
      },
      (f: string) => writeFileSync(f, Buffer.concat([readFileSync(f), Buffer.from('x')])),
      (f: string) => rmSync(f),
    ]) {
      const { dir, opts } = await setup();
      mutate(opts.evidence[1]!.source);
      expect(await failureCode(packBundle(opts))).toBe('FILE_CHANGED');
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it('an expired certificate is refused before anything is written', async () => {
    const { dir, opts } = await setup(pki.p12.expiredAscii);
    expect(await failureCode(packBundle(opts))).toBe('CERT_EXPIRED');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a bundle failing the post-write verification is removed (BUNDLE_INVALID)', async () => {
    const { dir, opts } = await setup();
    const foreign = loadTrustStore(pki.foreignCaFile);
    expect(await failureCode(packBundle({ ...opts, verify: (f) => verifyBundle(f, { trust: foreign }) }))).toBe('BUNDLE_INVALID');
    expect(leftovers(dir)).toEqual([]);
    expect(existsSync(opts.out)).toBe(false);
  });

  it('an unwritable target folder is PERMISSION_DENIED or IO, never a crash', async () => {
    const { opts } = await setup();
    const code = await failureCode(packBundle({ ...opts, out: '/proc/cchc-cannot-write/out.asice' }));
    expect(['PERMISSION_DENIED', 'IO']).toContain(code);
  });
});

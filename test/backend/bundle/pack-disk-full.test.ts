import { spawnSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { packBundle } from '../../../electron/backend/services/bundle/pack';
import { zipWriterFaults } from '../../../electron/backend/services/bundle/zip-writer';
import { errnoError } from '../../../electron/backend/services/backup/faults';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { isAppFailure } from '../../../shared/ipc/result';
import { makeTempDir } from '../../helpers/backend';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { sampleInput } from './sample';

let pki: TestPki;
const cleanups: Array<() => void> = [];
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);
afterEach(() => {
  delete zipWriterFaults.onWrite;
  while (cleanups.length) cleanups.pop()!();
});

/** A real 1 MiB tmpfs when we may mount one (root in CI containers); null otherwise. */
const tinyDisk = (): string | null => {
  const dir = makeTempDir('cchc-pack-tmpfs-');
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' }).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  cleanups.push(() => {
    spawnSync('umount', [dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
};

describe('packBundle onto a full disk', () => {
  it('a 2 MiB evidence file onto 1 MiB (real tmpfs, else injected ENOSPC) → DISK_FULL, nothing left, no hang', async () => {
    const inDir = makeTempDir('cchc-pack-full-in-');
    cleanups.push(() => rmSync(inDir, { recursive: true, force: true }));
    const input = sampleInput(inDir);
    const big = randomBytes(2 * 1024 * 1024);
    writeFileSync(join(inDir, 'big.pdf'), big);
    const sha256 = createHash('sha256').update(big).digest('hex');
    const evidence = [...input.evidence, { path: 'evidence/0004.pdf', source: join(inDir, 'big.pdf'), size: big.length, sha256 }];
    let outDir = tinyDisk();
    if (!outDir) {
      outDir = makeTempDir('cchc-pack-full-out-');
      const dir = outDir;
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      zipWriterFaults.onWrite = (n) => {
        if (n > 1024 * 1024) throw errnoError('ENOSPC');
      };
    }
    const signer = await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD);
    let failure: unknown = null;
    try {
      await packBundle({ out: join(outDir, 'full.asice'), submission: input.submission, evidence, signer, now: new Date() });
    } catch (e) {
      failure = e;
    } finally {
      await signer.close();
    }
    expect(isAppFailure(failure) && failure.code).toBe('DISK_FULL');
    expect(readdirSync(outDir)).toEqual([]);
  }, 60_000);
});

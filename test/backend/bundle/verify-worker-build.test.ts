import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { checkedContent, openVerifySession } from '../../../electron/backend/services/bundle/verify/verify-process';
import type { WorkerLauncher } from '../../../electron/backend/workers-seam/launcher';
import { forkWorker } from '../../../electron/workers/launch';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { writeSignedSample } from './craft';
import { SET } from './sample';

/**
 * The verification worker as `npm run build` ships it (scripts/verify-worker-build.mjs: one ES module, its
 * dependencies bundled): built here into a temp folder, away from node_modules' layout, and run as a plain
 * Node child. It must verify and stage exactly like the source (a bundling that broke pkijs, @peculiar/x509 or
 * yauzl would show here, not in the packaged app).
 */
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
let pki: TestPki;
let work: string;
let good: string;
let built: string;

beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(join(tmpdir(), 'cchc-vwb-'));
  good = await writeSignedSample(pki, work);
  built = join(mkdtempSync(join(tmpdir(), 'cchc-vwb-out-')), 'verify-worker.js');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'verify-worker-build.mjs'), built]);
}, 120_000);

/** Starts the built file as electron/workers/launch.ts starts any worker. */
const builtLauncher = (): WorkerLauncher => () => forkWorker(built, []);

describe('the shipped verification worker (one file)', () => {
  it('is one file that needs no package at run time: every import is a Node built-in', () => {
    const text = readFileSync(built, 'utf8');
    const imports = [...text.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((m) => !m!.startsWith('node:'))).toEqual([]);
    expect(statSync(built).size).toBeGreaterThan(500_000); // its dependencies are inside
  });

  it('verifies, stages the evidence and returns the checked content like the source worker', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-vwb-stage-'));
    const session = openVerifySession(builtLauncher());
    try {
      const base = { trust: loadTrustStore(pki.caFile), checkSets: true, knownSets: [{ id: SET.id, version: SET.version, sha256: SET.sha256 }], imported: [] };
      const v = await session.check(good, { ...base, stage: { prefix: join(dataDir, 'ok-'), dataDir, reuse: false } });
      expect([v.result.status, v.result.code]).toEqual(['VALID_WITH_WARNINGS', 'W_REVOCATION_UNKNOWN']);
      expect(v.staged.map((t) => t.path)).toEqual(v.result.files.filter((f) => f.path.startsWith('evidence/')).map((f) => f.path));
      expect(JSON.parse(checkedContent(v, 'submission.json').toString('utf8'))).toMatchObject({ revision: expect.any(Number) });
      const tampered = Buffer.from(readFileSync(good));
      const at = tampered.indexOf(readFileSync(v.staged[0]!.tmpPath));
      tampered[at + 10]! ^= 0xff;
      writeFileSync(join(work, 'tampered.asice'), tampered);
      expect((await session.check(join(work, 'tampered.asice'), base)).result.code).toBe('E_DIGEST_MISMATCH');
    } finally {
      session.close();
    }
  });
});

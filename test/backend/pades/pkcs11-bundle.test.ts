import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { ChosenKey } from '../../../shared/ipc/channels/signing';
import type { Job } from '../../../shared/schemas/job';
import type { WorkerLauncher } from '../../../electron/backend/workers-seam/launcher';
import { addCrlFiles, loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyBundle } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { launchWorker } from '../../../electron/workers/launch';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { createSoftHsmToken } from '../../helpers/softhsm';
import type { TestToken } from '../../helpers/softhsm';
import { fillFromExample } from '../bundle/stored-assessment';
import { expectValidPades } from './checks';
import { sealPng, signaturePng } from './fixtures';
import { nssDbTrusting } from './tools';

/**
 * The token path of the app: the key chosen in the wizard (signing.chooseKey, kind pkcs11), then ONE PIN
 * for the export, during which the real PKCS#11 worker logs in once and signs twice — report.pdf (PAdES)
 * and the bundle's manifest (CAdES). The launcher records what each worker process was asked to do.
 */

let pki: TestPki;
let token: TestToken;
let nssDir: string;
let b: TestBackend | undefined;
beforeAll(async () => {
  pki = await createTestPki();
  token = createSoftHsmToken(pki.leaf, [pki.intermediate]);
  nssDir = nssDbTrusting(pki.caFile);
}, 60_000);
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

describe('bundle export with a PKCS#11 token (SoftHSM2, real worker)', () => {
  it('one login signs report.pdf and the bundle; both verify', async () => {
    const workers: string[][] = [];
    const launcher: WorkerLauncher = (name, env) => {
      const child = launchWorker(name, { ...env, ...token.env });
      if (name !== 'pkcs11-worker') return child;
      const ops: string[] = [];
      workers.push(ops);
      return { ...child, on: child.on.bind(child), kill: child.kill.bind(child), send: (m: unknown) => (ops.push((m as { op: string }).op), child.send(m)) };
    };
    b = createTestBackend({ workerLauncher: launcher });
    const a = await fillFromExample(b);
    for (const [kind, png] of [['signature', signaturePng()], ['seal', sealPng()]] as const) {
      const file = join(makeTempDir('cchc-hsm-img-'), `${kind}.png`);
      writeFileSync(file, png);
      await callOk(b, 'unit.setSignatureImage', { kind, uploadId: b.ctx.uploads.register(file, `${kind}.png`, png.length).id });
    }
    b.host.nextPicks.push([token.module]);
    const preview = await callOk<ChosenKey>(b, 'signing.chooseKey', { source: { kind: 'pkcs11', pin: token.pin } });
    expect(preview.problem).toBeNull();
    const out = join(makeTempDir('cchc-hsm-bundle-'), 'STP-HP_2025.asice');
    b.host.nextSaveTargets.push(out);
    const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'submission.export', { assessmentId: a.id, keyId: preview.keyId, pin: token.pin })).id);
    expect(job.error).toBeUndefined();
    expect(job.state).toBe('done');

    // The preview opened and closed the token; the export opened it once (one C_Login) and signed twice.
    expect(workers).toEqual([
      ['open', 'close'],
      ['open', 'sign', 'sign', 'close'],
    ]);

    const x = makeTempDir('cchc-hsm-x-');
    execFileSync('unzip', ['-q', out, 'report.pdf', '-d', x]);
    const report = readFileSync(join(x, 'report.pdf'));
    const end = report.indexOf('%%EOF') + '%%EOF'.length + 1;
    await expectValidPades(report, report.subarray(0, end), { nssDir, caFile: pki.caFile }, { sameText: true });
    const v = await verifyBundle(out, { trust: addCrlFiles(loadTrustStore(pki.caFile), [pki.crlFile]) });
    expect([v.status, v.code]).toEqual(['VALID', 'OK']);
  }, 180_000);
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestCert } from './pki';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export type TestToken = { module: string; env: NodeJS.ProcessEnv; pin: string; soPin: string; label: string; dir: string };

/**
 * A SoftHSM2 token in a temp folder (SOFTHSM2_CONF points there, so nothing global is touched) holding
 * `cert` and its private key under CKA_ID 01, plus optional extra certificates (intermediates).
 */
export const createSoftHsmToken = (cert: TestCert, extra: TestCert[] = [], pin = '123456'): TestToken => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-softhsm-'));
  mkdirSync(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  const soPin = '87654321';
  const label = 'CCHC-TEST';
  const run = (cmd: string, args: string[]): void => {
    execFileSync(cmd, args, { env, stdio: 'pipe' });
  };
  run('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', soPin, '--pin', pin]);
  run('softhsm2-util', ['--import', cert.keyFile, '--token', label, '--id', '01', '--label', 'signing-key', '--pin', pin]);
  const certDer = join(dir, 'cert.der');
  writeFileSync(certDer, cert.der);
  run('pkcs11-tool', ['--module', SOFTHSM_MODULE, '--token-label', label, '--login', '--pin', pin, '--write-object', certDer, '--type', 'cert', '--id', '01', '--label', 'signing-cert']);
  extra.forEach((c, i) => {
    const f = join(dir, `extra${i}.der`);
    writeFileSync(f, c.der);
    run('pkcs11-tool', ['--module', SOFTHSM_MODULE, '--token-label', label, '--login', '--pin', pin, '--write-object', f, '--type', 'cert', '--id', `1${i}`, '--label', `ca-${i}`]);
  });
  return { module: SOFTHSM_MODULE, env: { SOFTHSM2_CONF: conf }, pin, soPin, label, dir };
};

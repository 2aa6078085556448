import 'reflect-metadata';

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import * as x509 from '@peculiar/x509';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { TrustEntry } from '../../../shared/ipc/channels/trust';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';

let pki: TestPki;
let b: TestBackend | undefined;
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const fp = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex');
const trustDir = (b: TestBackend) => join(b.dataDir, 'trust');
const failure = async (b: TestBackend, channel: string, payload: unknown) => {
  const r = await b.call(channel, payload);
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
};
const importPicked = async (b: TestBackend, file: string) => {
  b.host.nextPicks.push([file]);
  return callOk<{ added: TrustEntry[] }>(b, 'trust.import', {});
};

describe('trust anchors (trust.list / trust.import / trust.remove, real data folder)', () => {
  it('imports a CA in PEM, lists it with exact details, stores it under its fingerprint, and the verifier loads it', async () => {
    b = createTestBackend();
    expect(await callOk(b, 'trust.list')).toEqual([]);
    const { added } = await importPicked(b, pki.caFile);
    const rootFp = fp(pki.root.der);
    const cert = new x509.X509Certificate(pki.root.der);
    const expected: TrustEntry = {
      kind: 'anchor',
      fingerprint: rootFp,
      subject: 'CN=CCHC Test Root CA, O=Test PKI, C=VN',
      issuer: 'CN=CCHC Test Root CA, O=Test PKI, C=VN',
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
      fileName: `${rootFp}.pem`,
    };
    expect(added).toEqual([expected]);
    expect(await callOk(b, 'trust.list')).toEqual([expected]);
    expect(readdirSync(trustDir(b))).toEqual([`${rootFp}.pem`]);
    // What services/trust/verify.ts reads for verification: exactly the imported DER.
    const store = loadTrustStore(trustDir(b));
    expect(store.anchors.map((a) => fp(a))).toEqual([rootFp]);
    // Importing the same CA again is idempotent.
    await importPicked(b, pki.caFile);
    expect(await callOk<TrustEntry[]>(b, 'trust.list')).toHaveLength(1);
  });

  it('imports a DER CA through an upload id and a PEM CRL file; lists anchors before CRLs', async () => {
    b = createTestBackend();
    const dir = makeTempDir('cchc-trust-in-');
    const der = join(dir, 'intermediate.cer');
    writeFileSync(der, pki.intermediate.der);
    const up = b.ctx.uploads.register(der, 'intermediate.cer', pki.intermediate.der.length);
    const { added } = await callOk<{ added: TrustEntry[] }>(b, 'trust.import', { uploadId: up.id });
    expect(added.map((e) => [e.kind, e.fingerprint, e.subject])).toEqual([['anchor', fp(pki.intermediate.der), 'CN=CCHC Test Issuing CA, O=Test PKI, C=VN']]);
    const crls = await importPicked(b, pki.crlFile);
    expect(crls.added.map((e) => e.kind)).toEqual(['crl', 'crl']);
    expect(crls.added.map((e) => e.subject).sort()).toEqual(['CN=CCHC Test Issuing CA, O=Test PKI, C=VN', 'CN=CCHC Test Root CA, O=Test PKI, C=VN']);
    const list = await callOk<TrustEntry[]>(b, 'trust.list');
    expect(list.map((e) => e.kind)).toEqual(['anchor', 'crl', 'crl']);
    for (const e of crls.added) {
      expect(e.fileName).toBe(`${e.fingerprint}.crl`);
      // Stored as DER: the fingerprint is the SHA-256 of the file's bytes.
      expect(fp(readFileSync(join(trustDir(b), e.fileName)))).toBe(e.fingerprint);
    }
    expect(loadTrustStore(trustDir(b)).crls).toHaveLength(2);
  });

  it('refuses a leaf certificate (not a CA), garbage and an empty file; nothing is written', async () => {
    b = createTestBackend();
    expect((await failure(b, 'trust.import', {})).code).toBe('CANCELLED'); // dialog closed without a file
    b.host.nextPicks.push([pki.leaf.pemFile]);
    const e1 = await failure(b, 'trust.import', {});
    expect(e1.code).toBe('CERT_INVALID');
    expect(e1.message).toContain('không phải chứng thư của tổ chức chứng thực (CA)');
    const dir = makeTempDir('cchc-trust-bad-');
    const garbage = join(dir, 'rac.pem');
    writeFileSync(garbage, 'đây không phải chứng thư\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    b.host.nextPicks.push([garbage]);
    expect((await failure(b, 'trust.import', {})).code).toBe('BAD_FILE');
    const bin = join(dir, 'x.der');
    writeFileSync(bin, Buffer.from([0x30, 0x82, 0x01, 0x00, 1, 2, 3]));
    b.host.nextPicks.push([bin]);
    expect((await failure(b, 'trust.import', {})).code).toBe('BAD_FILE');
    const empty = join(dir, 'empty.pem');
    writeFileSync(empty, '');
    b.host.nextPicks.push([empty]);
    expect((await failure(b, 'trust.import', {})).code).toBe('BAD_FILE');
    // A PEM with a CA and a leaf is refused as a whole.
    const mixed = join(dir, 'mixed.pem');
    writeFileSync(mixed, pki.root.pem + pki.leaf.pem);
    b.host.nextPicks.push([mixed]);
    expect((await failure(b, 'trust.import', {})).code).toBe('CERT_INVALID');
    expect(existsSync(trustDir(b)) ? readdirSync(trustDir(b)) : []).toEqual([]);
    expect(await callOk(b, 'trust.list')).toEqual([]);
  });

  it('removes by fingerprint, including from a hand-copied file holding several certificates', async () => {
    b = createTestBackend();
    await importPicked(b, pki.caFile);
    await importPicked(b, pki.crlFile);
    mkdirSync(trustDir(b), { recursive: true });
    writeFileSync(join(trustDir(b), 'chain.pem'), pki.intermediate.pem + pki.foreignRoot.pem);
    copyFileSync(pki.caFile, join(trustDir(b), 'root-copy.pem'));
    const before = await callOk<TrustEntry[]>(b, 'trust.list');
    expect(before.filter((e) => e.kind === 'anchor').map((e) => e.fingerprint).sort()).toEqual(
      [pki.root.der, pki.intermediate.der, pki.foreignRoot.der].map(fp).sort(),
    );

    expect(await callOk(b, 'trust.remove', { fingerprint: fp(pki.foreignRoot.der) })).toEqual({ removed: true });
    expect(readFileSync(join(trustDir(b), 'chain.pem'), 'utf8')).toBe(pki.intermediate.pem);
    // The root is in two files: both go.
    expect(await callOk(b, 'trust.remove', { fingerprint: fp(pki.root.der) })).toEqual({ removed: true });
    expect(existsSync(join(trustDir(b), 'root-copy.pem'))).toBe(false);
    const crl = before.find((e) => e.kind === 'crl')!;
    expect(await callOk(b, 'trust.remove', { fingerprint: crl.fingerprint })).toEqual({ removed: true });
    const after = await callOk<TrustEntry[]>(b, 'trust.list');
    expect(after.map((e) => [e.kind, e.fingerprint])).toEqual([
      ['anchor', fp(pki.intermediate.der)],
      ['crl', before.filter((e) => e.kind === 'crl').find((e) => e.fingerprint !== crl.fingerprint)!.fingerprint],
    ]);
    expect(await callOk(b, 'trust.remove', { fingerprint: fp(pki.root.der) })).toEqual({ removed: false });
    expect((await failure(b, 'trust.remove', { fingerprint: '../../etc/passwd' })).code).toBe('VALIDATION');
  });
});

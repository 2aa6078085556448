import { readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

import { selfCheckTrust } from '../../../electron/backend/services/bundle/export-assessment';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { ASCII_PASSWORD, createTestPki, makeP12 } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);

describe("the exporter's self-check trust", () => {
  it('keeps the root carried in the .p12 apart: not shipped in the chain, used as the self-check anchor', async () => {
    const file = makeP12(pki.dir, 'with-root', pki.leaf, [pki.intermediate, pki.root], ASCII_PASSWORD, false);
    const signer = await openP12Signer(readFileSync(file), ASCII_PASSWORD);
    expect(signer.chain.map((c) => Buffer.from(c).toString('hex'))).toEqual([Buffer.from(pki.intermediate.der).toString('hex')]);
    expect(Buffer.from(signer.root!).equals(Buffer.from(pki.root.der))).toBe(true);
    const trust = selfCheckTrust(signer, null);
    expect(Buffer.from(trust.anchors[0]!).equals(Buffer.from(pki.root.der))).toBe(true);
    await signer.close();
  });

  it('prefers configured anchors when there are any', async () => {
    const file = makeP12(pki.dir, 'no-root', pki.leaf, [pki.intermediate], ASCII_PASSWORD, false);
    const signer = await openP12Signer(readFileSync(file), ASCII_PASSWORD);
    expect(signer.root).toBeUndefined();
    const configured = { anchors: [new Uint8Array(pki.foreignRoot.der)], crls: [] };
    expect(selfCheckTrust(signer, configured)).toBe(configured);
    expect(Buffer.from(selfCheckTrust(signer, null).anchors[0]!).equals(Buffer.from(pki.intermediate.der))).toBe(true);
    await signer.close();
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../electron/backend/backend';
import { main } from '../../electron/cli/main';
import { ASCII_PASSWORD, createTestPki } from '../helpers/pki';
import type { TestPki } from '../helpers/pki';

const EXAMPLES = join(PROJECT_ROOT, 'resources', 'examples');

const run = async (argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

let pki: TestPki;
let dir: string;
let bundle: string;
beforeAll(async () => {
  pki = await createTestPki();
  dir = mkdtempSync(join(tmpdir(), 'cchc-cli-verify-'));
  bundle = join(dir, 'ok.asice');
  const r = await run(
    ['pack', '--set', 'hp-2025-so', '--answers', join(EXAMPLES, 'hp-2025-so-answers.json'), '--evidence-dir', join(EXAMPLES, 'evidence'), '--p12', pki.p12.modernAscii, '--password-env', 'PW', '--out', bundle],
    dir,
    { PW: ASCII_PASSWORD },
  );
  if (r.code !== 0) throw new Error(r.err);
}, 60_000);

describe('cchc verify', () => {
  it('--json prints status, code, message, signer, files; exit 0 when valid', async () => {
    const r = await run(['verify', bundle, '--trust', pki.caFile, '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { status: string; code: string; message: string; signer: { sha256: string }; files: { path: string }[] };
    expect(j.status).toBe('VALID_WITH_WARNINGS');
    expect(j.code).toBe('W_REVOCATION_UNKNOWN');
    expect(j.message).toContain('thu hồi');
    expect(j.signer.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(j.files.map((f) => f.path)).toContain('evidence/0001.pdf');
  });

  it('a trust folder with the CRLs: VALID apart from the signer-registry warning', async () => {
    const trustDir = mkdtempSync(join(dir, 'trust-'));
    writeFileSync(join(trustDir, 'root.pem'), readFileSync(pki.caFile));
    writeFileSync(join(trustDir, 'ca.crl'), readFileSync(pki.crlFile));
    const r = await run(['verify', bundle, '--trust', trustDir, '--json'], dir);
    const j = JSON.parse(r.out) as { status: string; code: string; warnings: { code: string }[] };
    expect(r.code).toBe(0);
    // The example agency is "Sở Tư pháp … (ví dụ)" while the test certificate names the real one.
    expect(j.warnings.map((w) => w.code)).toEqual(['W_SIGNER_NOT_REGISTERED']);
  });

  it('exit 1 with the code for a wrong CA and for a tampered bundle', async () => {
    const foreign = await run(['verify', bundle, '--trust', pki.foreignCaFile, '--json'], dir);
    expect(foreign.code).toBe(1);
    expect(JSON.parse(foreign.out).code).toBe('E_UNTRUSTED');
    const bytes = readFileSync(bundle);
    const at = bytes.indexOf(Buffer.from('%PDF'));
    bytes[at + 10]! ^= 0xff;
    const bad = join(dir, 'bad.asice');
    writeFileSync(bad, bytes);
    const r = await run(['verify', bad, '--trust', pki.caFile], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('KHÔNG HỢP LỆ');
  });

  it('usage errors exit 2', async () => {
    expect((await run(['verify', bundle], dir)).code).toBe(2);
    expect((await run(['verify', '--trust', pki.caFile], dir)).code).toBe(2);
    expect((await run(['verify', bundle, '--trust', join(dir, 'missing.pem')], dir)).code).toBe(2);
  });

  it('cchc inspect summarises without trusting', async () => {
    const r = await run(['inspect', bundle], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('CHƯA kiểm tra chữ ký số');
    expect(r.out).toContain('Sở Tư pháp thành phố Hải Phòng (ví dụ)');
    expect(r.out).toContain('(ke-hoach-cchc-2025.pdf)');
    const notZip = join(dir, 'n.asice');
    writeFileSync(notZip, 'hello');
    const n = await run(['inspect', notZip], dir);
    expect(n.code).toBe(1);
    expect(n.out).toContain('E_NOT_ZIP');
  });
});

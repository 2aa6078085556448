import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../electron/backend/backend';
import { main } from '../../electron/cli/main';
import { ASCII_PASSWORD, createTestPki, VI_PASSWORD } from '../helpers/pki';
import type { TestPki } from '../helpers/pki';
import { createSoftHsmToken } from '../helpers/softhsm';

const EXAMPLES = join(PROJECT_ROOT, 'resources', 'examples');

const run = async (argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

let pki: TestPki;
let dir: string;
beforeAll(async () => {
  pki = await createTestPki();
  dir = mkdtempSync(join(tmpdir(), 'cchc-cli-pack-'));
}, 60_000);

const packArgs = (out: string, signer: string[]) => [
  'pack',
  '--set',
  'hp-2025-so',
  '--answers',
  join(EXAMPLES, 'hp-2025-so-answers.json'),
  '--evidence-dir',
  join(EXAMPLES, 'evidence'),
  ...signer,
  '--out',
  out,
];

/** openssl cms -verify + an independent recompute of every manifest digest, on an extracted copy. */
const interop = (bundle: string): string[] => {
  const x = mkdtempSync(join(dir, 'x-'));
  execFileSync('unzip', ['-q', bundle, '-d', x]);
  const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(x, 'META-INF/signature001.p7s'), '-content', join(x, 'META-INF/ASiCManifest.xml'), '-CAfile', pki.caFile, '-purpose', 'any', '-out', '/dev/null']);
  expect(r.stderr.toString()).toContain('Verification successful');
  const xml = readFileSync(join(x, 'META-INF/ASiCManifest.xml'), 'utf8');
  const uris: string[] = [];
  for (const m of xml.matchAll(/URI="([^"]+)"[^>]*>\s*<ds:DigestMethod[^>]*\/>\s*<ds:DigestValue>([^<]+)</g)) {
    expect(createHash('sha256').update(readFileSync(join(x, m[1]!))).digest('base64')).toBe(m[2]);
    uris.push(m[1]!);
  }
  return uris;
};

describe('cchc pack', () => {
  it('packs the example answers with a modern .p12 (Vietnamese password); openssl and a digest recompute agree', async () => {
    const out = join(dir, 'modern.asice');
    const p12 = (await import('../helpers/pki')).makeP12(pki.dir, 'cli-vi', pki.leaf, [pki.intermediate], VI_PASSWORD, false);
    const r = await run(packArgs(out, ['--p12', p12, '--password-env', 'CCHC_P12_PASSWORD']), dir, { CCHC_P12_PASSWORD: VI_PASSWORD });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Người ký: CN=Nguyễn Văn An');
    expect(r.out).not.toContain(VI_PASSWORD);
    const uris = interop(out);
    expect(uris).toContain('submission.json');
    expect(uris).toContain('report.pdf');
    expect(uris).toContain('report.xlsx');
    expect(uris.filter((u) => u.startsWith('evidence/'))).toHaveLength(7);
    const sub = JSON.parse(execFileSync('unzip', ['-p', out, 'submission.json']).toString()) as { evidence: { originalName: string }[]; agency: { code: string } };
    expect(sub.agency.code).toBe('STP-HP');
    expect(sub.evidence.map((e) => e.originalName)).toContain('ke-hoach-cchc-2025.pdf');
    expect(readdirSync(dir).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('packs with a legacy .p12 and with a SoftHSM2 token', async () => {
    const legacy = join(dir, 'legacy.asice');
    expect((await run(packArgs(legacy, ['--p12', pki.p12.legacyAscii, '--password-env', 'PW']), dir, { PW: ASCII_PASSWORD })).code).toBe(0);
    interop(legacy);
    const token = createSoftHsmToken(pki.leaf, [pki.intermediate]);
    const hsm = join(dir, 'hsm.asice');
    const r = await run(packArgs(hsm, ['--pkcs11', token.module, '--pin-env', 'PIN']), dir, { ...process.env, ...token.env, PIN: token.pin });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    interop(hsm);
  }, 60_000);

  it('a wrong password fails (exit 1) without writing anything', async () => {
    const out = join(dir, 'wrong.asice');
    const r = await run(packArgs(out, ['--p12', pki.p12.modernAscii, '--password-env', 'PW']), dir, { PW: 'nope' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('Mật khẩu');
    expect(existsSync(out)).toBe(false);
  });

  it('an expired certificate is refused (exit 1)', async () => {
    const r = await run(packArgs(join(dir, 'exp.asice'), ['--p12', pki.p12.expiredAscii, '--password-env', 'PW']), dir, { PW: ASCII_PASSWORD });
    expect(r.code).toBe(1);
    expect(r.err).toContain('hết hạn');
  });

  it('usage errors exit 2', async () => {
    expect((await run(['pack', '--out', 'x.asice'], dir)).code).toBe(2);
    expect((await run(packArgs(join(dir, 'y.asice'), ['--p12', pki.p12.modernAscii]), dir)).code).toBe(2);
    expect((await run(packArgs(join(dir, 'y.asice'), ['--p12', pki.p12.modernAscii, '--password-env', 'UNSET_VAR']), dir)).code).toBe(2);
  });
});

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { main } from '../../electron/cli/main';
import { ASCII_PASSWORD, createTestPki } from '../helpers/pki';
import type { TestPki } from '../helpers/pki';

const run = async (argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const definition = {
  year: 2025,
  issuer: { code: 'SNV-HP', name: 'Sở Nội vụ thành phố Hải Phòng' },
  sets: { SO: 'hp-2025-so', PHUONG: 'hp-2025-xa-phuong' },
  units: [
    { code: 'STP-HP', name: 'Sở Tư pháp thành phố Hải Phòng', block: 'SO' },
    { code: 'P-HONGBANG', name: 'Phường Hồng Bàng', block: 'PHUONG' },
  ],
  deadlines: { selfAssessmentDue: '2025-11-30', explanationStart: '2026-01-05', explanationEnd: '2026-01-15' },
};

let pki: TestPki;
let dir: string;
let round: string;
beforeAll(async () => {
  pki = await createTestPki();
  dir = mkdtempSync(join(tmpdir(), 'cchc-cli-round-'));
  writeFileSync(join(dir, 'round-def.json'), JSON.stringify(definition));
  round = join(dir, 'round.asice');
  const r = await run(['round', 'pack', '--round', 'round-def.json', '--p12', pki.p12.modernAscii, '--password-env', 'PW', '--out', round], dir, { PW: ASCII_PASSWORD });
  if (r.code !== 0) throw new Error(r.err || r.out);
}, 60_000);

describe('cchc round pack, verify and inspect of a round package', () => {
  it('verify prints the kind and the round; --json carries kind and round', async () => {
    const text = await run(['verify', round, '--trust', pki.caFile], dir);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe('Loại gói: gói đợt đánh giá (round)');
    expect(text.out).toContain('Đợt đánh giá năm 2025, lần 1, do Sở Nội vụ thành phố Hải Phòng (SNV-HP) ban hành; 2 đơn vị');
    const j = JSON.parse((await run(['verify', round, '--trust', pki.caFile, '--json'], dir)).out) as { kind: string; code: string; round: { sets: { block: string; id: string }[] } };
    expect([j.kind, j.code]).toEqual(['round', 'W_REVOCATION_UNKNOWN']);
    expect(j.round.sets.map((s) => `${s.block}:${s.id}`)).toEqual(['PHUONG:hp-2025-xa-phuong', 'SO:hp-2025-so']);
    const foreign = await run(['verify', round, '--trust', pki.foreignCaFile, '--json'], dir);
    expect([foreign.code, (JSON.parse(foreign.out) as { code: string }).code]).toEqual([1, 'E_UNTRUSTED']);
  });

  it('inspect names the kind and what round.json claims, without verifying', async () => {
    const r = await run(['inspect', round], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Loại gói: gói đợt đánh giá (round)');
    expect(r.out).toContain('Đợt đánh giá năm 2025, lần 1');
    expect(r.out).toContain('Ban hành: Sở Nội vụ thành phố Hải Phòng (SNV-HP); số đơn vị: 2');
    const j = JSON.parse((await run(['inspect', round, '--json'], dir)).out) as { kind: string; problem: unknown; entries: { name: string }[] };
    expect([j.kind, j.problem]).toEqual(['round', null]);
    expect(j.entries.map((e) => e.name)).toEqual(['mimetype', 'round.json', 'sets/phuong.json', 'sets/so.json', 'META-INF/ASiCManifest.xml', 'META-INF/signature001.p7s']);
  });

  it('a definition that breaks a rule is refused before signing: exit 1 with the rule, no file', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...definition, units: [...definition.units, { code: 'X-CATHAI', name: 'Đặc khu Cát Hải', block: 'XA_DAC_KHU' }] }));
    const r = await run(['round', 'pack', '--round', 'bad.json', '--p12', pki.p12.modernAscii, '--password-env', 'PW', '--out', join(dir, 'bad.asice')], dir, { PW: ASCII_PASSWORD });
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'bad.asice'))).toBe(false);
    expect(`${r.out}${r.err}`).toContain('no official set for block XA_DAC_KHU');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { RoundPackage } from '../../../shared/schemas/round';
import { PROJECT_ROOT } from '../../../electron/backend/backend';
import { ROUND_PATH } from '../../../electron/backend/services/bundle/constants';
import { packBundle } from '../../../electron/backend/services/bundle/pack';
import { packContainer } from '../../../electron/backend/services/bundle/pack-container';
import type { PackBuffer } from '../../../electron/backend/services/bundle/pack-container';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyPackage } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { checkedContent, checkedKept, checkInWorker } from '../../../electron/backend/services/bundle/verify/verify-process';
import { launchWorker } from '../../../electron/workers/launch';
import { IndicatorSetCatalog } from '../../../electron/backend/services/indicator-sets/catalog';
import { buildRoundPackage } from '../../../electron/backend/services/round/round-package';
import type { RoundDraft } from '../../../electron/backend/services/round/round-package';
import { makeTempDir } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { testSigner } from '../bundle/craft';
import { sampleInput } from '../bundle/sample';
import { DEADLINES, rewriteEntry, ROUND_UNITS } from './fixtures';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);

const catalog = new IndicatorSetCatalog(join(PROJECT_ROOT, 'resources', 'indicator-sets'));
const draft = (): RoundDraft => ({
  roundId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  revision: 1,
  year: 2025,
  issuer: { code: 'SNV-HP', name: 'Sở Nội vụ thành phố Hải Phòng' },
  sets: [
    { block: 'SO', set: catalog.get('hp-2025-so').document },
    { block: 'PHUONG', set: catalog.get('hp-2025-xa-phuong').document },
    { block: 'XA_DAC_KHU', set: catalog.get('hp-2025-xa-phuong').document },
  ],
  units: ROUND_UNITS,
  deadlines: DEADLINES,
});
const APP = { name: 'CCHC Tự đánh giá', version: '0.1.0' };

/** Signs exactly this content and these buffers, with the test CA's leaf (the generic writer, no self-check). */
const pack = async (value: unknown, buffers: PackBuffer[], out = join(makeTempDir('cchc-rp-'), 'r.asice')): Promise<string> => {
  await packContainer({ out, content: { path: ROUND_PATH, value }, files: [], buffers, signer: testSigner(pki.leaf, [pki.intermediate]), now: new Date() });
  return out;
};
const verify = async (file: string, expectKind?: 'round' | 'submission') =>
  verifyPackage(file, { trust: loadTrustStore(pki.caFile), ...(expectKind ? { expectKind } : {}) });

describe('round package: the generic container with kind "round"', () => {
  it('pack → verify: VALID, kind round, every set checked against its canonical SHA-256', async () => {
    const { value, buffers } = buildRoundPackage(draft(), APP, '2025-06-01T08:00:00.000Z');
    const v = await verify(await pack(value, buffers), 'round');
    expect([v.result.kind, v.result.code]).toEqual(['round', 'W_REVOCATION_UNKNOWN']);
    expect(v.result.round).toEqual({
      roundId: value.roundId,
      revision: 1,
      year: 2025,
      issuer: value.issuer,
      sets: value.sets.map(({ block, id, version, sha256 }) => ({ block, id, version, sha256 })),
      units: 3,
    });
    expect(v.result.round?.sets.find((s) => s.block === 'SO')?.sha256).toBe(catalog.get('hp-2025-so').summary.sha256);
    expect(v.round?.sets.get('sets/so.json')).toEqual(catalog.get('hp-2025-so').document);
    expect(v.result.files.map((f) => f.path)).toEqual(['round.json', 'sets/phuong.json', 'sets/so.json', 'sets/xa_dac_khu.json']);
  });

  it('a submission verifies as kind submission; as a round it is E_WRONG_KIND, and a round as a submission too', async () => {
    const dir = makeTempDir('cchc-rp-s-');
    const input = sampleInput(join(dir, 'in'));
    const out = join(dir, 'sub.asice');
    await packBundle({ out, submission: input.submission, evidence: input.evidence, signer: testSigner(pki.leaf, [pki.intermediate]), now: new Date() });
    const asAny = await verify(out);
    expect([asAny.result.kind, asAny.result.status, asAny.result.submission?.agency.code]).toEqual(['submission', 'VALID_WITH_WARNINGS', 'STP']);
    expect([(await verify(out, 'round')).result.code, (await verify(out, 'round')).result.kind]).toEqual(['E_WRONG_KIND', 'submission']);
    const { value, buffers } = buildRoundPackage(draft(), APP, '2025-06-01T08:00:00.000Z');
    expect((await verify(await pack(value, buffers), 'submission')).result.code).toBe('E_WRONG_KIND');
  });

  it('tampered after signing (a set file changed): E_DIGEST_MISMATCH', async () => {
    const { value, buffers } = buildRoundPackage(draft(), APP, '2025-06-01T08:00:00.000Z');
    const file = await pack(value, buffers);
    const so = JSON.parse(readFileSync(join(PROJECT_ROOT, 'resources', 'indicator-sets', 'hp-2025-so.json'), 'utf8')) as { name: string };
    const tampered = rewriteEntry(file, 'sets/so.json', Buffer.from(`${canonicalJson({ ...catalog.get('hp-2025-so').document, name: `${so.name} (sửa)` })}\n`));
    const v = await verify(tampered, 'round');
    expect([v.result.status, v.result.code, v.result.detail]).toEqual(['INVALID', 'E_DIGEST_MISMATCH', 'sets/so.json']);
    expect(v.round).toBeNull();
  });

  it('signed correctly but a set does not hash to what round.json declares: E_ROUND_SET_MISMATCH', async () => {
    const { value, buffers } = buildRoundPackage(draft(), APP, '2025-06-01T08:00:00.000Z');
    const forged: RoundPackage = { ...value, sets: value.sets.map((s) => (s.block === 'SO' ? { ...s, sha256: 'a'.repeat(64) } : s)) };
    const v = await verify(await pack(forged, buffers), 'round');
    expect([v.result.code, v.result.detail]).toEqual(['E_ROUND_SET_MISMATCH', `sets/so.json: SHA-256 ${catalog.get('hp-2025-so').summary.sha256}`]);
    // The set of another block in a block's slot: refused by its unit types before any hash.
    const swapped = buffers.map((b) => (b.path === 'sets/so.json' ? { ...b, data: buffers.find((x) => x.path === 'sets/phuong.json')!.data } : b));
    expect((await verify(await pack(value, swapped), 'round')).result.code).toBe('E_ROUND_SET_MISMATCH');
  });

  it('hostile content: a set file round.json does not declare, a unit listed twice, an undeclared kind, two content files', async () => {
    const { value, buffers } = buildRoundPackage({ ...draft(), sets: draft().sets.filter((s) => s.block === 'SO'), units: [ROUND_UNITS[0]!] }, APP, '2025-06-01T08:00:00.000Z');
    const extra = [...buffers, { path: 'sets/phuong.json', data: buffers[0]!.data, compress: true }];
    expect((await verify(await pack(value, extra), 'round')).result).toMatchObject({ code: 'E_INCONSISTENT', detail: 'sets/phuong.json is not in round.json' });
    const twice = { ...value, units: [ROUND_UNITS[0]!, { ...ROUND_UNITS[0]!, code: 'stp-hp' }] };
    expect((await verify(await pack(twice, buffers), 'round')).result).toMatchObject({ code: 'E_ROUND_SCHEMA', detail: 'units.1.code: unit code stp-hp listed twice' });
    expect((await verify(await pack({ ...value, kind: 'result' }, buffers))).result.code).toBe('E_WRONG_KIND');
    const both = [...buffers, { path: 'submission.json', data: new TextEncoder().encode('{}'), compress: true }];
    expect((await verify(await pack(value, both))).result).toMatchObject({ code: 'E_UNEXPECTED_ENTRY', kind: 'submission' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...buffers[0]!.data]);
    expect((await verify(await pack(value, [{ ...buffers[0]!, data: bom }]), 'round')).result).toMatchObject({ code: 'E_ROUND_SCHEMA', detail: 'byte-order mark (BOM) before the JSON' });
  });

  it('in the worker with withContent: round.json and the sets come back as checked; a set altered on the way → E_DIGEST_MISMATCH', async () => {
    const { value, buffers } = buildRoundPackage(draft(), APP, '2025-06-01T08:00:00.000Z');
    const file = await pack(value, buffers);
    const v = await checkInWorker(file, { launcher: launchWorker, trust: loadTrustStore(pki.caFile), checkSets: false, knownSets: [], imported: [], anyKind: true, expectKind: 'round', withContent: true });
    expect(v.result.kind).toBe('round');
    const kept = checkedKept(v);
    expect([...kept.keys()].sort()).toEqual(buffers.map((b) => b.path).sort());
    expect(JSON.parse(checkedContent(v, ROUND_PATH).toString('utf8'))).toMatchObject({ roundId: value.roundId, revision: 1 });
    const path = buffers[0]!.path;
    const altered = { ...v, kept: { ...v.kept, [path]: v.kept[path]!.replace('"version"', '"version" ') } };
    expect(() => checkedKept(altered)).toThrow(expect.objectContaining({ code: 'E_DIGEST_MISMATCH' }));
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DecisionDetail } from '../../../shared/ipc/channels/decisions';
import { APPRAISAL_RESULT_PATH } from '../../../shared/schemas/appraisal-result';
import { dataPaths } from '../../../electron/backend/data-dir';
import { packContainer } from '../../../electron/backend/services/bundle/pack-container';
import { importExplanation, verifyExplanation } from '../../../electron/backend/services/decisions/import-explanation';
import type { ImportVerdict } from '../../../electron/backend/services/inbox/import-verify';
import { toAppError } from '../../../electron/backend/errors';
import { silentLogger } from '../../../electron/backend/logger';
import { callOk } from '../../helpers/backend';
import { testSigner } from '../bundle/craft';
import { sampleResult } from '../round/exchange-fixtures';
import { createWorld, HA, importFiles, issueResult, KA, NQ, packExplanation, pastWindow, stored } from './world';
import type { World } from './world';

/**
 * Issue 14 item 6, Sở Nội vụ's side: each rule of the giải trình import, as a real signed package, refused with
 * its own code and NOTHING stored (no row, no evidence file, no temp file); then the accepted path, several
 * files at once, replay and a higher revision superseding the earlier one.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 240_000);
afterAll(() => w?.b.cleanup());

const ITEM = { nodeId: 'xa25-3.1', code: '3.1', text: 'Đã công khai đầy đủ TTHC, xem ảnh chụp kèm theo.', requested: 1500 };
const storeFiles = (): number => {
  const root = dataPaths(w.b.dataDir).evidence;
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length : 0;
};
const temps = (): string[] => (existsSync(dataPaths(w.b.dataDir).tmp) ? readdirSync(dataPaths(w.b.dataDir).tmp).filter((f) => f !== 'uploads') : []);

/** Imports one file and expects a refusal with exactly this check code, and nothing stored. */
const refused = async (file: string, check: string): Promise<void> => {
  const before = { ...stored(w), files: storeFiles() };
  const [o] = await importFiles(w, [file]);
  expect([o!.result, o!.error?.code, o!.error?.params?.check]).toEqual([null, 'BUNDLE_INVALID', check]);
  expect({ ...stored(w), files: storeFiles() }).toEqual(before);
  expect(temps()).toEqual([]);
};

describe('giải trình import: each rule refused with its own code, nothing stored', () => {
  it('a package of another kind (an appraisal result) → E_WRONG_KIND', async () => {
    const out = `${w.work}/result.asice`;
    await packContainer({ out, content: { path: APPRAISAL_RESULT_PATH, value: sampleResult() }, files: [], buffers: [], signer: testSigner(w.pki.leaf, [w.pki.intermediate]), now: new Date() });
    await refused(out, 'E_WRONG_KIND');
  }, 60_000);

  it('signed under a root Sở does not trust → E_UNTRUSTED', async () => {
    await refused(await packExplanation(w, HA, { items: [ITEM], signer: w.pki.foreignLeaf }), 'E_UNTRUSTED');
  }, 60_000);

  it('a unit not in the register → E_UNIT_UNKNOWN; a certificate registered for another unit → E_SIGNER_NOT_REGISTERED', async () => {
    await refused(await packExplanation(w, HA, { items: [ITEM], patch: (x) => ({ ...x, unit: { ...x.unit, code: 'P-XX' } }) }), 'E_UNIT_UNKNOWN');
    // Hải An's certificate signing for Dư Hàng (registered with the second person's certificate).
    await refused(await packExplanation(w, HA, { items: [ITEM], patch: (x) => ({ ...x, unit: { code: 'P-DH', name: 'UBND phường Dư Hàng', block: 'PHUONG' } }) }), 'E_SIGNER_NOT_REGISTERED');
    await refused(await packExplanation(w, HA, { items: [ITEM], patch: (x) => ({ ...x, unit: { ...x.unit, block: 'SO' } }) }), 'E_BLOCK_MISMATCH');
  }, 120_000);

  it('answers a result Sở never issued (id, revision or package SHA-256) → E_RESULT_UNKNOWN; another unit\'s result → E_RESULT_UNKNOWN', async () => {
    await refused(await packExplanation(w, HA, { items: [ITEM], answers: { resultId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60' } }), 'E_RESULT_UNKNOWN');
    await refused(await packExplanation(w, HA, { items: [ITEM], answers: { resultRevision: 2 } }), 'E_RESULT_UNKNOWN');
    await refused(await packExplanation(w, HA, { items: [ITEM], answers: { resultSha256: 'c'.repeat(64) } }), 'E_RESULT_UNKNOWN');
    const ka = w.issued.get(KA.code)!;
    await refused(await packExplanation(w, HA, { items: [ITEM], answers: { resultId: ka.resultId, resultRevision: ka.revision, resultSha256: ka.sha256 } }), 'E_RESULT_UNKNOWN');
  }, 120_000);

  it('answers an earlier revision after Sở re-issued the result → E_RESULT_SUPERSEDED', async () => {
    const first = w.issued.get(NQ.code)!;
    const old = await packExplanation(w, NQ, { items: [{ ...ITEM, nodeId: 'xa25-1.1.1', code: '1.1.1', requested: 1000 }] });
    issueResult(w, NQ, first.importId, 2);
    await refused(old, 'E_RESULT_SUPERSEDED');
  }, 120_000);

  it('an item that is not a leaf Sở scores (a group, a survey leaf, an unknown id) → E_ITEM_NOT_LEAF', async () => {
    await refused(await packExplanation(w, HA, { items: [{ ...ITEM, nodeId: 'xa25-1.1', code: '1.1' }] }), 'E_ITEM_NOT_LEAF');
    await refused(await packExplanation(w, HA, { items: [{ ...ITEM, nodeId: 'xa25-1.6', code: '1.6' }] }), 'E_ITEM_NOT_LEAF');
    await refused(await packExplanation(w, HA, { items: [{ ...ITEM, nodeId: 'khong-co', code: '9.9' }] }), 'E_ITEM_NOT_LEAF');
  }, 120_000);
});

describe('giải trình import: accepted, several at once, replay, supersede, window', () => {
  it('two files at once: each imported with its new evidence in the store; the detail shows them side by side', async () => {
    const ha = await packExplanation(w, HA, { items: [ITEM], evidence: [{ data: '%PDF-1.4 ảnh chụp', name: 'Ảnh chụp bảng công khai.pdf' }], explanationId: '0190a1b2-c3d4-7e5f-8a9b-0000000e0001' });
    const nq = await packExplanation(w, NQ, { items: [{ ...ITEM, nodeId: 'xa25-1.1.1', code: '1.1.1', requested: 1000 }] });
    const filesBefore = storeFiles();
    const out = await importFiles(w, [ha, nq]);
    expect(out.map((o) => [o.error, o.result?.unitCode, o.result?.revision, o.result?.evidenceCount, o.result?.supersededRevision])).toEqual([
      [null, 'P-HA', 1, 1, null],
      [null, 'P-NQ', 1, 0, null],
    ]);
    expect(storeFiles()).toBe(filesBefore + 1);
    const d = await callOk<DecisionDetail>(w.b, 'decisions.get', { explanationRowId: out[0]!.result!.explanationRowId });
    expect(d.items.map((i) => [i.nodeId, i.max, i.self, i.appraised, i.requested, i.text, i.evidence.map((e) => [e.originalName, e.previewable]), i.decision])).toEqual([
      ['xa25-3.1', 1500, 1500, 1500, 1500, ITEM.text, [['Ảnh chụp bảng công khai.pdf', true]], null],
    ]);
    const prev = await callOk<{ fileId: string; mimeType: string }>(w.b, 'decisions.previewEvidence', { explanationRowId: d.explanationRowId, path: 'evidence/0001.pdf' });
    expect(prev.mimeType).toBe('application/pdf');
  }, 180_000);

  it('the same explanationId and revision again, or a lower one → E_REPLAY; a higher revision supersedes the earlier one', async () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0000000e0001';
    await refused(await packExplanation(w, HA, { items: [ITEM], explanationId: id, revision: 1 }), 'E_REPLAY');
    const [r2] = await importFiles(w, [await packExplanation(w, HA, { items: [{ ...ITEM, text: 'Bổ sung: đường link công khai.' }], explanationId: id, revision: 3 })]);
    expect([r2!.error, r2!.result?.revision, r2!.result?.supersededRevision]).toEqual([null, 3, 1]);
    await refused(await packExplanation(w, HA, { items: [ITEM], explanationId: id, revision: 2 }), 'E_REPLAY');
    const list = await callOk<{ units: { unitCode: string; revision: number | null; state: string }[] }>(w.b, 'decisions.list', { year: 2025 });
    expect(list.units.find((u) => u.unitCode === 'P-HA')).toMatchObject({ revision: 3, state: 'PENDING' });
    const d = await callOk<DecisionDetail>(w.b, 'decisions.get', { explanationRowId: r2!.result!.explanationRowId });
    expect([d.items[0]!.text, d.history.map((h) => h.revision)]).toEqual(['Bổ sung: đường link công khai.', [1]]);
  }, 180_000);

  it('read once, in the worker: explanation.json or a staged file not what the report lists → E_DIGEST_MISMATCH; our disk failing while staging → DISK_FULL; nothing stored, no temp', async () => {
    const file = await packExplanation(w, KA, { items: [ITEM], evidence: [{ data: '%PDF-1.4 biên bản niêm yết', name: 'Biên bản.pdf' }] });
    const before = { ...stored(w), files: storeFiles() };
    const attempt = async (alter: (v: ImportVerdict) => ImportVerdict) => {
      const e = await importExplanation(w.b.ctx, file, { verify: async (f) => alter(await verifyExplanation(w.b.ctx, f, {})) }).catch((x: unknown) => x);
      const err = toAppError(e, silentLogger);
      return [err.code, err.params?.check ?? null];
    };
    expect(await attempt((v) => ({ ...v, content: `${v.content} ` }))).toEqual(['BUNDLE_INVALID', 'E_DIGEST_MISMATCH']);
    expect(await attempt((v) => ({ ...v, staged: v.staged.map((t) => ({ ...t, tmpPath: join(w.work, 'elsewhere.part') })) }))).toEqual(['BUNDLE_INVALID', 'E_DIGEST_MISMATCH']);
    // Under the prefix by its first characters only: `<prefix>0/../../decoy.part` (the folder `<prefix>0` made, as a
    // compromised worker could) is a file of the data folder with the very bytes the report lists. Refused; the
    // file is neither moved nor made read-only.
    const decoy = join(w.b.ctx.dataDir, 'decoy.part');
    expect(
      await attempt((v) => {
        writeFileSync(decoy, readFileSync(v.staged[0]!.tmpPath), { mode: 0o644 });
        mkdirSync(`${v.prefix}0`);
        return { ...v, staged: v.staged.map((t) => ({ ...t, tmpPath: `${v.prefix}0/../../decoy.part` })) };
      }),
    ).toEqual(['BUNDLE_INVALID', 'E_DIGEST_MISMATCH']);
    expect([existsSync(decoy), statSync(decoy).mode & 0o777]).toEqual([true, 0o644]);
    rmSync(decoy);
    expect(await attempt((v) => ({ ...v, stagingError: 'ENOSPC' }))).toEqual(['DISK_FULL', null]);
    expect({ ...stored(w), files: storeFiles() }).toEqual(before);
    expect(temps()).toEqual([]);
  }, 120_000);

  it('after the window ends (Vietnam calendar day) → E_EXPLANATION_WINDOW', async () => {
    await callOk(w.b, 'round.save', { id: w.round.id, year: 2025, sets: w.round.sets.map((s) => ({ block: s.block, setId: s.setId, setVersion: s.setVersion })), deadlines: pastWindow() });
    await refused(await packExplanation(w, KA, { items: [ITEM] }), 'E_EXPLANATION_WINDOW');
  }, 120_000);
});

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { canonicalJson } from '../../../shared/domain/canonical-json';
import { APPRAISAL_RESULT_PATH } from '../../../shared/schemas/appraisal-result';
import { EXPLANATION_PATH } from '../../../shared/schemas/explanation';
import { FINAL_RESULT_PATH } from '../../../shared/schemas/final-result';
import type { PackageKind } from '../../../shared/schemas/package-kind';
import { packContainer } from '../../../electron/backend/services/bundle/pack-container';
import type { PackEvidence } from '../../../electron/backend/services/bundle/pack-container';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyPackage } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { makeTempDir } from '../../helpers/backend';
import { opensslCmsVerify } from '../../helpers/openssl-cms';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { rewriteEntry } from '../round/fixtures';
import { sampleExplanation, sampleFinal, sampleResult } from '../round/exchange-fixtures';
import { testSigner } from './craft';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);

const pack = async (path: string, value: unknown, files: PackEvidence[] = []): Promise<string> => {
  const out = join(makeTempDir('cchc-xk-'), 'p.asice');
  await packContainer({ out, content: { path, value }, files, buffers: [], signer: testSigner(pki.leaf, [pki.intermediate]), now: new Date() });
  return out;
};
const verify = (file: string, expectKind?: PackageKind) => verifyPackage(file, { trust: loadTrustStore(pki.caFile), ...(expectKind ? { expectKind } : {}) });

/** One evidence file in a private folder, as the content-addressed store would hand it to the writer. */
const evidenceFile = (text: string): PackEvidence => {
  const dir = makeTempDir('cchc-xk-ev-');
  const data = Buffer.from(text);
  const source = join(dir, 'e.pdf');
  writeFileSync(source, data);
  return { path: 'evidence/0001.pdf', source, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
};

const opensslStatus = (file: string): number => opensslCmsVerify(file, pki.caFile);

describe('package kinds after the submission: appraisal result, giải trình, final result', () => {
  it('each kind verifies under its own kind, passes openssl cms -verify, and shows its declarations', async () => {
    const ev = evidenceFile('%PDF-1.4 quyết định');
    const cases = [
      { kind: 'appraisal-result' as const, path: APPRAISAL_RESULT_PATH, value: sampleResult(), files: [] },
      { kind: 'explanation' as const, path: EXPLANATION_PATH, value: sampleExplanation([ev]), files: [ev] },
      { kind: 'final-result' as const, path: FINAL_RESULT_PATH, value: sampleFinal(), files: [] },
    ];
    for (const c of cases) {
      const file = await pack(c.path, c.value, c.files);
      const v = await verify(file, c.kind);
      expect([v.result.kind, v.result.status === 'INVALID' ? v.result.code : 'ok', v.exchange?.kind]).toEqual([c.kind, 'ok', c.kind]);
      expect(opensslStatus(file)).toBe(0);
      // Any other expected kind is refused once the signature is known good.
      expect((await verify(file, 'submission')).result.code).toBe('E_WRONG_KIND');
    }
    const r = await verify(await pack(APPRAISAL_RESULT_PATH, sampleResult()));
    expect(r.result.exchange).toEqual({
      kind: 'appraisal-result',
      roundId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      year: 2025,
      revision: 1,
      createdAt: '2025-12-20T08:00:00.000Z',
      unit: { code: 'P-HONGBANG', name: 'Phường Hồng Bàng', block: 'PHUONG' },
      issuer: { code: 'SNV-HP', name: 'Sở Nội vụ thành phố Hải Phòng' },
      items: 2,
      evidence: 0,
      final: { points: 1250, index: 6250, rank: 2, of: 3 },
    });
    // The test CA's leaf does not name Sở Nội vụ: the issuer check warns (the importer applies its own rules).
    expect(r.result.warnings.map((w) => w.code)).toContain('W_SIGNER_NOT_REGISTERED');
    const x = await verify(await pack(EXPLANATION_PATH, sampleExplanation([ev]), [ev]));
    expect(x.result.files.find((f) => f.path === 'evidence/0001.pdf')?.originalName).toBe('Quyết định 12/QĐ-UBND.pdf');
  });

  it('a tampered package of each kind is refused (E_DIGEST_MISMATCH)', async () => {
    const ev = evidenceFile('%PDF-1.4 bằng chứng');
    const cases = [
      { path: APPRAISAL_RESULT_PATH, value: sampleResult(), files: [] as PackEvidence[], entry: APPRAISAL_RESULT_PATH },
      { path: EXPLANATION_PATH, value: sampleExplanation([ev]), files: [ev], entry: 'evidence/0001.pdf' },
      { path: FINAL_RESULT_PATH, value: sampleFinal(), files: [] as PackEvidence[], entry: FINAL_RESULT_PATH },
    ];
    for (const c of cases) {
      const file = await pack(c.path, c.value, c.files);
      const changed = c.entry.endsWith('.json') ? Buffer.from(`${canonicalJson({ ...(c.value as object), revision: 9 })}\n`) : Buffer.from('%PDF-1.4 sửa');
      const v = await verify(rewriteEntry(file, c.entry, changed));
      expect([v.result.status, v.result.code]).toEqual(['INVALID', 'E_DIGEST_MISMATCH']);
      expect(opensslStatus(rewriteEntry(file, 'META-INF/ASiCManifest.xml', Buffer.from('<x/>')))).not.toBe(0);
    }
  });

  it('signed but self-contradicting content is E_PACKAGE_SCHEMA (totals: E_PACKAGE_TOTALS); a wrong kind field is E_WRONG_KIND; evidence off the list is E_INCONSISTENT', async () => {
    const noReason = sampleResult();
    noReason.criteria[0]!.reason = '  ';
    const aboveMax = sampleResult();
    aboveMax.criteria[1]!.appraised = 1001;
    const keptChanged = sampleFinal();
    keptChanged.criteria[0] = { ...keptChanged.criteria[0]!, decision: 'KEPT', decisionReason: 'Giữ nguyên.' };
    const twice = sampleResult();
    twice.criteria.push({ ...twice.criteria[0]! });
    const extraField = { ...sampleResult(), note: 'x' };
    const emptyText = sampleExplanation();
    emptyText.items[0]!.text = ' ';
    const bidi = sampleResult();
    bidi.unit.name = 'Phường\u202EHồng Bàng';
    // Totals that do not follow from the lines (the fixture of stop 22 had appraised self 1750 next to rows
    // adding up to 1250), and an index that is not final ÷ applicable max.
    const totalsOff = sampleResult();
    totalsOff.totals.appraised.self = 1750;
    const indexOff = sampleFinal();
    indexOff.totals.final.index = 9000;
    for (const [path, value, detail] of [
      [APPRAISAL_RESULT_PATH, noReason, 'criteria.0.reason'],
      [APPRAISAL_RESULT_PATH, aboveMax, 'criteria.1'],
      [FINAL_RESULT_PATH, keptChanged, 'criteria.0.decision'],
      [APPRAISAL_RESULT_PATH, twice, 'criteria.2.nodeId'],
      [APPRAISAL_RESULT_PATH, extraField, ''],
      [EXPLANATION_PATH, emptyText, 'items.0.text'],
      [APPRAISAL_RESULT_PATH, bidi, 'unit.name'],
    ] as const) {
      const v = await verify(await pack(path, value));
      expect([v.result.code, v.result.detail?.startsWith(detail) ? detail : v.result.detail]).toEqual(["E_PACKAGE_SCHEMA", detail]);
    }
    for (const [path, value, detail] of [
      [APPRAISAL_RESULT_PATH, totalsOff, 'totals.appraised'],
      [FINAL_RESULT_PATH, indexOff, 'totals.final.index'],
    ] as const) {
      const v = await verify(await pack(path, value));
      expect([v.result.code, v.result.detail?.split(':')[0]]).toEqual(['E_PACKAGE_TOTALS', detail]);
    }
    const wrongKind = await verify(await pack(APPRAISAL_RESULT_PATH, { ...sampleResult(), kind: 'final-result' }));
    expect(wrongKind.result.code).toBe('E_WRONG_KIND');
    const ev = evidenceFile('%PDF-1.4 không kê khai');
    const unlisted = await verify(await pack(EXPLANATION_PATH, sampleExplanation(), [ev]));
    expect([unlisted.result.code, unlisted.result.detail]).toEqual(['E_INCONSISTENT', 'evidence/0001.pdf is not in explanation.json']);
    const lying = sampleExplanation([{ ...ev, size: ev.size + 1 }]);
    const wrongSize = await verify(await pack(EXPLANATION_PATH, lying, [ev]));
    expect(wrongSize.result.code).toBe('E_INCONSISTENT');
  });
});

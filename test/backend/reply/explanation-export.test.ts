import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { ReplyExportResult, ReplyView } from '../../../shared/ipc/channels/reply';
import type { ChosenKey } from '../../../shared/ipc/channels/signing';
import type { Job } from '../../../shared/schemas/job';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyPackage } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { callOk, makeTempDir } from '../../helpers/backend';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { count, daysAfter, finalFor, importVia, packFinal, packResult, resultFor, setupUnit } from './reply-setup';
import type { ReplyUnit } from './reply-setup';

let pki: TestPki;
const open: ReplyUnit[] = [];
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);
afterEach(() => {
  for (const a of open.splice(0)) a.u.cleanup();
});

const ready = async (): Promise<{ a: ReplyUnit; view: ReplyView }> => {
  const a = await setupUnit(pki);
  open.push(a);
  expect((await importVia(a.u, 'reply.importResult', await packResult(pki, resultFor(a)))).state).toBe('done');
  return { a, view: (await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {})).results[0]! };
};

const exportOnce = async (a: ReplyUnit, resultId: string, out: string): Promise<Job> => {
  a.u.host.nextPicks.push([pki.p12.modernAscii]);
  const preview = await callOk<ChosenKey>(a.u, 'signing.chooseKey', { source: { kind: 'p12', password: ASCII_PASSWORD } });
  a.u.host.nextSaveTargets.push(out);
  const res = await a.u.call('reply.export', { resultId, keyId: preview.keyId, password: ASCII_PASSWORD });
  if (!res.ok) {
    a.u.host.nextSaveTargets.length = 0; // refused before the save dialog
    return { id: '-', channel: 'reply.export', state: 'failed', error: res.error } as unknown as Job;
  }
  return a.u.ctx.jobs.wait((res.value as Job).id);
};

const openssl = (file: string): number => {
  const dir = makeTempDir('cchc-ans-x-');
  spawnSync('unzip', ['-q', file, '-d', dir]);
  return spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'META-INF/signature001.p7s'), '-content', join(dir, 'META-INF/ASiCManifest.xml'), '-CAfile', pki.caFile, '-purpose', 'any', '-out', '/dev/null']).status ?? -1;
};

describe('reply: the giải trình draft and the signed explanation package', () => {
  it('draft with a library document and a new file → export inside the window → verifyPackage + openssl; re-export raises the revision', async () => {
    const { a, view } = await ready();
    const newFile = join(makeTempDir('cchc-ans-new-'), 'Quyết định 12-QĐ.pdf');
    writeFileSync(newFile, '%PDF-1.4\n% quyết định ban hành kế hoạch\n');
    a.u.host.nextPicks.push([newFile]);
    const att = await a.u.ctx.jobs.wait((await callOk<Job>(a.u, 'reply.attach', { resultId: view.resultId })).id);
    expect(att.error).toBeUndefined();
    const newId = (att.result as { evidenceId: string }).evidenceId;
    expect(count(a.u, 'evidence_document')).toBe(1); // the locked assessment's library is untouched

    // Above the maximum: refused, the draft stays empty.
    const over = await a.u.call('reply.saveDraft', { resultId: view.resultId, items: [{ nodeId: 'xa25-1.1.1', text: 'Giải trình', requested: 1001, evidence: [] }] });
    expect(over.ok ? 'OK' : [over.error.reason, over.error.params]).toEqual(['REPLY_REQUESTED_OVER_MAX', { code: '1.1.1', max: 1000 }]);
    const unknown = await a.u.call('reply.saveDraft', { resultId: view.resultId, items: [{ nodeId: '9.9', text: 'x', requested: null, evidence: [] }] });
    expect(unknown.ok ? 'OK' : unknown.error.reason).toBe('REPLY_NODE_UNKNOWN');
    const empty = await a.u.call('reply.saveDraft', { resultId: view.resultId, items: [{ nodeId: 'xa25-1.1.1', text: '   ', requested: null, evidence: [] }] });
    expect(empty.ok ? 'OK' : empty.error.code).toBe('VALIDATION');
    expect(count(a.u, 'reply_item')).toBe(0);
    const nothing = await exportOnce(a, view.resultId, join(makeTempDir('cchc-ans-o-'), 'x.asice'));
    expect(nothing.error?.reason).toBe('REPLY_NOTHING_TO_SEND');

    const saved = await callOk<ReplyView>(a.u, 'reply.saveDraft', {
      resultId: view.resultId,
      items: [{ nodeId: 'xa25-1.1.1', text: 'Kế hoạch được ban hành đúng hạn.\r\nXem quyết định kèm theo.', requested: 1000, evidence: [{ source: 'DOCUMENT', refId: a.documentId }, { source: 'NEW', refId: newId }] }],
    });
    expect(saved.draft.map((d) => [d.nodeId, d.requested, d.evidence.map((e) => e.name)])).toEqual([['xa25-1.1.1', 1000, ['Kế hoạch CCHC 2025.pdf', 'Quyết định 12-QĐ.pdf']]]);

    const out = join(makeTempDir('cchc-ans-out-'), 'giai-trinh.asice');
    const job = await exportOnce(a, view.resultId, out);
    expect(job.error).toBeUndefined();
    const res = job.result as ReplyExportResult;
    expect([res.revision, res.status, res.code, res.fileName]).toEqual([1, 'VALID_WITH_WARNINGS', 'W_REVOCATION_UNKNOWN', 'giai-trinh.asice']); // the unit holds no CRL
    const v = await verifyPackage(out, { trust: loadTrustStore(pki.caFile), expectKind: 'explanation' });
    expect([v.result.status, v.result.code]).toEqual(['VALID_WITH_WARNINGS', 'W_REVOCATION_UNKNOWN']);
    const x = v.exchange?.kind === 'explanation' ? v.exchange.content : null;
    expect(x?.answers).toEqual({ resultId: view.resultId, resultRevision: 1, resultSha256: view.packageSha256 });
    expect(x?.items).toEqual([{ nodeId: 'xa25-1.1.1', code: '1.1.1', text: 'Kế hoạch được ban hành đúng hạn.\nXem quyết định kèm theo.', requested: 1000, evidence: ['evidence/0001.pdf', 'evidence/0002.pdf'] }]);
    expect(x?.evidence.map((e) => e.originalName)).toEqual(['Kế hoạch CCHC 2025.pdf', 'Quyết định 12-QĐ.pdf']);
    expect([x?.unit.code, x?.roundId, x?.explanationId]).toEqual(['P-HONGBANG', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', res.explanationId]);
    expect(openssl(out)).toBe(0);
    const sent = a.u.ctx.db.prepare('SELECT explanation_id AS id, revision, result_sha256 AS rs, package_sha256 AS ps FROM reply_sent').all();
    expect(sent).toEqual([{ id: res.explanationId, revision: 1, rs: view.packageSha256, ps: res.sha256 }]);

    // Still editable: a corrected reply is the same explanation at revision 2.
    await callOk(a.u, 'reply.saveDraft', { resultId: view.resultId, items: [{ nodeId: 'xa25-1.1.1', text: 'Bổ sung.', requested: null, evidence: [] }] });
    const again = await exportOnce(a, view.resultId, join(makeTempDir('cchc-ans-out2-'), 'r2.asice'));
    expect([(again.result as ReplyExportResult).explanationId, (again.result as ReplyExportResult).revision]).toEqual([res.explanationId, 2]);
    const list = (await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {})).results[0]!;
    expect(list.sent.map((s) => [s.revision, s.resultRevision])).toEqual([[1, 1], [2, 1]]);
  }, 180_000);

  it('outside the window the export is refused before anything is written: not yet open, then closed', async () => {
    const { a, view } = await ready();
    await callOk(a.u, 'reply.saveDraft', { resultId: view.resultId, items: [{ nodeId: 'xa25-1.1.1', text: 'Giải trình.', requested: null, evidence: [] }] });
    const dir = makeTempDir('cchc-ans-win-');
    a.clock.now = daysAfter(a.window.start, -1);
    const early = await a.u.call('reply.export', { resultId: view.resultId, keyId: 'k', password: ASCII_PASSWORD });
    expect(early.ok ? 'OK' : [early.error.reason, early.error.params]).toEqual(['REPLY_WINDOW_NOT_OPEN', { start: a.window.start, end: a.window.end }]);
    expect((await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {})).results[0]!.window).toMatchObject({ state: 'NOT_OPEN', daysLeft: 1 });
    a.clock.now = daysAfter(a.window.end, 1);
    const late = await exportOnce(a, view.resultId, join(dir, 'late.asice'));
    expect([late.error?.reason, late.error?.params]).toEqual(['REPLY_WINDOW_CLOSED', { end: a.window.end }]);
    expect((await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {})).results[0]!.window).toMatchObject({ state: 'CLOSED', daysLeft: 0 });
    expect(count(a.u, 'reply_sent')).toBe(0);
    // The last day of the window still counts (Vietnam's calendar day).
    a.clock.now = new Date(`${a.window.end}T16:59:00Z`); // 23:59 in Hải Phòng
    expect((await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {})).results[0]!.window).toMatchObject({ state: 'OPEN', daysLeft: 1 });
  }, 120_000);

  it('the final result: must close a result held, same round, unit and set, its lines criteria of that set; replay refused; kept read-only and the giải trình closed', async () => {
    const { a, view } = await ready();
    expect((await importVia(a.u, 'reply.importFinal', await packFinal(pki, finalFor({ resultId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a99' })))).error?.reason).toBe('REPLY_FINAL_NO_RESULT');
    const other = finalFor({ submission: { submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a98', revision: 1, bundleSha256: 'a'.repeat(64) } });
    expect((await importVia(a.u, 'reply.importFinal', await packFinal(pki, other))).error?.params).toEqual({ field: 'submission' });
    const otherSet = finalFor({ indicatorSet: { id: 'hp-2025-xa-phuong', version: '2025.1', sha256: 'b'.repeat(64) } });
    expect((await importVia(a.u, 'reply.importFinal', await packFinal(pki, otherSet))).error?.params).toEqual({ field: 'indicatorSet' });
    expect((await importVia(a.u, 'reply.importFinal', await packResult(pki, resultFor(a, { revision: 5 })))).error?.params).toEqual({ check: 'E_WRONG_KIND' });
    const offSet = finalFor();
    offSet.criteria[1]!.nodeId = 'xa25-9.9';
    expect((await importVia(a.u, 'reply.importFinal', await packFinal(pki, offSet))).error).toMatchObject({ reason: 'REPLY_LINE_UNKNOWN', params: { line: '1.1.2' } });
    expect(count(a.u, 'reply_final')).toBe(0);
    const file = await packFinal(pki, finalFor());
    const ok = await importVia(a.u, 'reply.importFinal', file);
    expect(ok.result).toEqual({ resultId: view.resultId, revision: 1, year: 2025, superseded: null });
    expect((await importVia(a.u, 'reply.importFinal', file)).error?.params).toEqual({ check: 'E_REPLAY' });
    const v = (await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {})).results[0]!;
    expect(v.final?.content.criteria.map((c) => [c.code, c.final, c.decision])).toEqual([['1.1.1', 1000, 'ACCEPTED'], ['1.1.2', 750, 'NOT_DISPUTED']]);
    expect([v.final?.content.totals.final.final, v.final?.content.rank]).toEqual([1750, { rank: 1, of: 3 }]);
    expect(v.final?.selfDiffers).toBeNull(); // no record of that export's self scores to compare with
    const late = await a.u.call('reply.saveDraft', { resultId: view.resultId, items: [{ nodeId: 'xa25-1.1.1', text: 'Muộn.', requested: null, evidence: [] }] });
    expect(late.ok ? 'OK' : late.error.reason).toBe('REPLY_ROUND_CLOSED');
    expect(count(a.u, 'reply_item')).toBe(0);
    const closed = await a.u.call('reply.export', { resultId: view.resultId, keyId: 'k' });
    expect(closed.ok ? 'OK' : closed.error.reason).toBe('REPLY_ROUND_CLOSED');
  }, 120_000);
  it('the export answers only the latest result revision: a draft item no longer in it is refused, the package quotes revision 2 and its SHA-256', async () => {
    const { a, view } = await ready();
    await callOk(a.u, 'reply.saveDraft', { resultId: view.resultId, items: [{ nodeId: 'xa25-1.1.2', text: 'Đã thực hiện đủ kế hoạch.', requested: 1000, evidence: [] }] });
    const r2 = resultFor(a, { revision: 2 });
    r2.criteria = r2.criteria.filter((c) => c.nodeId !== 'xa25-1.1.2');
    // Without 1.2 (750 both columns): self 1000, appraised 500 of 1000 (index 100.00 %, 50.00 %).
    r2.totals.self = { ...r2.totals.self, self: 1000, final: 1000, applicableMax: 1000, index: 10_000 };
    r2.totals.appraised = { ...r2.totals.appraised, self: 500, final: 500, applicableMax: 1000, index: 5000 };
    expect((await importVia(a.u, 'reply.importResult', await packResult(pki, r2))).state).toBe('done');
    const stale = await a.u.call('reply.export', { resultId: view.resultId, keyId: 'k' });
    expect(stale.ok ? 'OK' : [stale.error.reason, stale.error.params]).toEqual(['REPLY_NODE_UNKNOWN', { nodeId: 'xa25-1.1.2' }]);
    await callOk(a.u, 'reply.saveDraft', { resultId: view.resultId, items: [{ nodeId: 'xa25-1.1.1', text: 'Kế hoạch đúng hạn.', requested: null, evidence: [] }] });
    const latest = (await callOk<{ results: ReplyView[] }>(a.u, 'reply.list', {})).results[0]!;
    expect([latest.revision, latest.supersededRevisions]).toEqual([2, [1]]);
    const out = join(makeTempDir('cchc-ans-r2-'), 'r2.asice');
    expect((await exportOnce(a, view.resultId, out)).error).toBeUndefined();
    const v = await verifyPackage(out, { trust: loadTrustStore(pki.caFile), expectKind: 'explanation' });
    expect(v.exchange?.kind === 'explanation' ? v.exchange.content.answers : null).toEqual({ resultId: view.resultId, resultRevision: 2, resultSha256: latest.packageSha256 });
  }, 120_000);
});

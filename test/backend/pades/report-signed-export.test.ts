import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { ExportResult } from '../../../shared/ipc/channels/report';
import type { ChosenKey } from '../../../shared/ipc/channels/signing';
import type { Job } from '../../../shared/schemas/job';
import { EMPTY_REPORT_DOCUMENT } from '../../../shared/schemas/document-fields';
import { saveReportDocument } from '../../../electron/backend/db/repos/report-document-repo';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { fillFromExample } from '../bundle/stored-assessment';
import { expectValidPades } from './checks';
import { nssDbTrusting } from './tools';

/** "Xuất báo cáo PDF có ký số" (report.signedPdf): the key from signing.chooseKey, the final report only. */

let pki: TestPki;
let nssDir: string;
let b: TestBackend | undefined;
beforeAll(async () => {
  pki = await createTestPki();
  nssDir = nssDbTrusting(pki.caFile);
}, 60_000);
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const openKey = async (t: TestBackend): Promise<string> => {
  t.host.nextPicks.push([pki.p12.modernAscii]);
  return (await callOk<ChosenKey>(t, 'signing.chooseKey', { source: { kind: 'p12', password: ASCII_PASSWORD } })).keyId;
};

describe('report.signedPdf', () => {
  it('writes the final report signed by the chosen key; the assessment stays editable', async () => {
    b = createTestBackend();
    const a = await fillFromExample(b);
    const keyId = await openKey(b);
    const out = join(makeTempDir('cchc-signed-report-'), 'bao-cao.pdf');
    b.host.nextSaveTargets.push(out);
    const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'report.signedPdf', { assessmentId: a.id, keyId, password: ASCII_PASSWORD })).id);
    expect(job.error).toBeUndefined();
    const result = job.result as ExportResult;
    const signed = readFileSync(out);
    expect(result).toEqual({ format: 'pdf', fileName: 'bao-cao.pdf', sizeBytes: signed.length });
    const unsigned = signed.subarray(0, signed.indexOf('%%EOF') + '%%EOF'.length + 1);
    await expectValidPades(signed, unsigned, { nssDir, caFile: pki.caFile });
    const status = (b.ctx.db.prepare('SELECT status FROM assessment WHERE id = ?').get(a.id) as { status: string }).status;
    expect(status).toBe('draft');
  }, 120_000);

  it('refuses before the save dialog: a report with gaps (REPORT_INCOMPLETE), no key chosen, a missing password', async () => {
    b = createTestBackend();
    const a = await fillFromExample(b);
    const keyId = await openKey(b);
    b.host.nextSaveTargets.push(join(b.dataDir, 'never-written.pdf'));
    const refusal = async (payload: unknown) => {
      const r = await b!.call('report.signedPdf', payload);
      return r.ok ? 'OK' : r.error.reason;
    };
    expect(await refusal({ assessmentId: a.id, keyId: 'f'.repeat(24), password: ASCII_PASSWORD })).toBe('KEY_NOT_OPEN');
    expect(await refusal({ assessmentId: a.id, keyId })).toBe('PASSWORD_MISSING');
    saveReportDocument(b.ctx.db, a.id, { ...EMPTY_REPORT_DOCUMENT, number: '', date: null }, new Date().toISOString());
    expect(await refusal({ assessmentId: a.id, keyId, password: ASCII_PASSWORD })).toBe('REPORT_INCOMPLETE');
    expect(b.host.nextSaveTargets).toEqual([join(b.dataDir, 'never-written.pdf')]); // no dialog was opened
  }, 60_000);
});

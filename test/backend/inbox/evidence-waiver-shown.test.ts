import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InboxDetail, InboxImportResult } from '../../../shared/ipc/channels/inbox';
import type { Job } from '../../../shared/schemas/job';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { makeBundle, registerUnit, trustTestPki } from './make-bundle';

/**
 * The unit's explicit "no evidence" waiver travels in submission.json (answers[].evidenceWaiver); the
 * appraiser sees its reason on the criterion, and a criterion without one shows none.
 */
let pki: TestPki;
let b: TestBackend;
const HA = { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const };
const REASON = 'Năm 2025 phường không có dự án đầu tư công nào, nên không có văn bản.';

beforeAll(async () => {
  pki = await createTestPki();
  b = createTestBackend();
  trustTestPki(b.dataDir, pki);
  registerUnit(b, HA, [pki.leaf]);
}, 60_000);
afterAll(() => b?.cleanup());

describe('inbox: the unit evidence waiver is shown to the appraiser', () => {
  it('a waived criterion carries its reason in inbox.get; the others carry null', async () => {
    let waived = '';
    const file = await makeBundle(b, pki, join(makeTempDir('cchc-waiver-'), 'ha.asice'), {
      unit: HA,
      submissionId: '0190a1b2-c3d4-7e5f-8a9b-0000000000a1',
      tweak: (answers) =>
        answers.map((a) => {
          if (waived || a.evidenceKeys.length > 0 || a.notApplicable) return a;
          waived = a.nodeId;
          return { ...a, evidenceWaiver: { reason: REASON } };
        }),
    });
    b.host.nextPicks.push([file]);
    const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'inbox.import', {})).id);
    expect(job.error ?? null).toBeNull();
    const d = await callOk<InboxDetail>(b, 'inbox.get', { importId: (job.result as InboxImportResult).importId });
    const withWaiver = d.nodes.filter((n) => n.evidenceWaiver !== null).map((n) => [n.nodeId, n.evidenceWaiver]);
    expect(withWaiver).toEqual([[waived, REASON]]);
  });
});

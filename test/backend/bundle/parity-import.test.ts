import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InboxImportResult } from '../../../shared/ipc/channels/inbox';
import type { Job } from '../../../shared/schemas/job';
import { dataPaths } from '../../../electron/backend/data-dir';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { makeBundle, registerUnit, SO_UNIT, trustTestPki } from '../inbox/make-bundle';
import { bundleEntries, dataParts, signParts, testSigner } from './craft';
import { writeRawZip } from './raw-zip';
import { sampleInput } from './sample';

/**
 * The import path (inbox job, verification in the worker, store, SQLite) on the content attacks of issue 13:
 * a BOM used to pass verification and kill the import job as INTERNAL; a deep value gave E_IO. Both are now
 * refused as BUNDLE_INVALID with E_SUBMISSION_SCHEMA and nothing stored. Text the unit typed with CR LF,
 * control or bidi characters is cleaned on export, so the app's own bundle still verifies and imports.
 */

let pki: TestPki;
let b: TestBackend;
let work: string;

beforeAll(async () => {
  pki = await createTestPki();
  b = createTestBackend();
  trustTestPki(b.dataDir, pki);
  work = makeTempDir('cchc-parity-import-');
  // Sở Nội vụ's register lists the unit and its signer (the import rules of docs/submission-format.md §6).
  registerUnit(b, SO_UNIT, [pki.leaf]);
}, 60_000);
afterAll(() => b?.cleanup());

const importFile = async (file: string): Promise<Job> => {
  b.host.nextPicks.push([file]);
  const job = await callOk<Job>(b, 'inbox.import', {});
  return b.ctx.jobs.wait(job.id);
};
const count = (table: string): number => (b.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const stored = (): { subs: number; answers: number; evidence: number; files: number } => {
  const root = dataPaths(b.dataDir).evidence;
  const files = existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length : 0;
  return { subs: count('imported_submission'), answers: count('imported_answer'), evidence: count('imported_evidence'), files };
};

/** A validly signed bundle (test PKI) whose submission.json bytes are `json`. */
const craft = async (name: string, json: (text: string) => Buffer): Promise<string> => {
  const s = sampleInput(join(work, `src-${name}`), { submissionId: '0190a1b2-0000-7000-8000-0000000000e1' });
  const parts = dataParts(s.submission, s.evidence.map((e) => ({ path: e.path, data: readFileSync(e.source) }))).map((p) =>
    p.name === 'submission.json' ? { ...p, data: json(JSON.stringify(s.submission)) } : p,
  );
  const file = join(work, `${name}.asice`);
  writeFileSync(file, writeRawZip(bundleEntries(parts, await signParts(parts, { signer: testSigner(pki.leaf, [pki.intermediate]) }))));
  return file;
};

describe('import: content attacks are refused as schema errors with nothing stored', () => {
  for (const [name, json, detail] of [
    ['bom', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]), 'byte-order mark'],
    ['deep', (t: string) => Buffer.from(t.replace('"value":true', `"value":${'['.repeat(100_000)}${']'.repeat(100_000)}`)), 'nesting deeper'],
  ] as const) {
    it(`${name}: BUNDLE_INVALID (E_SUBMISSION_SCHEMA), no INTERNAL, nothing stored`, async () => {
      const before = stored();
      const job = await importFile(await craft(name, json));
      expect(job.state).toBe('failed');
      expect(job.error?.code).toBe('BUNDLE_INVALID');
      expect(job.error?.message).toContain('E_SUBMISSION_SCHEMA');
      expect(JSON.stringify(job.error)).toContain(detail);
      expect(stored()).toEqual(before);
    }, 120_000);
  }

  it('CR LF, BEL and RLO typed by the unit are cleaned on export: the bundle verifies and imports, notes keep their lines', async () => {
    const bundle = await makeBundle(b, pki, join(work, 'typed.asice'), {
      unit: SO_UNIT,
      submissionId: '0190a1b2-0000-7000-8000-0000000000e2',
      tweak: (answers) => answers.map((a, i) => (i === 0 ? { ...a, explanation: 'Dòng một\r\nDòng hai\u0007\u202E' } : a)),
    });
    const job = await importFile(bundle);
    expect(job.error).toBeUndefined();
    const res = job.result as InboxImportResult;
    expect(res.status).toBe('VALID');
    const notes = b.ctx.db.prepare('SELECT note FROM imported_answer WHERE import_id = ? AND note LIKE ?').all(res.importId, 'Dòng một%') as { note: string }[];
    expect(notes).toEqual([{ note: 'Dòng một\nDòng hai' }]);
  }, 120_000);
});

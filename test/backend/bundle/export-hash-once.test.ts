import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { findAssessment } from '../../../electron/backend/db/repos/assessment-repo';
import { listDocumentRows } from '../../../electron/backend/db/repos/evidence-repo';
import { listSubmissions } from '../../../electron/backend/db/repos/submission-repo';
import { exportAssessment } from '../../../electron/backend/services/bundle/export-assessment';
import { storePathFor } from '../../../electron/backend/services/evidence/store';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { isAppFailure } from '../../../shared/ipc/result';
import { createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { fillFromExample } from './stored-assessment';

/**
 * The export reads each evidence byte once: its preflight no longer re-hashes the store (it checks presence
 * and size), and the pack pass that streams a file into the zip also checks it against the store's SHA-256.
 * A file changed in place (same size) must therefore be caught by packing, with FILE_CHANGED, and leave
 * nothing behind.
 */
let pki: TestPki;
let b: TestBackend | undefined;
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

describe('export: evidence hashed once, in the pack pass', () => {
  it('a stored file changed in place (same size) fails with FILE_CHANGED naming it; no bundle, no record, not locked', async () => {
    b = createTestBackend();
    const a = await fillFromExample(b);
    const doc = listDocumentRows(b.ctx.db, a.id).find((d) => d.originalName.endsWith('.pdf'))!;
    const stored = storePathFor(b.ctx.dataDir, doc.sha256);
    const bytes = readFileSync(stored);
    bytes[bytes.length - 1]! ^= 0x01;
    chmodSync(stored, 0o644);
    writeFileSync(stored, bytes);

    const outDir = makeTempDir('cchc-hash-once-');
    const signer = await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD);
    let failure: unknown = null;
    try {
      await exportAssessment(b.ctx, { assessmentId: a.id, signer, out: join(outDir, 'x.asice') });
    } catch (e) {
      failure = e;
    } finally {
      await signer.close();
    }
    expect(isAppFailure(failure) && failure.code).toBe('FILE_CHANGED');
    expect((failure as Error).message).toContain(`«${doc.originalName}»`);
    expect(readdirSync(outDir)).toEqual([]);
    expect(listSubmissions(b.ctx.db, a.id)).toEqual([]);
    expect(findAssessment(b.ctx.db, a.id)?.status).toBe('draft');
  }, 60_000);
});

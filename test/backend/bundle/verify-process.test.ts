import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { packBundle } from '../../../electron/backend/services/bundle/pack';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { BundleFailure } from '../../../electron/backend/services/bundle/verify/failure';
import { checkedContent, checkInWorker, openVerifySession, verifyInWorker } from '../../../electron/backend/services/bundle/verify/verify-process';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { launchWorker } from '../../../electron/workers/launch';
import { countingLauncher } from '../../helpers/backend';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { writeSignedSample } from './craft';
import { SET, sampleInput } from './sample';

let pki: TestPki;
let work: string;
let good: string;
beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(join(tmpdir(), 'cchc-vproc-'));
  good = await writeSignedSample(pki, work);
}, 60_000);

const base = () => ({ launcher: launchWorker, trust: loadTrustStore(pki.caFile), checkSets: true, knownSets: [{ id: SET.id, version: SET.version, sha256: SET.sha256 }], imported: [] });

/** A session whose worker starts are counted, and the options without the launcher. */
const countingSession = () => {
  const { started, launcher } = countingLauncher();
  const { launcher: _l, ...o } = base();
  return { started, session: openVerifySession(launcher), o };
};

describe('verification in a worker process', () => {
  it('gives the same verdict as in-process, with progress', async () => {
    const seen: number[] = [];
    const r = await verifyInWorker(good, { ...base(), onProgress: (d) => seen.push(d) });
    expect(r.status).toBe('VALID_WITH_WARNINGS');
    expect(r.files).toHaveLength(4);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('stage: every evidence entry checked is written under the prefix, with submission.json as checked; a refused package leaves nothing there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-stage-'));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const session = openVerifySession(launchWorker);
    try {
      const v = await session.check(good, { ...base(), stage: { prefix: join(dataDir, 'ok-'), dataDir, reuse: true } });
      expect(v.result.status).toBe('VALID_WITH_WARNINGS');
      const evidence = v.result.files.filter((f) => f.path.startsWith('evidence/'));
      expect(evidence.length).toBeGreaterThan(0);
      expect(v.staged.map((t) => [t.path, t.sha256, t.size])).toEqual(evidence.map((f) => [f.path, f.sha256, f.size]));
      for (const t of v.staged) {
        expect(t.tmpPath.startsWith(join(dataDir, 'ok-'))).toBe(true);
        expect(sha(readFileSync(t.tmpPath))).toBe(t.sha256);
      }
      expect(sha(Buffer.from(v.content!, 'utf8'))).toBe(v.result.files.find((f) => f.path === 'submission.json')!.sha256);
      // Asked for, the worker hashes the whole package too (a batch import's digest); not unless asked.
      expect(v.fileSha256).toBeUndefined();
      const withDigest = await session.check(good, { ...base(), fileDigest: true, stage: { prefix: join(dataDir, 'ok-d-'), dataDir, reuse: true } });
      expect(withDigest.fileSha256).toBe(sha(readFileSync(good)));

      // Refused after its entries were staged (a replay is decided last), and refused in the middle of an entry.
      const replay = await session.check(good, { ...base(), imported: [{ submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', revision: 3 }], stage: { prefix: join(dataDir, 'replay-'), dataDir, reuse: true } });
      expect([replay.result.code, replay.staged, replay.content]).toEqual(['E_REPLAY', [], null]);
      const replayDigest = await session.check(good, { ...base(), fileDigest: true, imported: [{ submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', revision: 3 }], stage: { prefix: join(dataDir, 'replay-'), dataDir, reuse: true } });
      expect(replayDigest.fileSha256).toBeUndefined();
      const bytes = readFileSync(good);
      const firstEvidence = readFileSync(v.staged[0]!.tmpPath);
      const at = bytes.indexOf(firstEvidence);
      expect(at).toBeGreaterThan(0);
      bytes[at + Math.floor(firstEvidence.length / 2)]! ^= 0xff;
      const tampered = join(work, 'tampered-evidence.asice');
      writeFileSync(tampered, bytes);
      const bad = await session.check(tampered, { ...base(), stage: { prefix: join(dataDir, 'tampered-'), dataDir, reuse: true } });
      expect([bad.result.code, bad.staged]).toEqual(['E_DIGEST_MISMATCH', []]);
      expect(readdirSync(dataDir).filter((n) => !n.startsWith('ok-'))).toEqual([]);
    } finally {
      session.close();
    }
  });

  it('withContent: the content file\'s checked bytes come back without staging (none without asking); checkedContent refuses bytes that are not the listed ones', async () => {
    const plain = await checkInWorker(good, base());
    expect([plain.result.status, plain.content, plain.staged]).toEqual(['VALID_WITH_WARNINGS', null, []]);
    const v = await checkInWorker(good, { ...base(), withContent: true });
    expect(v.staged).toEqual([]);
    const bytes = checkedContent(v, 'submission.json');
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ revision: expect.any(Number) });
    const codeOf = (f: () => unknown): string | null => {
      try {
        f();
        return null;
      } catch (e) {
        return e instanceof BundleFailure ? e.code : 'other';
      }
    };
    expect(codeOf(() => checkedContent({ ...v, content: `${v.content} ` }, 'submission.json'))).toBe('E_DIGEST_MISMATCH');
    expect(codeOf(() => checkedContent({ ...v, content: null }, 'submission.json'))).toBe('E_MISSING_ENTRY');
    expect(codeOf(() => checkedContent(v, 'explanation.json'))).toBe('E_MISSING_ENTRY');
  });

  it('replay and unknown-set data cross the process boundary as plain data', async () => {
    const replay = await verifyInWorker(good, { ...base(), imported: [{ submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', revision: 3 }] });
    expect(replay.code).toBe('E_REPLAY');
    const unknown = await verifyInWorker(good, { ...base(), knownSets: [] });
    expect(unknown.code).toBe('E_INDICATOR_SET_UNKNOWN');
  });

  it('a wall-clock timeout kills the worker: E_TIMEOUT', async () => {
    const r = await verifyInWorker(good, { ...base(), timeoutMs: 1 });
    expect(r.status).toBe('INVALID');
    expect(r.code).toBe('E_TIMEOUT');
  });

  it('a session (batch import) reuses one worker; a file that times out takes only its worker down, the next file gets a fresh one', async () => {
    const { started, session, o } = countingSession();
    try {
      expect((await session.verify(good, o)).code).toBe('W_REVOCATION_UNKNOWN');
      expect((await session.verify(good, { ...o, imported: [{ submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', revision: 1 }] })).code).toBe('E_REPLAY');
      expect(started).toEqual(['verify-worker']);
      expect((await session.verify(good, { ...o, timeoutMs: 1 })).code).toBe('E_TIMEOUT');
      expect((await session.verify(good, o)).code).toBe('W_REVOCATION_UNKNOWN');
      expect(started).toEqual(['verify-worker', 'verify-worker']);
      // A cancelled signal before the start: refused at once, no worker started for it.
      const ctl = new AbortController();
      ctl.abort();
      expect((await session.verify(good, { ...o, signal: ctl.signal })).code).toBe('E_TIMEOUT');
      expect((await session.verify(good, o)).code).toBe('W_REVOCATION_UNKNOWN');
      expect(started).toHaveLength(3);
    } finally {
      session.close();
    }
  }, 60_000);
});

describe('a session queues files', () => {
  it('files queued at once are taken in order; one that times out is dropped and the files behind it go to a fresh worker; close answers the rest', async () => {
    const { started, session, o } = countingSession();
    try {
      const replayed = { ...o, imported: [{ submissionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', revision: 1 }] };
      // The second file's clock starts when the first is done: 1 ms is then too short for it alone.
      const codes = await Promise.all([session.verify(good, o), session.verify(good, { ...o, timeoutMs: 1 }), session.verify(good, replayed)].map(async (p) => (await p).code));
      expect(codes).toEqual(['W_REVOCATION_UNKNOWN', 'E_TIMEOUT', 'E_REPLAY']);
      expect(started).toEqual(['verify-worker', 'verify-worker']);
      const pending = [session.verify(good, o), session.verify(good, o)];
      session.close();
      expect((await Promise.all(pending)).map((r) => [r.code, r.detail])).toEqual([
        ['E_TIMEOUT', 'cancelled'],
        ['E_TIMEOUT', 'cancelled'],
      ]);
      expect((await session.verify(good, o)).code).toBe('E_TIMEOUT');
    } finally {
      session.close();
    }
  }, 60_000);
});

describe('kill -9 during an export never leaves a final .asice', () => {
  it('only a .partial can remain, and the next export removes it', async () => {
    const out = join(work, 'killed.asice');
    const script = `
      import { readFileSync } from 'node:fs';
      import { openP12Signer } from ${JSON.stringify(join(process.cwd(), 'electron/backend/services/signing/p12-signer.ts'))};
      import { packBundle } from ${JSON.stringify(join(process.cwd(), 'electron/backend/services/bundle/pack.ts'))};
      import { sampleInput } from ${JSON.stringify(join(process.cwd(), 'test/backend/bundle/sample.ts'))};
      const s = sampleInput(${JSON.stringify(join(work, 'k'))});
      const ev = Array.from({ length: 400 }, (_, i) => ({ ...s.evidence[0], path: 'evidence/' + String(i + 1).padStart(4, '0') + '.pdf' }));
      const signer = await openP12Signer(readFileSync(${JSON.stringify(pki.p12.modernAscii)}), ${JSON.stringify(ASCII_PASSWORD)});
      process.stdout.write('ready\\n');
      await packBundle({ out: ${JSON.stringify(out)}, submission: s.submission, evidence: ev, signer, now: new Date(),
        onProgress: (d) => { if (d > 2_000_000) process.stdout.write('writing\\n'); } });
    `;
    const file = join(work, 'killer.mts');
    writeFileSync(file, script);
    const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        if (b.toString().includes('writing')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
      setTimeout(() => reject(new Error('child never started writing')), 30_000);
    });
    await new Promise((r) => child.on('close', r));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.startsWith('killed.asice'))).toEqual(['killed.asice.partial']);
    // The next export to the same target starts by removing the stale partial.
    const s = sampleInput(join(work, 'again'));
    await packBundle({ out, submission: s.submission, evidence: s.evidence, signer: await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD), now: new Date() });
    expect(readdirSync(work).filter((f) => f.startsWith('killed.asice'))).toEqual(['killed.asice']);
  }, 60_000);
});

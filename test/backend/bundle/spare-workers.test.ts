import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { endSpareWorkers, takeSpareWorker, warmVerifyWorkers } from '../../../electron/backend/services/bundle/verify/spare-workers';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { openVerifySession } from '../../../electron/backend/services/bundle/verify/verify-process';
import type { WorkerHandle, WorkerLauncher } from '../../../electron/backend/workers-seam/launcher';
import { countingLauncher } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { writeSignedSample } from './craft';
import { SET } from './sample';

/** Handles that only record whether they were ended, and can be made to exit. */
const fakeLauncher = () => {
  const handles: (WorkerHandle & { killed: boolean; exit: () => void; fail: () => void })[] = [];
  const launcher: WorkerLauncher = () => {
    const ee = new EventEmitter();
    const h = {
      killed: false,
      send: () => {},
      on: (event: string, cb: (...args: unknown[]) => void) => ee.on(event, cb),
      kill: () => {
        h.killed = true;
      },
      exit: () => ee.emit('exit', 1, null),
      fail: () => ee.emit('error', new Error('spawn failed')),
    };
    handles.push(h);
    return h;
  };
  return { launcher, handles };
};

afterEach(() => endSpareWorkers());

describe('spare verification workers', () => {
  it('warming starts workers up to the count, never more; each is taken once, by the same launcher only', () => {
    const { launcher, handles } = fakeLauncher();
    const other = fakeLauncher();
    warmVerifyWorkers(launcher, 2);
    warmVerifyWorkers(launcher, 2);
    expect(handles).toHaveLength(2);
    expect(takeSpareWorker(other.launcher)).toBeNull();
    const a = takeSpareWorker(launcher);
    const b = takeSpareWorker(launcher);
    expect(new Set([a, b])).toEqual(new Set(handles));
    expect(takeSpareWorker(launcher)).toBeNull();
    // Taken workers are the taker's: ending the spares, or an error of theirs, is not this list's to act on.
    endSpareWorkers();
    handles[0]!.fail();
    expect(handles.every((h) => !h.killed)).toBe(true);
    // One taken: warming again tops up to the count.
    warmVerifyWorkers(launcher, 2);
    expect(handles).toHaveLength(4);
  });

  it('a spare that exits or fails on its own is never handed out; one not taken in time is ended', async () => {
    const { launcher, handles } = fakeLauncher();
    warmVerifyWorkers(launcher, 2, 50);
    handles[0]!.exit();
    expect(takeSpareWorker(launcher)).toBe(handles[1]);
    // One that fails while waiting is ended and never handed out.
    warmVerifyWorkers(launcher, 1, 50);
    handles[2]!.fail();
    expect(handles[2]!.killed).toBe(true);
    expect(takeSpareWorker(launcher)).toBeNull();
    warmVerifyWorkers(launcher, 1, 50);
    await new Promise((r) => setTimeout(r, 120));
    expect(handles[3]!.killed).toBe(true);
    expect(takeSpareWorker(launcher)).toBeNull();
  });
});

describe('a verification session takes a warmed worker', () => {
  let pki: TestPki;
  let good: string;
  beforeAll(async () => {
    pki = await createTestPki();
    good = await writeSignedSample(pki, mkdtempSync(join(tmpdir(), 'cchc-spare-')));
  }, 60_000);

  it('verifies with the spare instead of starting another worker', async () => {
    const { started, launcher: counting } = countingLauncher();
    warmVerifyWorkers(counting, 1);
    expect(started).toEqual(['verify-worker']);
    const session = openVerifySession(counting);
    try {
      const r = await session.verify(good, { trust: loadTrustStore(pki.caFile), checkSets: true, knownSets: [{ id: SET.id, version: SET.version, sha256: SET.sha256 }], imported: [] });
      expect(r.status).toBe('VALID_WITH_WARNINGS');
      expect(started).toEqual(['verify-worker']);
    } finally {
      session.close();
    }
  }, 30_000);
});

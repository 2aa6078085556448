import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync, ftruncateSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../../electron/backend/backend';
import { dataPaths } from '../../../electron/backend/data-dir';
import { cleanupTempFiles, sweepStore } from '../../../electron/backend/services/evidence/gc';
import { storePathFor } from '../../../electron/backend/services/evidence/store';
import { createTestBackend, makeTempDir } from '../../helpers/backend';
import { setupEvidence, sha256 } from './fixtures';
import type { EvidenceSetup } from './fixtures';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'child', 'attach-child.ts');

let s: EvidenceSetup | undefined;
afterEach(() => {
  s?.cleanup();
  s = undefined;
});

const runChild = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });

const storeFiles = (dataDir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  walk(dataPaths(dataDir).evidence);
  return out;
};

describe('durability and memory (child processes)', () => {
  it('attaches a 1 GiB file with peak RSS well under 200 MB (VmHWM of the attaching process)', async () => {
    s = await setupEvidence();
    // Sparse: a PDF header, then a hole up to 1 GiB (written quickly, read back as zeros).
    const big = join(s.files, 'big.pdf');
    const fd = openSync(big, 'w');
    writeSync(fd, Buffer.from('%PDF-1.7\n'));
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    s.b.close(); // the child owns the database while it runs
    const child = runChild(['memory', s.b.dataDir, s.assessmentId, big]);
    let out = '';
    let errText = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (errText += c.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code, errText).toBe(0);
    const m = JSON.parse(out.trim()) as { vmhwmKb: number; baselineKb: number; ms: number; documents: number };
    console.log(`1 GiB attach: ${(m.ms / 1000).toFixed(1)} s, peak RSS ${(m.vmhwmKb / 1024).toFixed(0)} MiB (baseline ${(m.baselineKb / 1024).toFixed(0)} MiB)`);
    expect(m.documents).toBe(1);
    expect(m.vmhwmKb).toBeGreaterThan(0);
    expect(m.vmhwmKb / 1024).toBeLessThan(150);
    expect((m.vmhwmKb - m.baselineKb) / 1024).toBeLessThan(80); // growth during the attach itself
    const stored = storeFiles(s.b.dataDir);
    expect(stored).toHaveLength(1);
    expect(statSync(stored[0] ?? '').size).toBe(1024 ** 3);
    rmSync(stored[0] ?? '', { force: true });
  }, 120_000);

  it('kill -9 at random moments: no half file under a final name, no row without its file, temp files cleaned', async () => {
    s = await setupEvidence();
    const { dataDir } = s.b;
    const assessmentId = s.assessmentId;
    s.b.close();
    const acknowledged: string[] = [];
    const RUNS = 5;
    for (let run = 0; run < RUNS; run++) {
      const src = makeTempDir('cchc-kill-src-');
      const child = runChild(['loop', dataDir, assessmentId, src]);
      let buf = '';
      let errText = '';
      child.stderr.on('data', (c: Buffer) => (errText += c.toString()));
      const killed = new Promise<void>((resolve) => {
        let scheduled = false;
        child.stdout.on('data', (c: Buffer) => {
          buf += c.toString();
          const lines = buf.split('\n');
          buf = lines.pop() ?? '';
          for (const l of lines) if (l.startsWith('committed ')) acknowledged.push(l.slice(10));
          if (!scheduled) {
            scheduled = true;
            // After the first commit, kill at a random point inside a later copy/rename/insert.
            setTimeout(() => child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 250));
          }
        });
        child.on('exit', () => resolve());
      });
      await killed;
      expect(errText).not.toMatch(/Error/);
      rmSync(src, { recursive: true, force: true });

      // "Restart": reopen the database the way the app does, and check every invariant.
      const b = createTestBackend({ dataDir });
      const rows = b.ctx.db.prepare('SELECT id, sha256, size FROM evidence_document').all() as Array<{ id: string; sha256: string; size: number }>;
      const ids = new Set(rows.map((r) => r.id));
      for (const id of acknowledged) expect(ids.has(id), `acknowledged ${id} lost`).toBe(true);
      for (const r of rows) {
        const p = storePathFor(dataDir, r.sha256);
        expect(statSync(p).size).toBe(r.size); // no row without its (whole) file
      }
      for (const f of storeFiles(dataDir)) expect(sha256(readFileSync(f))).toBe(f.split(/[\\/]/).pop()); // never a half file
      cleanupTempFiles(dataDir);
      expect(readdirSync(dataPaths(dataDir).tmp).filter((n) => n.startsWith('ev-'))).toEqual([]);
      // An orphan (renamed, row not committed) is complete and unreferenced: the sweep reclaims it.
      sweepStore(b.ctx.db, dataDir, 0, Date.now() + 1000);
      expect(storeFiles(dataDir)).toHaveLength(rows.length);
      b.close();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(RUNS);
  }, 120_000);
});

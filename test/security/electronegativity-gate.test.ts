import { execFile } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { makeTempDir } from '../helpers/backend';

const ROOT = resolve(import.meta.dirname, '..', '..');
const GATE = join(ROOT, 'scripts', 'electronegativity-gate.mjs');
const ALLOWLIST = join(ROOT, 'scripts', 'electronegativity-allowlist.json');

type GateRun = { code: number; stdout: string; stderr: string };

/** Runs the gate as `npm test` does, optionally from another root (a planted copy of the tree). */
const runGate = (cwd: string, extra: string[] = []): Promise<GateRun> =>
  new Promise((done) => {
    execFile(process.execPath, [GATE, '--allowlist', ALLOWLIST, ...extra], { cwd, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });

/** A temp root holding a copy of electron/ and package.json, with one file edited. */
const plantedTree = (file: string, edit: (src: string) => string): string => {
  const dir = makeTempDir('cchc-eng-');
  cpSync(join(ROOT, 'electron'), join(dir, 'electron'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const target = join(dir, 'electron', file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before); // the plant really changed something
  writeFileSync(target, after);
  return dir;
};

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('electronegativity gate', () => {
  // The three scans run concurrently (each ~4 s, mostly the tool's own start-up).
  const real = runGate(ROOT);
  const plantedOptions = (() => {
    const d = plantedTree('main/window-options.ts', (s) => s.replace('nodeIntegration: false', 'nodeIntegration: true'));
    temps.push(d);
    return runGate(d);
  })();
  const plantedWindow = (() => {
    const d = plantedTree('main/index.ts', (s) => `${s}\nexport const planted = () => new BrowserWindow({ webPreferences: { contextIsolation: false } });\n`);
    temps.push(d);
    return runGate(d);
  })();

  it('passes on the real electron/ source (every MEDIUM+ finding is a reviewed exception)', async () => {
    const r = await real;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/electronegativity gate: ok — 4\d checks/);
  }, 60_000);

  it('fails on a planted `nodeIntegration: true` in window-options.ts, naming the file and line', async () => {
    const r = await plantedOptions;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/GATE_INSECURE_WEBPREFERENCE HIGH\/FIRM electron\/main\/window-options\.ts:\d+ nodeIntegration enabled/);
    // Only the plant blocks: the reviewed exceptions still match in the copied tree.
    expect(r.stderr).toMatch(/FAILED — 1 finding/);
  }, 60_000);

  it('fails on a planted BrowserWindow with contextIsolation: false (electronegativity finding, not allowlisted by line)', async () => {
    const r = await plantedWindow;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK HIGH\/\w+ electron\/main\/index\.ts:\d+/);
    expect(r.stderr).toMatch(/GATE_INSECURE_WEBPREFERENCE HIGH\/FIRM electron\/main\/index\.ts:\d+ contextIsolation disabled/);
  }, 60_000);

  it('every allowlist entry is justified and names the test that guards it', () => {
    const list = JSON.parse(readFileSync(ALLOWLIST, 'utf8')) as { exceptions: Array<Record<string, string>> };
    expect(list.exceptions.length).toBeGreaterThan(0);
    for (const e of list.exceptions) {
      expect(e.reason?.length ?? 0).toBeGreaterThan(20);
      expect(e.guardedBy).toMatch(/^test\//);
      for (const ref of e.guardedBy!.split(';')) {
        const file = ref.trim().split(' ')[0]!;
        expect(() => readFileSync(join(ROOT, file)), `${file} exists`).not.toThrow();
      }
    }
  });
});

import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../electron/backend/backend';

export const CHILD_DIR = join(PROJECT_ROOT, 'test', 'crash', 'child');
const CHILDREN = ['autosave-child', 'attach-child', 'export-child'] as const;
export type ChildName = (typeof CHILDREN)[number];

/**
 * Bundles the children once (esbuild, already installed with tsx; node_modules stay external, so the code
 * that runs is the app's own): a bundled child starts in ~0.45 s instead of ~0.9 s under tsx, which is
 * what lets 3 × 25 kill/restart cycles fit the time budget. Falls back to tsx if esbuild is unavailable.
 */
export const prepareChildren = async (): Promise<{ argv: (name: ChildName) => string[]; dispose: () => void }> => {
  // Per process, so two concurrent runs never rewrite each other's children mid-start.
  const outdir = join(PROJECT_ROOT, 'node_modules', '.cache', 'cchc-crash-children', String(process.pid));
  const dispose = () => rmSync(outdir, { recursive: true, force: true });
  try {
    const esbuild = await import('esbuild');
    mkdirSync(outdir, { recursive: true });
    await esbuild.build({
      entryPoints: CHILDREN.map((c) => join(CHILD_DIR, `${c}.ts`)),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir,
      logLevel: 'error',
    });
    return { argv: (name) => [join(outdir, `${name}.js`)], dispose };
  } catch {
    return { argv: (name) => ['--import', 'tsx', join(CHILD_DIR, `${name}.ts`)], dispose };
  }
};

/** Deterministic PRNG (mulberry32) so a failing run can be replayed with its seed. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export type KillPlan = {
  /** Kill this many ms after the child printed "ready" … */
  afterReadyMs: number;
  /** … or, when set, this many ms after spawn whatever the child is doing (start-up, migrations, backup). */
  afterSpawnMs?: number;
  /** … or, when set, as soon as the child acknowledged this many operations (calibration runs). */
  afterAcks?: number;
};

/** `ackMs`: when each ack arrived, in ms after "ready" (how long one operation takes on this machine now). */
export type KillOutcome = { acks: string[]; ackMs: number[]; killed: boolean; code: number | null; stderr: string; ms: number };

/**
 * Runs one child and SIGKILLs it as planned. Lines "ack …" are collected only when complete (a line cut
 * by the kill is not an acknowledgement). A child that dies on its own (exit code set, not killed) is
 * reported, so the caller can fail with its stderr.
 */
export const runAndKill = (argv: string[], plan: KillPlan, startTimeoutMs = 20_000): Promise<KillOutcome> =>
  new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, argv, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: string[] = [];
    const ackMs: number[] = [];
    let readyAt = 0;
    let buf = '';
    let stderr = '';
    let killed = false;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const guard = setTimeout(kill, startTimeoutMs);
    if (plan.afterSpawnMs !== undefined) setTimeout(kill, plan.afterSpawnMs);
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'ready') {
          readyAt = Date.now();
          if (plan.afterSpawnMs === undefined && plan.afterAcks === undefined) setTimeout(kill, plan.afterReadyMs);
        } else if (line.startsWith('ack ')) {
          acks.push(line.slice(4));
          ackMs.push(Date.now() - readyAt);
          if (plan.afterAcks !== undefined && acks.length >= plan.afterAcks) kill();
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ acks, ackMs, killed, code, stderr, ms: Date.now() - t0 });
    });
  });

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createBackend } from '../../electron/backend/backend';
import type { Backend, BackendOptions } from '../../electron/backend/backend';
import type { HostCapabilities } from '../../electron/backend/host';
import { silentLogger } from '../../electron/backend/logger';
import { createFileSettingsStore } from '../../electron/backend/settings/file-settings-store';
import type { WorkerLauncher } from '../../electron/backend/workers-seam/launcher';
import { launchWorker } from '../../electron/workers/launch';

/** The real worker launcher, recording the name of every worker it starts. */
export const countingLauncher = (): { started: string[]; launcher: WorkerLauncher } => {
  const started: string[] = [];
  return {
    started,
    launcher: (name, env, options) => {
      started.push(name);
      return launchWorker(name, env, options);
    },
  };
};

export const makeTempDir = (prefix = 'cchc-test-'): string => mkdtempSync(join(tmpdir(), prefix));

/** A host for tests: settings in a file, dialogs answered from queues the test fills. */
export type TestHost = HostCapabilities & { nextPicks: string[][]; nextFolders: string[]; nextSaveTargets: string[]; shown: string[] };

export const createTestHost = (settingsFile: string): TestHost => {
  const host: TestHost = {
    kind: 'cli',
    settings: createFileSettingsStore(settingsFile),
    nextPicks: [],
    nextFolders: [],
    nextSaveTargets: [],
    shown: [],
    pickFiles: async () => host.nextPicks.shift() ?? null,
    pickFolder: async () => host.nextFolders.shift() ?? null,
    chooseSaveTarget: async () => {
      const p = host.nextSaveTargets.shift();
      return p ? { path: p } : null;
    },
    showInFolder: async (p) => {
      host.shown.push(p);
    },
    openWithSystem: async (p) => {
      host.shown.push(p);
    },
  };
  return host;
};

export type TestBackend = Backend & { dataDir: string; host: TestHost; cleanup: () => void };

/** A real backend (real SQLite file, real migrations) in a fresh temp folder. */
export const createTestBackend = (opts: Partial<BackendOptions> = {}): TestBackend => {
  const dataDir = opts.dataDir ?? makeTempDir();
  let host!: TestHost;
  const backend = createBackend({
    logger: silentLogger,
    workerLauncher: launchWorker,
    ...opts,
    dataDir,
    host: (paths) => {
      host = createTestHost(paths.settings);
      return host;
    },
  });
  return {
    ...backend,
    dataDir,
    host,
    cleanup: () => {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Calls a channel and returns the value, failing the test with the error message otherwise. */
export const callOk = async <T = unknown>(b: Backend, channel: string, payload: unknown = {}): Promise<T> => {
  const res = await b.call(channel, payload);
  if (!res.ok) throw new Error(`${channel} failed: ${res.error.code} ${res.error.message}`);
  return res.value as T;
};

/** Saves the unit profile and creates an assessment on `indicatorSetId`; returns the assessment id. */
export const seedAssessment = async (b: Backend, unit: unknown, indicatorSetId: string, year = 2025): Promise<string> => {
  await callOk(b, 'unit.save', unit);
  return (await callOk<{ id: string }>(b, 'assessments.create', { year, indicatorSetId })).id;
};

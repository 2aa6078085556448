import type { KeyRef } from './services/signing/open-key';

/**
 * What one backend remembers between calls, in memory only. It lives in BackendContext (not in module
 * variables) so that two backends in one process — the tests start many — never see each other's state.
 */
export type Session = {
  /** Where each finished export went, by job id: "show in folder" names the job, never a path. */
  writtenFiles: Map<string, string>;
  /** Keys chosen in signing.chooseKey, by opaque id (services/signing/open-key.ts). */
  signingKeys: Map<string, KeyRef>;
  /** Exclusive operations running now: a restore swaps the data a concurrent backup is reading. */
  running: Set<'backup'>;
};

export const newSession = (): Session => ({ writtenFiles: new Map(), signingKeys: new Map(), running: new Set() });

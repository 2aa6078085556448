import { AppFailure } from '../../../../shared/ipc/result';

/** Default per-file cap: big scanned PDFs fit, a whole disk image does not. Same as the web host's upload cap. */
export const DEFAULT_MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;

/**
 * The cap in force: CCHC_EVIDENCE_MAX_MB (an administrator's override, 1–4096 MB) or the default.
 * Tests and the benchmark pass their own cap to the service directly.
 */
export const evidenceMaxBytes = (env: Record<string, string | undefined> = process.env): number => {
  const mb = Number(env.CCHC_EVIDENCE_MAX_MB);
  return Number.isInteger(mb) && mb >= 1 && mb <= 4096 ? mb * 1024 * 1024 : DEFAULT_MAX_EVIDENCE_BYTES;
};

export const tooLarge = (name: string, size: number, max: number): AppFailure =>
  AppFailure.of('EVIDENCE_TOO_LARGE', { name, size, max }, { size, max });

import type { PackageKind } from '../../../shared/schemas/package-kind';
import type { VerifyResult } from '../../../shared/schemas/submission';
import type { VerifyLimits } from '../services/bundle/constants';

/** Messages to and from the verification worker. Everything is plain data (no callbacks cross processes). */
export type VerifyWorkerRequest = {
  id: number;
  file: string;
  /** DER certificates / CRLs, base64. */
  trust: { anchors: string[]; crls: string[]; selfCheckWhenEmpty?: boolean };
  /** When false the indicator-set check (step 8) is skipped. */
  checkSets: boolean;
  knownSets: { id: string; version: string; sha256: string; indicatorIds?: string[] }[];
  /** Already imported (submissionId, highest revision) pairs for replay detection. */
  imported: { submissionId: string; revision: number }[];
  /**
   * Any package kind (verifyPackage, docs/package-formats.md) instead of a submission only; with a kind, a
   * package of another kind is refused (E_WRONG_KIND).
   */
  anyKind?: boolean;
  expectKind?: PackageKind;
  /** Already imported (roundId, highest revision) pairs for replay detection of round packages. */
  importedRounds?: { roundId: string; revision: number }[];
  now?: string;
  limits?: Partial<VerifyLimits>;
  /**
   * Also the SHA-256 of the whole file, read here while it is verified (VerifyResult.bundleSha256): a batch
   * import then reads each package once in the importing process, not twice (docs/performance.md).
   */
  fileDigest?: boolean;
};

export type VerifyWorkerResponse =
  | { id: number; type: 'progress'; done: number; total: number; label: string }
  | { id: number; type: 'result'; result: VerifyResult }
  | { id: number; type: 'error'; message: string };

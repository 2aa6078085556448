import type { PackageKind } from '../../../shared/schemas/package-kind';
import type { VerifyResult } from '../../../shared/schemas/submission';
import type { VerifyLimits } from '../services/bundle/constants';
import type { StageRequest, StagedEntry } from '../services/evidence/staging';

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
   * A submission import: the worker also writes the evidence entries into temp files of the store as it checks
   * them (evidence/staging.ts), and returns them with submission.json's checked bytes, so the importer never
   * reads the package again (docs/performance.md "Batch import").
   */
  stage?: StageRequest;
  /** Return the content file's checked bytes (a staging request always does): the caller reads the content from them. */
  withContent?: boolean;
  /**
   * A valid package's own SHA-256 too (`fileSha256`): a batch import has its workers hash each package, which
   * have time to spare, instead of the importer, which commits one package after the other
   * (services/inbox/verify-ahead.ts).
   */
  fileDigest?: boolean;
};

export type VerifyWorkerResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | {
      id: number;
      type: 'result';
      result: VerifyResult;
      staged?: StagedEntry[];
      content?: string;
      /** With the content: the other entries the container keeps in memory (a round's sets), path → text. */
      kept?: Record<string, string>;
      stagingError?: string;
      /** The whole file's SHA-256 (hex), for a request with `fileDigest` whose package is valid. */
      fileSha256?: string;
    }
  | { id: number; type: 'error'; message: string };

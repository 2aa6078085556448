import { bundleMessage } from '../../../../../shared/domain/bundle-codes';
import type { BundleCode, BundleWarningCode } from '../../../../../shared/domain/bundle-codes';
import { escapeForDisplay } from '../../../../../shared/domain/display-text';
import type { Submission, VerifiedFile, VerifyResult } from '../../../../../shared/schemas/submission';
import { DEFAULT_LIMITS } from '../constants';
import type { VerifyLimits } from '../constants';
import { BundleFailure } from './failure';
import { SUBMISSION_PROFILE } from './profile';
import { checkSemantics } from './semantics';
import type { SemanticHooks } from './semantics';
import type { TrustStore } from './trust';
import { verifyContainer } from './verify-container';
import type { ContainerState } from './verify-container';

export type VerifyOptions = SemanticHooks & {
  trust: TrustStore;
  now?: Date;
  limits?: Partial<VerifyLimits>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
};

/**
 * The receiver-side procedure of docs/submission-format.md §5, steps 1–9, stopping at the first failure:
 * the generic container checks (verify-container.ts, steps 1–7) with the submission profile, then the
 * submission's own semantics (semantics.ts, steps 8–9). Shared by the app (run in a child process,
 * electron/workers/verify-worker.ts) and the CLI; a plain function for tests. Never writes anything.
 */
export const verifyBundle = async (file: string, o: VerifyOptions): Promise<VerifyResult> => {
  const now = o.now ?? new Date();
  const limits: VerifyLimits = { ...DEFAULT_LIMITS, ...o.limits };
  const state: ContainerState & { files: VerifiedFile[]; submission: Submission | null } = {
    signer: null,
    chain: [],
    signingTime: null,
    files: [],
    submission: null,
  };
  const result = (status: VerifyResult['status'], code: BundleCode, detail: string | undefined, warnings: BundleWarningCode[]): VerifyResult => ({
    status,
    code,
    message: bundleMessage(code),
    // Details quote names from the zip and certificates: shown, so escaped (shared/domain/display-text.ts).
    ...(detail ? { detail: escapeForDisplay(detail) } : {}),
    warnings: warnings.map((w) => ({ code: w, message: bundleMessage(w) })),
    signer: state.signer && { ...state.signer, subject: escapeForDisplay(state.signer.subject), issuer: escapeForDisplay(state.signer.issuer) },
    chain: state.chain.map(escapeForDisplay),
    signingTime: state.signingTime,
    files: state.files,
    submission: state.submission
      ? {
          submissionId: state.submission.submissionId,
          revision: state.submission.revision,
          agency: { code: state.submission.agency.code, name: state.submission.agency.name },
          period: state.submission.period,
          indicatorSet: state.submission.indicatorSet,
        }
      : null,
    bundleSha256: null,
    checkedAt: now.toISOString(),
  });

  try {
    const c = await verifyContainer(
      file,
      SUBMISSION_PROFILE,
      { trust: o.trust, now, limits, ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
      state,
    );
    // 8-9. Semantics and signer ↔ agency.
    const sem = checkSemantics(c.content, c.actual, state.signer!, o);
    state.submission = sem.submission;
    const names = new Map(sem.submission.evidence.map((e) => [e.path, e.originalName]));
    state.files = c.refs.map((r) => {
      const a = c.actual.get(r.uri)!;
      const originalName = names.get(r.uri);
      return { path: r.uri, size: a.size, sha256: a.sha256, ...(originalName !== undefined ? { originalName } : {}) };
    });
    const warnings = [...c.warnings, ...sem.warnings];
    return warnings.length
      ? result('VALID_WITH_WARNINGS', warnings[0]!, undefined, warnings)
      : result('VALID', 'OK', undefined, []);
  } catch (e) {
    if (e instanceof BundleFailure) return result('INVALID', e.code, e.detail, []);
    return result('INVALID', 'E_IO', e instanceof Error ? e.message.slice(0, 300) : String(e), []);
  }
};

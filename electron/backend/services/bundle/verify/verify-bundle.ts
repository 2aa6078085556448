import { bundleMessage } from '../../../../../shared/domain/bundle-codes';
import type { BundleCode, BundleWarningCode } from '../../../../../shared/domain/bundle-codes';
import { escapeForDisplay } from '../../../../../shared/domain/display-text';
import type { PackageKind } from '../../../../../shared/schemas/package-kind';
import type { Submission, VerifiedFile, VerifyResult } from '../../../../../shared/schemas/submission';
import type { OnProgress } from '../../../../../shared/domain/progress-steps';
import { DEFAULT_LIMITS } from '../constants';
import type { VerifyLimits } from '../constants';
import { BundleFailure, fail } from './failure';
import { PACKAGE_PROFILES, SUBMISSION_PROFILE } from './profile';
import type { ContainerProfile } from './profile';
import { checkExchangeSemantics } from './exchange-semantics';
import type { CheckedExchange } from './exchange-semantics';
import { checkRoundSemantics } from './round-semantics';
import type { CheckedRound, RoundHooks } from './round-semantics';
import { checkSemantics } from './semantics';
import type { SemanticHooks } from './semantics';
import type { TrustStore } from './trust';
import { verifyContainer } from './verify-container';
import type { ContainerOptions, ContainerState, VerifiedContainer } from './verify-container';

export type VerifyOptions = SemanticHooks & {
  trust: TrustStore;
  now?: Date;
  limits?: Partial<VerifyLimits>;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** Staging of the evidence entries as they are checked (ContainerOptions.sink). */
  sink?: ContainerOptions['sink'];
  blockingReads?: boolean;
};

export type PackageVerifyOptions = VerifyOptions &
  RoundHooks & {
    /** The kind the caller is importing: another kind is E_WRONG_KIND once its signature is known good. */
    expectKind?: PackageKind;
  };

/**
 * A verification report, plus (in process only) the checked content the importers store, and the content
 * file's bytes as they were digest-checked (null when the package is refused).
 */
export type PackageVerification = { result: VerifyResult; round: CheckedRound | null; exchange: CheckedExchange | null; content: Buffer | null; kept: ReadonlyMap<string, Buffer> };

type State = ContainerState & { kind: PackageKind; files: VerifiedFile[]; submission: Submission | null; round: CheckedRound | null; exchange: CheckedExchange | null };

/** What "Kiểm tra hồ sơ" and the CLI show of an appraisal result, a giải trình or a final result. */
const exchangeSummary = (x: CheckedExchange): NonNullable<VerifyResult['exchange']> => {
  const c = x.content;
  const base = { kind: x.kind, roundId: c.roundId, year: c.year, unit: c.unit, revision: c.revision, createdAt: c.createdAt };
  if (x.kind === 'explanation') return { ...base, issuer: null, items: x.content.items.length, evidence: x.content.evidence.length, final: null };
  const t = x.kind === 'final-result' ? x.content.totals.final : x.content.totals.appraised;
  return { ...base, issuer: x.content.issuer, items: x.content.criteria.length, evidence: 0, final: { points: t.final, index: t.index, rank: x.content.rank.rank, of: x.content.rank.of } };
};

const report = (state: State, now: Date, status: VerifyResult['status'], code: BundleCode, detail: string | undefined, warnings: BundleWarningCode[]): VerifyResult => {
  const r = state.round?.round;
  return {
    kind: state.kind,
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
    round: r
      ? {
          roundId: r.roundId,
          revision: r.revision,
          year: r.year,
          issuer: r.issuer,
          sets: r.sets.map(({ block, id, version, sha256 }) => ({ block, id, version, sha256 })),
          units: r.units.length,
        }
      : null,
    exchange: state.exchange ? exchangeSummary(state.exchange) : null,
    bundleSha256: null,
    checkedAt: now.toISOString(),
  };
};

/** Step 8-9 of the kind the container turned out to be. */
const checkKind = (c: VerifiedContainer, state: State, o: PackageVerifyOptions): BundleWarningCode[] => {
  if (o.expectKind && c.profile.kind !== o.expectKind) fail('E_WRONG_KIND', `${c.profile.kind}, ${o.expectKind} expected`);
  if (c.profile.kind === 'round') {
    state.round = checkRoundSemantics(c.content, c.kept, state.signer!, o);
    state.files = c.refs.map((r) => ({ path: r.uri, ...c.actual.get(r.uri)! }));
    return state.round.warnings;
  }
  if (c.profile.kind !== 'submission') {
    const x = checkExchangeSemantics(c.profile.kind, c.content, c.actual, state.signer!);
    state.exchange = x.checked;
    const names = new Map(x.checked.kind === 'explanation' ? x.checked.content.evidence.map((e) => [e.path, e.originalName]) : []);
    state.files = c.refs.map((r) => {
      const originalName = names.get(r.uri);
      return { path: r.uri, ...c.actual.get(r.uri)!, ...(originalName !== undefined ? { originalName } : {}) };
    });
    return x.warnings;
  }
  const sem = checkSemantics(c.content, c.actual, state.signer!, o);
  state.submission = sem.submission;
  const names = new Map(sem.submission.evidence.map((e) => [e.path, e.originalName]));
  state.files = c.refs.map((r) => {
    const a = c.actual.get(r.uri)!;
    const originalName = names.get(r.uri);
    return { path: r.uri, size: a.size, sha256: a.sha256, ...(originalName !== undefined ? { originalName } : {}) };
  });
  return sem.warnings;
};

const run = async (file: string, profiles: ContainerProfile | readonly ContainerProfile[], o: PackageVerifyOptions): Promise<PackageVerification> => {
  const now = o.now ?? new Date();
  const limits: VerifyLimits = { ...DEFAULT_LIMITS, ...o.limits };
  const state: State = { kind: 'submission', signer: null, chain: [], signingTime: null, files: [], submission: null, round: null, exchange: null };
  try {
    const c = await verifyContainer(
      file,
      profiles,
      { trust: o.trust, now, limits, ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}), ...(o.sink ? { sink: o.sink } : {}), ...(o.blockingReads ? { blockingReads: true } : {}) },
      state,
    );
    state.kind = c.profile.kind;
    const warnings = [...c.warnings, ...checkKind(c, state, o)];
    const result = warnings.length ? report(state, now, 'VALID_WITH_WARNINGS', warnings[0]!, undefined, warnings) : report(state, now, 'VALID', 'OK', undefined, []);
    return { result, round: state.round, exchange: state.exchange, content: c.content, kept: c.kept };
  } catch (e) {
    const code = e instanceof BundleFailure ? e.code : 'E_IO';
    const detail = e instanceof BundleFailure ? e.detail : e instanceof Error ? e.message.slice(0, 300) : String(e);
    return { result: report({ ...state, round: null, exchange: null }, now, 'INVALID', code, detail, []), round: null, exchange: null, content: null, kept: new Map() };
  }
};

/**
 * The receiver-side procedure of docs/submission-format.md §5, steps 1–9, stopping at the first failure:
 * the generic container checks (verify-container.ts, steps 1–7) with the submission profile, then the
 * submission's own semantics (semantics.ts, steps 8–9). Shared by the app (run in a child process,
 * electron/workers/verify-worker.ts) and the CLI; a plain function for tests. Never writes anything.
 */
export const verifyBundle = async (file: string, o: VerifyOptions): Promise<VerifyResult> => (await verifySubmission(file, o)).result;

/** verifyBundle with what the importer keeps: the submission.json bytes that were checked. */
export const verifySubmission = (file: string, o: VerifyOptions): Promise<PackageVerification> => run(file, SUBMISSION_PROFILE, o);

/**
 * Any package kind (docs/package-formats.md): the same container steps, the kind named by its content file,
 * then that kind's semantics. With `expectKind`, a package of another kind is refused (E_WRONG_KIND).
 */
export const verifyPackage = (file: string, o: PackageVerifyOptions): Promise<PackageVerification> => run(file, PACKAGE_PROFILES, o);

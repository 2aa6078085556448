import { SUBMISSION_FORMAT, submissionSchema } from '../../../../../shared/schemas/submission';
import type { SignerDetails, Submission } from '../../../../../shared/schemas/submission';
import type { BundleWarningCode } from '../../../../../shared/domain/bundle-codes';
import { parseContentJson } from './content-json';
import { fail } from './failure';

/** What the importer knows about an indicator set (from its catalog). */
export type KnownIndicatorSet = { sha256: string; indicatorIds?: ReadonlySet<string> | string[] };

export type SemanticHooks = {
  /** Looks up an indicator set by id + version; undefined/null = unknown. Omit to skip the set check. */
  lookupIndicatorSet?: (id: string, version: string) => KnownIndicatorSet | null | undefined;
  /**
   * Replay detection: true when this (submissionId, revision) was already imported, or a higher revision of
   * the same submission was.
   */
  isReplay?: (submissionId: string, revision: number) => boolean;
  /** Sở Nội vụ's registry of which certificate belongs to which agency; omitted → compare subject and name. */
  isSignerRegistered?: (signer: SignerDetails, agency: { code: string; name: string }) => boolean;
};

const norm = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** Step 8: submission.json against the strict schema and the zip; step 9: signer ↔ agency (warning). */
export const checkSemantics = (
  json: Buffer,
  zipFiles: Map<string, { size: number; sha256: string }>,
  signer: SignerDetails,
  hooks: SemanticHooks,
): { submission: Submission; warnings: BundleWarningCode[] } => {
  const raw = parseContentJson(json, 'E_SUBMISSION_SCHEMA');
  const format = raw && typeof raw === 'object' ? (raw as { format?: unknown }).format : undefined;
  if (format !== SUBMISSION_FORMAT) fail('E_FORMAT_VERSION', `format ${String(format).slice(0, 20)}`);
  const parsed = submissionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('E_SUBMISSION_SCHEMA', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.slice(0, 200));
  }
  const s = parsed.data;
  let known: ReadonlySet<string> | null = null;
  if (hooks.lookupIndicatorSet) {
    const set = hooks.lookupIndicatorSet(s.indicatorSet.id, s.indicatorSet.version);
    if (!set) fail('E_INDICATOR_SET_UNKNOWN', `${s.indicatorSet.id} ${s.indicatorSet.version}`);
    if (set!.sha256 !== s.indicatorSet.sha256) fail('E_INDICATOR_SET_MISMATCH', `${s.indicatorSet.id}: ${s.indicatorSet.sha256}`);
    if (set!.indicatorIds) known = new Set(set!.indicatorIds);
  }
  // Evidence list ↔ zip: same set of paths, same sizes and digests.
  const listed = new Set<string>();
  for (const ev of s.evidence) {
    if (listed.has(ev.path)) fail('E_INCONSISTENT', `${ev.path} listed twice`);
    listed.add(ev.path);
    const z = zipFiles.get(ev.path);
    if (!z) fail('E_INCONSISTENT', `${ev.path} is not in the bundle`);
    if (z!.size !== ev.size || z!.sha256 !== ev.sha256) fail('E_INCONSISTENT', `${ev.path}: size or SHA-256 differs from the file`);
  }
  for (const path of zipFiles.keys()) {
    if (path.startsWith('evidence/') && !listed.has(path)) fail('E_INCONSISTENT', `${path} is not in submission.json`);
  }
  const answered = new Set<string>();
  for (const a of s.answers) {
    if (answered.has(a.indicatorId)) fail('E_INCONSISTENT', `indicator ${a.indicatorId} answered twice`);
    answered.add(a.indicatorId);
    if (known && !known.has(a.indicatorId)) fail('E_INCONSISTENT', `unknown indicator ${a.indicatorId}`);
    for (const p of a.evidence) if (!listed.has(p)) fail('E_INCONSISTENT', `answer ${a.indicatorId} points at missing ${p}`);
  }
  if (s.supersedes !== null && s.supersedes >= s.revision) fail('E_INCONSISTENT', 'supersedes must be lower than revision');
  if (hooks.isReplay?.(s.submissionId, s.revision)) fail('E_REPLAY', `${s.submissionId} revision ${s.revision}`);

  const warnings: BundleWarningCode[] = [];
  const registered = hooks.isSignerRegistered
    ? hooks.isSignerRegistered(signer, s.agency)
    : norm(signer.subject).includes(norm(s.agency.name));
  if (!registered) warnings.push('W_SIGNER_NOT_REGISTERED');
  return { submission: s, warnings };
};

import type { BundleWarningCode } from '../../../../../shared/domain/bundle-codes';
import { ROUND_KIND, ROUND_SET_PATH_RE, roundConsistencyIssues, roundPackageSchema } from '../../../../../shared/schemas/round';
import type { RoundPackage } from '../../../../../shared/schemas/round';
import type { IndicatorSet } from '../../../../../shared/schemas/indicator-set';
import { validateIndicatorSet } from '../../../../../shared/schemas/indicator-set-validate';
import type { SignerDetails } from '../../../../../shared/schemas/submission';
import { indicatorSetSha256 } from '../../indicator-sets/catalog';
import { parseContentJson } from './content-json';
import { fail } from './failure';

export type RoundHooks = {
  /** Replay: true when this round's revision (or a higher one) was already imported here. */
  isRoundReplay?: (roundId: string, revision: number) => boolean;
};

export type CheckedRound = { round: RoundPackage; sets: Map<string, IndicatorSet>; warnings: BundleWarningCode[] };

const norm = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * Step 8 for a round package (docs/package-formats.md): round.json against its strict schema and rules,
 * then every included set: the same JSON guards as any content file, the full set validation, and its
 * canonical SHA-256 (the one the catalog computes) equal to what round.json declares, with the same id,
 * version and a block the set is meant for. No set file may be left undeclared. Step 9: signer ↔ issuer.
 */
export const checkRoundSemantics = (json: Buffer, kept: Map<string, Buffer>, signer: SignerDetails, hooks: RoundHooks): CheckedRound => {
  const raw = parseContentJson(json, 'E_ROUND_SCHEMA');
  const head = raw && typeof raw === 'object' ? (raw as { kind?: unknown }) : {};
  if (head.kind !== ROUND_KIND) fail('E_WRONG_KIND', `kind ${String(head.kind).slice(0, 20)}`);
  const parsed = roundPackageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('E_ROUND_SCHEMA', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.slice(0, 200));
  }
  const round = parsed.data;
  const issue = roundConsistencyIssues(round)[0];
  if (issue) fail('E_ROUND_SCHEMA', `${issue[0]}: ${issue[1]}`);
  const sets = new Map<string, IndicatorSet>();
  for (const ref of round.sets) {
    const bytes = kept.get(ref.path) ?? fail('E_INCONSISTENT', `${ref.path} is not in the package`);
    const v = validateIndicatorSet(parseContentJson(bytes, 'E_ROUND_SCHEMA'));
    const set = v.ok ? v.set : fail('E_ROUND_SCHEMA', `${ref.path}: ${v.errors[0]?.message ?? ''}`.slice(0, 200));
    if (set.id !== ref.id || set.version !== ref.version) fail('E_ROUND_SET_MISMATCH', `${ref.path}: ${set.id} ${set.version}`);
    if (!set.unitTypes.includes(ref.block)) fail('E_ROUND_SET_MISMATCH', `${ref.path}: not a set for block ${ref.block}`);
    if (set.year !== round.year) fail('E_ROUND_SET_MISMATCH', `${ref.path}: a set for ${set.year}`);
    const sha = indicatorSetSha256(set);
    if (sha !== ref.sha256) fail('E_ROUND_SET_MISMATCH', `${ref.path}: SHA-256 ${sha}`);
    sets.set(ref.path, set);
  }
  for (const path of kept.keys()) if (ROUND_SET_PATH_RE.test(path) && !sets.has(path)) fail('E_INCONSISTENT', `${path} is not in round.json`);
  if (hooks.isRoundReplay?.(round.roundId, round.revision)) fail('E_REPLAY', `round ${round.roundId} revision ${round.revision}`);
  const warnings: BundleWarningCode[] = norm(signer.subject).includes(norm(round.issuer.name)) ? [] : ['W_SIGNER_NOT_REGISTERED'];
  return { round, sets, warnings };
};

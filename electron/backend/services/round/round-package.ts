import { canonicalJson } from '../../../../shared/domain/canonical-json';
import { SUBMISSION_FORMAT } from '../../../../shared/schemas/submission';
import { ROUND_KIND, roundConsistencyIssues, roundPackageSchema, roundSetPath } from '../../../../shared/schemas/round';
import type { RoundDeadlines, RoundPackage, RoundUnit } from '../../../../shared/schemas/round';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { UnitType } from '../../../../shared/schemas/unit';
import { AppFailure } from '../../../../shared/ipc/result';
import { ROUND_PATH } from '../bundle/constants';
import { packContainer } from '../bundle/pack-container';
import type { PackBuffer, PackResult } from '../bundle/pack-container';
import type { Signer } from '../signing/signer';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import { indicatorSetSha256 } from '../indicator-sets/catalog';

/** What Sở Nội vụ decided for one round (from its round tables, services/round/rounds.ts). */
export type RoundDraft = {
  roundId: string;
  revision: number;
  year: number;
  issuer: { code: string; name: string };
  /** The official set of each block: the normalised document as the catalog holds it. */
  sets: { block: UnitType; set: IndicatorSet }[];
  units: RoundUnit[];
  deadlines: RoundDeadlines;
};

/**
 * round.json and the set files of a round package. Each set is written as canonical JSON of the normalised
 * document, so the receiver's parse → validate → canonical SHA-256 gives back exactly the declared hash. A
 * draft that breaks a rule of the format is refused here with the rule, before anything is signed.
 */
export const buildRoundPackage = (d: RoundDraft, app: { name: string; version: string }, createdAt: string): { value: RoundPackage; buffers: PackBuffer[] } => {
  const sets = [...d.sets].sort((a, b) => a.block.localeCompare(b.block));
  const value: RoundPackage = {
    format: SUBMISSION_FORMAT,
    kind: ROUND_KIND,
    roundId: d.roundId,
    revision: d.revision,
    createdAt,
    app,
    issuer: d.issuer,
    year: d.year,
    sets: sets.map(({ block, set }) => ({ block, id: set.id, version: set.version, sha256: indicatorSetSha256(set), path: roundSetPath(block) })),
    units: d.units,
    deadlines: d.deadlines,
  };
  const parsed = roundPackageSchema.safeParse(value);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw AppFailure.of('ROUND_INVALID', { field: i?.path.join('.') ?? '', why: i?.message ?? '' });
  }
  const issue = roundConsistencyIssues(parsed.data)[0];
  if (issue) throw AppFailure.of('ROUND_INVALID', { field: issue[0], why: issue[1] });
  const buffers = sets.map(({ block, set }) => ({ path: roundSetPath(block), data: new TextEncoder().encode(`${canonicalJson(set)}\n`), compress: true }));
  return { value: parsed.data, buffers };
};

export type PackRoundOptions = {
  out: string;
  draft: RoundDraft;
  app: { name: string; version: string };
  signer: Signer;
  now: Date;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** The written package is verified before it is renamed into place (the export rule). */
  verify?: (file: string) => Promise<VerifyResult>;
};

/** Signs a round package with the generic container writer (the same as a submission's). */
export const packRound = (o: PackRoundOptions): Promise<PackResult & { round: RoundPackage }> => {
  const { value, buffers } = buildRoundPackage(o.draft, o.app, o.now.toISOString());
  return packContainer({
    out: o.out,
    content: { path: ROUND_PATH, value },
    files: [],
    buffers,
    signer: o.signer,
    now: o.now,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.verify ? { verify: o.verify } : {}),
  }).then((r) => ({ ...r, round: value }));
};

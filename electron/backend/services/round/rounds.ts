import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import type { RoundDetail, RoundRefreshResult } from '../../../../shared/ipc/channels/round';
import { AppFailure } from '../../../../shared/ipc/result';
import { blockPhrase } from '../../../../shared/domain/blocks';
import { roundFormProblem } from '../../../../shared/domain/round-form';
import { roundConsistencyIssues, roundSetPath } from '../../../../shared/schemas/round';
import type { BackendContext } from '../../context';
import { findRound, findRoundByYear, listRounds, roundSets, roundUnits, saveRound } from '../../db/repos/round-repo';
import type { RoundRow, RoundSetRow } from '../../db/repos/round-repo';
import { listRegistryUnits } from '../../db/repos/registry-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';
import { inTransaction } from '../../db/transaction';
import { uuidV7 } from '../bundle/submission-builder';
import type { RoundUnit } from '../../../../shared/schemas/round';
import type { RoundDraft } from './round-package';

const detailOf = (ctx: BackendContext, r: RoundRow): RoundDetail => ({
  id: r.id,
  year: r.year,
  revision: r.revision,
  deadlines: r.deadlines,
  sets: roundSets(ctx.db, r.id),
  units: roundUnits(ctx.db, r.id),
  exportedRevision: r.exportedRevision,
  exportedAt: r.exportedAt,
  updatedAt: r.updatedAt,
});

export const listRoundDetails = (ctx: BackendContext): RoundDetail[] => listRounds(ctx.db).map((r) => detailOf(ctx, r));

export const requireRound = (ctx: BackendContext, id: string): RoundRow => {
  const r = findRound(ctx.db, id);
  if (!r) throw AppFailure.of('ROUND_NOT_FOUND');
  return r;
};

/**
 * The round's unit list is the register's list of that year (services/registry): never typed twice. A year
 * with no register (or an empty one) has no round yet: ROUND_NO_REGISTER, which the UI links to the register.
 */
export const registerUnitsOf = (ctx: BackendContext, year: number): RoundUnit[] => {
  const units = listRegistryUnits(ctx.db, year).map((u) => ({ code: u.code, name: u.name.normalize('NFC').trim(), block: u.block }));
  if (units.length === 0) throw AppFailure.of('ROUND_NO_REGISTER', { year });
  return units;
};

const sameUnits = (a: RoundUnit[], b: RoundUnit[]): boolean =>
  a.length === b.length && a.every((u, i) => u.code === b[i]!.code && u.name === b[i]!.name && u.block === b[i]!.block);

/** An edit after the round was exported raises its revision, so units importing the new package replace the old one. */
const nextRevision = (current: RoundRow | null): number =>
  current ? (current.exportedRevision === current.revision ? current.revision + 1 : current.revision) : 1;

/**
 * Creates or edits Sở Nội vụ's round of a year. Each block's set is looked up in the catalog by id and
 * version and recorded with its canonical SHA-256; the unit list is the register's list of the year, read
 * again at every save (registerUnitsOf).
 */
export const saveRoundDraft = (ctx: BackendContext, input: ChannelParsedInput<'round.save'>): RoundDetail => {
  const sets: RoundSetRow[] = input.sets.map((s) => {
    const entry = ctx.catalog.getVersion(s.setId, s.setVersion);
    if (!entry.summary.unitTypes.includes(s.block) || entry.summary.year !== input.year) {
      throw AppFailure.of('ROUND_SET_NOT_FOR', { id: s.setId, block: blockPhrase(s.block), year: input.year });
    }
    return { block: s.block, setId: entry.summary.id, setVersion: entry.summary.version, setSha256: entry.summary.sha256 };
  });
  const units = registerUnitsOf(ctx, input.year);
  // The form's rules, worded for the user (the editor checks them too); then the package's own, which should not fire.
  const problem = roundFormProblem({ year: input.year, blocks: sets.map((s) => s.block), deadlines: input.deadlines }, [...new Set(units.map((u) => u.block))]);
  if (problem) throw AppFailure.fromReason(problem.reason, problem.params);
  const issue = roundConsistencyIssues({
    format: 'SATB/1',
    kind: 'round',
    roundId: '00000000-0000-7000-8000-000000000000',
    revision: 1,
    createdAt: '2000-01-01T00:00:00Z',
    app: { name: '', version: '' },
    issuer: { code: 'X', name: 'X' },
    year: input.year,
    sets: sets.map((s) => ({ block: s.block, id: s.setId, version: s.setVersion, sha256: s.setSha256, path: roundSetPath(s.block) })),
    units,
    deadlines: input.deadlines,
  })[0];
  if (issue) throw AppFailure.of('ROUND_INVALID', { field: issue[0], why: issue[1] });
  const now = ctx.now().toISOString();
  return inTransaction(ctx.db, () => {
    const current = input.id ? requireRound(ctx, input.id) : null;
    const sameYear = findRoundByYear(ctx.db, input.year);
    if (sameYear && sameYear.id !== current?.id) throw AppFailure.of('ROUND_YEAR_TAKEN', { year: input.year });
    const revision = nextRevision(current);
    const id = current?.id ?? uuidV7(ctx.now().getTime());
    saveRound(ctx.db, { id, year: input.year, revision, deadlines: input.deadlines, createdAt: current?.createdAt ?? now, updatedAt: now }, sets, units);
    return detailOf(ctx, requireRound(ctx, id));
  });
};

/**
 * Brings units added to (or renamed in) the register since the round was saved into the round. Nothing is
 * written when the list is the same, so the revision rises only when the units really changed.
 */
export const refreshRoundUnits = (ctx: BackendContext, roundId: string): RoundRefreshResult =>
  inTransaction(ctx.db, () => {
    const current = requireRound(ctx, roundId);
    const before = roundUnits(ctx.db, current.id);
    const units = registerUnitsOf(ctx, current.year);
    if (sameUnits(before, units)) return { round: detailOf(ctx, current), changed: false, added: 0 };
    const known = new Set(before.map((u) => u.code));
    const sets = roundSets(ctx.db, current.id);
    saveRound(ctx.db, { id: current.id, year: current.year, revision: nextRevision(current), deadlines: current.deadlines, createdAt: current.createdAt, updatedAt: ctx.now().toISOString() }, sets, units);
    return { round: detailOf(ctx, requireRound(ctx, current.id)), changed: true, added: units.filter((u) => !known.has(u.code)).length };
  });

/** What is signed: the round as stored, the issuer from this installation's unit profile, sets from the catalog. */
export const draftOf = (ctx: BackendContext, id: string): RoundDraft => {
  const r = requireRound(ctx, id);
  const unit = getUnitProfile(ctx.db);
  if (!unit) throw AppFailure.of('ROUND_ISSUER_FIRST');
  const sets = roundSets(ctx.db, id).map((s) => {
    const entry = ctx.catalog.getVersion(s.setId, s.setVersion);
    // The catalog file may have been replaced since the round was saved: never sign a set the round did not choose.
    if (entry.summary.sha256 !== s.setSha256) throw AppFailure.of('ROUND_INVALID', { field: `sets.${s.block}`, why: `${s.setId} ${s.setVersion} changed since the round was saved` });
    return { block: s.block, set: entry.document };
  });
  return { roundId: r.id, revision: r.revision, year: r.year, issuer: { code: unit.code, name: unit.name }, sets, units: roundUnits(ctx.db, id), deadlines: r.deadlines };
};

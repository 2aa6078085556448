import { randomUUID } from 'node:crypto';

import { AppFailure } from '../../../../shared/ipc/result';
import type { Assessment, CreateAssessmentInput } from '../../../../shared/schemas/assessment';
import type { BackendContext } from '../../context';
import { findAssessmentOfYear, insertAssessment } from '../../db/repos/assessment-repo';
import { bindAssessmentsToRound, receivedRoundForYear, receivedRoundSets } from '../../db/repos/received-round-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';
import { inTransaction } from '../../db/transaction';

/**
 * A new draft assessment on an indicator set. The unit profile must exist (reports and bundles print it)
 * and the set must be meant for the unit's type (a sở does not score itself on the phường set). The set's
 * version and hash are recorded, so a later change of the set is noticed before submission. A year already
 * assessed on the set is refused with the existing one's id, so the UI can offer to open it.
 */
export const createAssessment = (ctx: BackendContext, input: CreateAssessmentInput): Assessment => {
  const unit = getUnitProfile(ctx.db);
  if (!unit) throw AppFailure.of('UNIT_PROFILE_FIRST');
  const { summary } = ctx.catalog.get(input.indicatorSetId);
  if (!summary.unitTypes.includes(unit.type)) {
    throw AppFailure.of('SET_NOT_FOR_UNIT_TYPE');
  }
  // A year with Sở Nội vụ's round: only its official set for this unit's block, and its deadline.
  const round = receivedRoundForYear(ctx.db, input.year);
  const official = round ? receivedRoundSets(ctx.db, round.roundId).find((s) => s.block === unit.type) : undefined;
  if (round && official && official.setSha256 !== summary.sha256) {
    throw AppFailure.of('ROUND_SET_REQUIRED', { year: input.year, id: official.setId, version: official.setVersion });
  }
  // One per year and set (id and version): starting again is a new revision of that one, not a second, indistinguishable twin.
  const existing = findAssessmentOfYear(ctx.db, input.year, summary.id, summary.version);
  if (existing) throw AppFailure.of('ASSESSMENT_EXISTS', { year: input.year, set: existing.indicatorSetName, assessmentId: existing.id });
  const now = ctx.now().toISOString();
  const created = inTransaction(ctx.db, () => {
    const a = insertAssessment(ctx.db, {
      id: randomUUID(),
      year: input.year,
      indicatorSetId: summary.id,
      indicatorSetVersion: summary.version,
      indicatorSetName: summary.name,
      indicatorSetSha256: summary.sha256,
      revision: 1,
      supersedesRevision: null,
      status: 'draft',
      deadline: input.deadline ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (round && official) bindAssessmentsToRound(ctx.db, { roundId: round.roundId, year: input.year, setSha256: official.setSha256, deadline: round.deadlines.selfAssessmentDue, now });
    return a;
  });
  return round && official ? { ...created, deadline: round.deadlines.selfAssessmentDue } : created;
};

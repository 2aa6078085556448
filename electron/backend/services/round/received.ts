import type { ReceivedRound } from '../../../../shared/ipc/channels/round';
import type { BackendContext } from '../../context';
import { listReceivedRounds, receivedRoundSets } from '../../db/repos/received-round-repo';
import { listAssessments } from '../../db/repos/assessment-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';

/**
 * The rounds this unit imported, each with its official set for the unit's block and the assessments of
 * that year: bound (on the official set, SHA-256 equal) or on another set (shown, so the unit moves to the
 * official set before it submits).
 */
export const listReceived = (ctx: BackendContext): ReceivedRound[] => {
  const unit = getUnitProfile(ctx.db);
  const assessments = listAssessments(ctx.db);
  return listReceivedRounds(ctx.db).map((r) => {
    const sets = receivedRoundSets(ctx.db, r.roundId);
    const officialSet = (unit && sets.find((s) => s.block === unit.type)) ?? null;
    const ofYear = assessments.filter((a) => a.year === r.year);
    return {
      roundId: r.roundId,
      year: r.year,
      revision: r.revision,
      issuer: { code: r.issuerCode, name: r.issuerName },
      signerSubject: r.signerSubject,
      deadlines: r.deadlines,
      sets,
      officialSet,
      boundAssessmentIds: ofYear.filter((a) => officialSet && a.indicatorSetSha256 === officialSet.setSha256).map((a) => a.id),
      otherSetAssessmentIds: ofYear.filter((a) => !officialSet || a.indicatorSetSha256 !== officialSet.setSha256).map((a) => a.id),
      importedAt: r.importedAt,
    };
  });
};

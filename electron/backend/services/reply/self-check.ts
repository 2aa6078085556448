import type { ReplyView } from '../../../../shared/ipc/channels/reply';
import type { ResultCriterion } from '../../../../shared/schemas/appraisal-result';

export type SelfDifference = NonNullable<ReplyView['submission']['selfDiffers']>[number];

/**
 * The lines of a received result whose "self" score is not the score this unit sent in the appraised
 * revision (its record of that bundle, submission-repo.ts `selfScores`, milli-points per leaf). Sở Nội vụ
 * computes that column from the bundle's answers with the same scoring engine (services/inbox/model.ts), so a
 * difference means the Department appraised other answers than the unit sent — worth settling before a giải
 * trình, which argues from the unit's own scores. A leaf missing from the record scored 0 (every leaf is kept).
 * Null when there is no record to compare with (exported before migration 0270, or on another installation).
 */
export const selfDifferences = (
  sent: Readonly<Record<string, number>> | null,
  criteria: readonly Pick<ResultCriterion, 'nodeId' | 'code' | 'self'>[],
): SelfDifference[] | null =>
  sent === null
    ? null
    : criteria.flatMap((c) => {
        // Own keys only: a node id such as "constructor" must not read Object.prototype.
        const submitted = Object.hasOwn(sent, c.nodeId) ? sent[c.nodeId]! : 0;
        return submitted === c.self ? [] : [{ nodeId: c.nodeId, code: c.code, submitted, inResult: c.self }];
      });

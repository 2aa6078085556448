import { findNode, isLeaf, isSurveyNode } from '../../../../shared/domain/indicator-tree';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { BackendContext } from '../../context';
import { insertLink } from '../../db/repos/evidence-repo';
import { loadAssessment, withEditable } from '../assessments/guards';
import { requireDocument } from './documents';

/** Only a sub-criterion the unit scores itself takes evidence: a leaf of the set that is not a survey node. */
const requireEvidenceNode = (set: IndicatorSet, nodeId: string): void => {
  const node = findNode(set, nodeId);
  if (!node) throw AppFailure.of('NODE_NOT_IN_SET', { nodeId });
  if (!isLeaf(node)) throw AppFailure.of('NODE_NOT_A_LEAF', { code: node.code });
  if (isSurveyNode(node)) throw AppFailure.of('NODE_IS_SURVEY', { code: node.code });
};

/**
 * Links one stored document (one file in the content-addressed store, never a copy) to many sub-criteria
 * of its assessment in one transaction: every node is checked first, so one bad id links nothing; nodes
 * already linked are counted, not duplicated.
 */
export const linkDocumentToNodes = (
  ctx: BackendContext,
  documentId: string,
  nodeIds: readonly string[],
): { linked: number; alreadyLinked: number } => {
  const d = requireDocument(ctx.db, documentId);
  const { set } = loadAssessment(ctx, d.assessmentId);
  const unique = [...new Set(nodeIds)];
  return withEditable(
    ctx,
    d.assessmentId,
    ({ now }) => {
      // Checked inside the write so that a locked assessment answers LOCKED before any node problem.
      for (const id of unique) requireEvidenceNode(set, id);
      let linked = 0;
      for (const id of unique) if (insertLink(ctx.db, d.assessmentId, id, d.id, now)) linked++;
      return { linked, alreadyLinked: unique.length - linked };
    },
    (r) => r.linked > 0,
  );
};

import { EvidencePanel } from '../evidence/index';
import { useAssessment } from './assessment-store';

/** The evidence engineer's panel on the sub-criterion page; any change refreshes the tree's evidence counts. */
export const EvidenceSlot = ({ assessmentId, nodeId, readOnly }: { assessmentId: string; nodeId: string; readOnly: boolean }) => {
  const { refreshEvidence } = useAssessment();
  return <EvidencePanel assessmentId={assessmentId} nodeId={nodeId} readOnly={readOnly} onChanged={refreshEvidence} />;
};

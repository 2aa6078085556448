import { useT } from '../../app/app-context';
import { EvidencePanel } from './EvidencePanel';
import { evidenceMessages } from './messages';

const enc = encodeURIComponent;

/**
 * A bare page with the panel for one sub-criterion (route /a/:assessmentId/evidence/:nodeId): usable on its
 * own and by the e2e test, independent of the answer page that normally hosts the panel.
 */
export const EvidenceNodePage = ({ assessmentId, nodeId }: { assessmentId: string; nodeId: string }) => {
  const t = useT(evidenceMessages);
  return (
    <div className="page">
      <a href={`#/a/${enc(assessmentId)}/library`}>{t('libraryTitle')}</a>
      <h2>{t('nodePageTitle', { node: nodeId })}</h2>
      <EvidencePanel assessmentId={assessmentId} nodeId={nodeId} readOnly={false} />
    </div>
  );
};

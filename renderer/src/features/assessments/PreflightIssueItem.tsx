import type { PreflightIssue } from '../../../../shared/domain/preflight';
import { useT } from '../../app/app-context';
import { issueMessages } from './messages';
import { libraryHref, nodeHref } from './paths';

/** One preflight finding in plain Vietnamese, linked to the place that fixes it (the node or the library). */
export const PreflightIssueItem = ({ assessmentId, issue }: { assessmentId: string; issue: PreflightIssue }) => {
  const ti = useT(issueMessages);
  const text = ti(issue.code, issue.params);
  return (
    <li>
      {issue.nodeId ? (
        <a href={nodeHref(assessmentId, issue.nodeId)}>{text}</a>
      ) : issue.code === 'EVIDENCE_PROBLEM' ? (
        <a href={libraryHref(assessmentId)}>{text}</a>
      ) : (
        <span>{text}</span>
      )}
    </li>
  );
};

/** Render helper for `.map()`: stable keys even when one node has several findings. */
export const preflightItems = (assessmentId: string) => (i: PreflightIssue, idx: number) => (
  <PreflightIssueItem key={`${i.code}-${i.nodeId ?? ''}-${idx}`} assessmentId={assessmentId} issue={i} />
);

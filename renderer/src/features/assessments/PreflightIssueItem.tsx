import { useCallback } from 'react';

import { evidenceProblemText } from '../../../../shared/domain/evidence-problems';
import type { PreflightIssue } from '../../../../shared/domain/preflight';
import { scoreProblemText } from '../../../../shared/domain/scoring/problems';
import { useLang } from '../../app/app-context';
import { translate } from '../../i18n/messages';
import { issueMessages } from './messages';
import { libraryHref, nodeHref } from './paths';

/**
 * An issue in the UI language. The backend's `params.detail` is Vietnamese, so the detail is worded again
 * from the codes the issue carries (the engine's problem, the evidence check's finding).
 */
export const useIssueText = () => {
  const lang = useLang();
  return useCallback(
    (issue: PreflightIssue): string => {
      const detail = issue.problem
        ? scoreProblemText(issue.problem, lang)
        : issue.evidence
          ? evidenceProblemText(issue.evidence.problem, issue.evidence.name, lang)
          : issue.params.detail;
      return translate(issueMessages, lang, issue.code, detail === undefined ? issue.params : { ...issue.params, detail });
    },
    [lang],
  );
};

/** One preflight finding, linked to the place that fixes it (the node or the library). */
export const PreflightIssueItem = ({ assessmentId, issue }: { assessmentId: string; issue: PreflightIssue }) => {
  const text = useIssueText()(issue);
  return (
    <li>
      {issue.nodeId ? (
        <a href={nodeHref(assessmentId, issue.nodeId)}>{text}</a>
      ) : issue.code === 'EVIDENCE_PROBLEM' || issue.code === 'EVIDENCE_METADATA_MISSING' ? (
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

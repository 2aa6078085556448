/**
 * Self-assessments: the list and the form that creates one (with carry-forward), and the guided
 * self-assessment (dashboard, criteria tree, sub-criterion page, preflight, lock/new revision).
 */
export { AssessmentList } from './AssessmentList';
export { CreateAssessmentForm } from './CreateAssessmentForm';
export { assessmentListMessages } from './messages-list';
export { AssessmentShell } from './AssessmentShell';
export type { AssessmentView } from './AssessmentShell';
export { dashboardHref, nodeHref, preflightHref, submitHref, treeHref } from './paths';
export { preflightItems } from './PreflightIssueItem';

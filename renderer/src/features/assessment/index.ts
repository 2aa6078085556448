/** The guided self-assessment (dashboard, criteria tree, sub-criterion page, preflight, lock/new revision). */
export { AssessmentShell } from './AssessmentShell';
export type { AssessmentView } from './AssessmentShell';
export { dashboardHref, nodeHref, preflightHref, submitHref, treeHref } from './paths';

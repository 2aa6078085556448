/** Hash links of the assessment pages (one place, so tests and other features can build them too). */
const enc = encodeURIComponent;
export const dashboardHref = (assessmentId: string): string => `#/a/${enc(assessmentId)}`;
export const nodeHref = (assessmentId: string, nodeId: string): string => `#/a/${enc(assessmentId)}/n/${enc(nodeId)}`;
export const treeHref = (assessmentId: string): string => `#/a/${enc(assessmentId)}/tree`;
export const preflightHref = (assessmentId: string): string => `#/a/${enc(assessmentId)}/preflight`;
export const submitHref = (assessmentId: string): string => `#/a/${enc(assessmentId)}/submit`;
export const libraryHref = (assessmentId: string): string => `#/a/${enc(assessmentId)}/library`;
export const surveyHref = (assessmentId: string): string => `#/a/${enc(assessmentId)}/survey`;
export const reportHref = (assessmentId: string): string => `#/a/${enc(assessmentId)}/report`;

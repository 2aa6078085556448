/** Survey (XHH) results: typed in or imported from Sở Nội vụ's sheet. */
export { SurveyPage } from './SurveyPage';
export const surveyHref = (assessmentId: string): string => `#/a/${encodeURIComponent(assessmentId)}/survey`;
